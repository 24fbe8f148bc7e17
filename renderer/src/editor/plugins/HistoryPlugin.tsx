import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/**
 * Undo/redo with a capped stack: every entry holds a whole editor state, so an unbounded history grows
 * through hours of writing. 200 steps (merged while typing within a second) is far more than anyone undoes.
 */
export const HISTORY_MAX_DEPTH = 200;
const MERGE_DELAY_MS = 1000;

export function HistoryPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerHistory(editor, createEmptyHistoryState(), MERGE_DELAY_MS, Date.now, undefined, HISTORY_MAX_DEPTH), [editor]);
  return null;
}
