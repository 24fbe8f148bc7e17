// The benchmark's baseline: a bare Lexical editor, rich text and history only, nothing of Longhand's.
// Test-only (bench/editor.bench.ts builds and serves it); never part of the app.

import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';

const editor = createEditor({
  namespace: 'bare',
  nodes: [HeadingNode, QuoteNode],
  onError: (error) => console.error(error),
});
editor.setRootElement(document.getElementById('editor'));
registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 1000);

/** Loads the benchmark text, one paragraph per block of the post the app opens. */
(window as unknown as { benchLoad: (paragraphs: string[]) => void }).benchLoad = (paragraphs) => {
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const text of paragraphs) root.append($createParagraphNode().append($createTextNode(text)));
    },
    { discrete: true },
  );
};
