import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { CLEAR_HISTORY_COMMAND, HISTORY_MERGE_TAG } from 'lexical';
import { useEffect } from 'react';
import type { ParsedPost } from '../../../../electron/common/document.ts';
import { $loadDocument, LOAD_TAG } from '../model/document.ts';
import type { DocumentTracker } from '../model/tracker.ts';

/**
 * Loads a parsed post into the editor and feeds every later update to its tracker (which turns the editor
 * back into a draft at save time). A new `document` (the source view applied) replaces the content and
 * starts a fresh history: undoing into the old parse would mix two documents' origins.
 *
 * It loads in a passive effect and is the editor's last plugin: registering a node transform marks every
 * node of that type dirty, so plugins that register after the load would make the tracker see the whole
 * post as touched (and the first autosave of a long post would project every block).
 */
export function DocumentPlugin({ document, tracker }: { document: ParsedPost; tracker: DocumentTracker }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const remove = editor.registerUpdateListener((update) => tracker.noteUpdate(update));
    const start = performance.now();
    // Discrete: the blocks become nodes and the nodes DOM in this call (the decorators' React views follow).
    editor.update(() => $loadDocument(document), { tag: [LOAD_TAG, HISTORY_MERGE_TAG], discrete: true });
    performance.measure('longhand:open:editor', { start });
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
    return remove;
  }, [editor, document, tracker]);
  return null;
}
