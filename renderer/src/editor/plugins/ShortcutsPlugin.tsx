import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, KEY_MODIFIER_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { type BlockType, setBlockType } from '../blockFormat.ts';

/**
 * Block shortcuts as in Google Docs and Word: Ctrl/Cmd+Alt+2…4 headings, +0 a paragraph, Ctrl/Cmd+Shift+8
 * a bulleted and +7 a numbered list. (Bold, italic, underline, undo and redo are Lexical's; Ctrl/Cmd+K is
 * the link dialog's.)
 */
const KEYS: Record<string, BlockType> = { 'alt+2': 'h2', 'alt+3': 'h3', 'alt+4': 'h4', 'alt+0': 'paragraph', 'shift+8': 'bullet', 'shift+7': 'number' };

export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_MODIFIER_COMMAND,
        (event) => {
          const mod = /Mac/.test(navigator.platform) ? event.metaKey : event.ctrlKey;
          if (!mod || event.altKey === event.shiftKey) return false;
          const digit = /^Digit(\d)$/.exec(event.code)?.[1];
          const type = digit ? KEYS[`${event.altKey ? 'alt' : 'shift'}+${digit}`] : undefined;
          if (!type) return false;
          event.preventDefault();
          setBlockType(editor, type);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
