import { describe, expect, test } from 'vitest';
import { APP_COMMANDS } from '../../../electron/common/commands.ts';
import { commandForKey, parseAccelerator } from '../../../renderer/src/shortcuts.ts';

const mac = /Mac/.test(navigator.platform);

/** A keydown as the browser reports it for a chord: CmdOrCtrl is Cmd on macOS, Ctrl elsewhere (as in shortcuts.ts). */
function keydown(accelerator: string): KeyboardEvent {
  const chord = parseAccelerator(accelerator);
  const key = chord.key.length === 1 ? (chord.shift ? chord.key.toUpperCase() : chord.key) : chord.key[0]!.toUpperCase() + chord.key.slice(1);
  return { key, ctrlKey: chord.mod && !mac, metaKey: chord.mod && mac, shiftKey: chord.shift, altKey: chord.alt } as KeyboardEvent;
}

/** What the editor and the text fields already answer: an app command on one of these would steal it. */
const TAKEN = [
  'CmdOrCtrl+B', 'CmdOrCtrl+I', 'CmdOrCtrl+U', 'CmdOrCtrl+K', 'CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y', 'CmdOrCtrl+A',
  'CmdOrCtrl+C', 'CmdOrCtrl+X', 'CmdOrCtrl+V', 'CmdOrCtrl+Shift+V', 'CmdOrCtrl+Backspace', 'CmdOrCtrl+Delete',
  'CmdOrCtrl+Alt+0', 'CmdOrCtrl+Alt+2', 'CmdOrCtrl+Alt+3', 'CmdOrCtrl+Alt+4', 'CmdOrCtrl+Shift+7', 'CmdOrCtrl+Shift+8',
  'CmdOrCtrl+Shift+I', 'CmdOrCtrl+Shift+U',
];

describe('the renderer’s shortcuts, from the shared command list', () => {
  test('every command’s accelerator, pressed, means that command', () => {
    for (const command of APP_COMMANDS) expect(commandForKey(keydown(command.accelerator), APP_COMMANDS), command.accelerator).toBe(command.id);
  });

  test('no command takes a key the editor or a text field answers, nor Ctrl+Alt+letter (AltGr on Windows)', () => {
    const taken = new Set(TAKEN.map((a) => a.toLowerCase()));
    for (const command of APP_COMMANDS) {
      expect(taken.has(command.accelerator.toLowerCase()), command.id).toBe(false);
      const chord = parseAccelerator(command.accelerator);
      expect(chord.mod, command.id).toBe(true);
      expect(chord.alt && /^[a-z]$/.test(chord.key), command.id).toBe(false);
    }
  });

  test('plain typing and the editor’s chords mean no command', () => {
    for (const key of ['a', 'ö', 'Enter', 'Backspace']) expect(commandForKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false } as KeyboardEvent, APP_COMMANDS)).toBeNull();
    for (const accelerator of TAKEN) expect(commandForKey(keydown(accelerator), APP_COMMANDS), accelerator).toBeNull();
  });
});
