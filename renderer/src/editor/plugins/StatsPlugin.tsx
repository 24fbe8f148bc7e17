import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { useEffect } from 'react';
import { type TextStats, textStats } from '../stats.ts';

export interface EditorStats {
  readonly post: TextStats;
  /** Only while some text is selected. */
  readonly selection: TextStats | null;
}

/**
 * Counts off the typing path: a pause of 300 ms after the last change before counting (a 20,000-word post
 * takes a few milliseconds to count; doing it per keystroke would be felt).
 */
const DELAY_MS = 300;

export function StatsPlugin({ onStats }: { onStats: (stats: EditorStats) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let post: TextStats | null = null;
    let contentChanged = true;
    const run = () => {
      timer = undefined;
      editor.getEditorState().read(() => {
        if (contentChanged || !post) post = textStats($getRoot().getTextContent());
        contentChanged = false;
        const selection = $getSelection();
        const selected = $isRangeSelection(selection) && !selection.isCollapsed() ? textStats(selection.getTextContent()) : null;
        onStats({ post, selection: selected && selected.characters > 0 ? selected : null });
      });
    };
    run();
    const remove = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) contentChanged = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(run, DELAY_MS);
    });
    return () => {
      remove();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editor, onStats]);
  return null;
}
