import type { AppCommand } from '../commands.ts';
import type { Disposer, Listener } from '../events.ts';
import type { AppCommandEvent } from '../models.ts';

export interface MenuContext {
  readonly postOpen: boolean;
}

/** What the window needs from the app around it: commands, and the menu's requests. */
export interface ShellApi {
  /** The app's commands with their accelerators: the renderer binds its shortcuts from this, the shell its menu. */
  listCommands(): Promise<AppCommand[]>;
  /** What the menu should offer: commands that act on a post are greyed out while none is open. No-op outside the app. */
  setMenuContext(context: MenuContext): Promise<void>;
  /** Menu commands from the shell (File › New Post, …). Never fired by the harness. */
  onDidRequestCommand(listener: Listener<AppCommandEvent>): Disposer;
}
