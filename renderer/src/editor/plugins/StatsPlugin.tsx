import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, $getSelection, $isRangeSelection, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import { $topLevel } from '../model/document.ts';
import { sumStats, type TextStats, textStats } from '../stats.ts';

export interface EditorStats {
  readonly post: TextStats;
  /** Only while some text is selected. */
  readonly selection: TextStats | null;
}

/**
 * Counts off the typing path: a pause of 300 ms after the last change before counting. Counting a whole
 * 20,000-word post is a task of tens of milliseconds (felt, and a "long task" on a slow machine), so the
 * counts are kept per top-level block and only the blocks an update touched are counted again; the post's
 * figures are their sum (a word never spans two blocks). An undo swaps in a whole state: then all again.
 */
const DELAY_MS = 300;

export function StatsPlugin({ onStats }: { onStats: (stats: EditorStats) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const byBlock = new Map<NodeKey, TextStats>();
    let post: TextStats | null = null;
    const run = () => {
      timer = undefined;
      editor.getEditorState().read(() => {
        if (!post) {
          const counted = new Map<NodeKey, TextStats>();
          for (const block of $getRoot().getChildren()) {
            const key = block.getKey();
            counted.set(key, byBlock.get(key) ?? textStats(block.getTextContent()));
          }
          byBlock.clear();
          for (const [key, stats] of counted) byBlock.set(key, stats);
          post = sumStats(byBlock.values());
        }
        const selection = $getSelection();
        const selected = $isRangeSelection(selection) && !selection.isCollapsed() ? textStats(selection.getTextContent()) : null;
        onStats({ post, selection: selected && selected.characters > 0 ? selected : null });
      });
    };
    timer = setTimeout(run, DELAY_MS);
    const remove = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
      if (tags.has('historic')) {
        byBlock.clear();
        post = null;
      } else if (dirtyElements.size > 0 || dirtyLeaves.size > 0) {
        post = null;
        editorState.read(() => {
          for (const key of [...dirtyLeaves, ...dirtyElements.keys()]) {
            const node = key === 'root' ? null : $getNodeByKey(key);
            const top = node ? $topLevel(node) : null;
            if (top) byBlock.delete(top.getKey());
          }
        });
      }
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
