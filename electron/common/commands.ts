import type { AppCommandId } from './models.ts';

/**
 * Every app command once: the shell builds its menu from this list, the renderer its keyboard shortcuts.
 * Accelerators use Electron's syntax; `CmdOrCtrl` is Cmd on macOS and Ctrl elsewhere.
 */
export interface AppCommand {
  readonly id: AppCommandId;
  readonly label: string;
  readonly accelerator: string;
}

export const APP_COMMANDS: readonly AppCommand[] = [
  { id: 'new-post', label: 'New Post', accelerator: 'CmdOrCtrl+N' },
  { id: 'delete-post', label: 'Delete Post…', accelerator: 'CmdOrCtrl+Backspace' },
];
