import type { ShellApi } from '../../common/api/shell.ts';
import { APP_COMMANDS } from '../../common/commands.ts';
import type { Emitter } from '../../common/events.ts';
import type { AppCommandEvent } from '../../common/models.ts';

/** Commands are data in common; the shell fires them into `commands` when a menu item is clicked. */
export function createShellApi(commands: Emitter<AppCommandEvent>): ShellApi {
  return {
    listCommands: async () => APP_COMMANDS.map((command) => ({ ...command })),
    // Only the app has a menu: main answers this itself (main.ts); the harness and the CLI have nothing to grey out.
    setMenuContext: async () => undefined,
    onDidRequestCommand: commands.event,
  };
}
