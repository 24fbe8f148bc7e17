import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/**
 * Undo/redo with a capped stack: every entry holds a whole editor state, so an unbounded history grows
 * through hours of writing. 100 steps (merged while typing within a second; Word's default depth too) is
 * more than anyone undoes, and keeps a 20,000-word post's history to a few megabytes.
 */
export const HISTORY_MAX_DEPTH = 100;
const MERGE_DELAY_MS = 1000;

export function HistoryPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerHistory(editor, createEmptyHistoryState(), MERGE_DELAY_MS, Date.now, undefined, HISTORY_MAX_DEPTH), [editor]);
  return null;
}
