// A headless Lexical editor with the app's nodes, for testing the editor's model code in Node.

import { createEditor, type LexicalEditor } from 'lexical';
import { EDITOR_NODES } from '../../../renderer/src/editor/nodes.ts';

export function headlessEditor(): LexicalEditor {
  return createEditor({
    namespace: 'test',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/** Runs fn in a synchronous update and returns its result. */
export function update<T>(editor: LexicalEditor, fn: () => T, tag?: string): T {
  let out: T | undefined;
  editor.update(
    () => {
      out = fn();
    },
    { discrete: true, ...(tag ? { tag } : {}) },
  );
  return out as T;
}

export function read<T>(editor: LexicalEditor, fn: () => T): T {
  return editor.getEditorState().read(fn);
}
