import type { AppCommand } from '../../electron/common/commands.ts';
import type { AppCommandId } from '../../electron/common/models.ts';

interface KeyChord {
  readonly key: string;
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

/** Parses an Electron accelerator ("CmdOrCtrl+Shift+F") into a chord a keydown can be matched against. */
export function parseAccelerator(accelerator: string): KeyChord {
  const parts = accelerator.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    key,
    mod: mods.has('cmdorctrl') || mods.has('commandorcontrol'),
    shift: mods.has('shift'),
    alt: mods.has('alt') || mods.has('option'),
  };
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** Which app command (if any) a keydown means, from the same command list the shell's menu is built from. */
export function commandForKey(event: KeyboardEvent, commands: readonly AppCommand[]): AppCommandId | null {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  for (const command of commands) {
    const chord = parseAccelerator(command.accelerator);
    if (chord.key === event.key.toLowerCase() && chord.mod === mod && chord.shift === event.shiftKey && chord.alt === event.altKey) {
      return command.id;
    }
  }
  return null;
}

/**
 * Binds the app's shortcuts for the window's lifetime: a keydown that means a command, and a command from the
 * shell's menu, both go to the command bus (commands/bus.ts), where the desk and any pane that acts on a
 * command (the publish bar, the list's search field) hear it. A key something else already handled (the
 * editor's own shortcuts call preventDefault) or pressed while a modal dialog is open is left alone.
 */
export function bindAppShortcuts(
  commands: Promise<readonly AppCommand[]>,
  onMenuCommand: (listener: (event: { command: AppCommandId }) => void) => () => void,
  request: (command: AppCommandId) => void,
): () => void {
  let list: readonly AppCommand[] = [];
  void commands.then((loaded) => (list = loaded), () => undefined);
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]:modal')) return;
    const command = commandForKey(event, list);
    if (!command) return;
    event.preventDefault();
    request(command);
  };
  window.addEventListener('keydown', onKey);
  const disposeMenu = onMenuCommand(({ command }) => request(command));
  return () => {
    window.removeEventListener('keydown', onKey);
    disposeMenu();
  };
}
