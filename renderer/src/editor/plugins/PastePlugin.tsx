import { $generateNodesFromDOM } from '@lexical/html';
import { $generateNodesFromMarkdownString } from '@lexical/markdown';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $dfs } from '@lexical/utils';
import {
  $createParagraphNode, $createTextNode, $getSelection, $isParagraphNode, $isRangeSelection, $isRootNode, COMMAND_PRIORITY_LOW,
  type LexicalEditor, type LexicalNode, PASTE_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import { INSERT_IMAGE_FILES_COMMAND } from '../commands.ts';
import { $createEmbedNode } from '../nodes/EmbedNode.tsx';
import { videoProvider } from '../nodes/data.ts';
import { BARE_URL, cleanPastedHtml } from '../paste.ts';
import { looksLikeMarkdown, MARKDOWN_TRANSFORMERS } from './markdown.ts';

/**
 * What pasting does, by what the clipboard holds:
 * - image files: stored in the local media library and inserted as images;
 * - Lexical's own data (copied inside Longhand): Lexical's default, so nothing is lost between posts;
 * - HTML (web pages, Word, Google Docs): structure and inline formats kept, styles/scripts/junk dropped
 *   (paste.ts, then DOMPurify), h1 demoted to h2 (the title is the post's h1);
 * - a video link alone: an embed (on an empty line; elsewhere a link);
 * - Markdown text: converted; other plain text: one paragraph per line.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data) return false;
          const images = [...data.files].filter((f) => f.type.startsWith('image/'));
          if (images.length > 0) {
            event.preventDefault();
            return editor.dispatchCommand(INSERT_IMAGE_FILES_COMMAND, images);
          }
          if (data.types.includes('application/x-lexical-editor')) return false;
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          if (!html && !text) return false;
          event.preventDefault();
          editor.update(() => (html ? $pasteHtml(editor, html) : $pasteText(text)));
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}

function $insert(nodes: LexicalNode[]): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || nodes.length === 0) return;
  selection.insertNodes(nodes);
}

export function $pasteHtml(editor: LexicalEditor, html: string): void {
  const nodes = $generateNodesFromDOM(editor, cleanPastedHtml(html));
  for (const node of nodes) {
    for (const { node: n } of $dfs(node)) {
      if (!$isHeadingNode(n)) continue;
      const level = Number(n.getTag().slice(1));
      if (level < 2 || level > 4) n.setTag(`h${Math.min(4, Math.max(2, level))}` as HeadingTagType);
    }
  }
  $insert(nodes);
}

export function $pasteText(text: string): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const trimmed = text.trim();
  if (BARE_URL.test(trimmed) && videoProvider(trimmed)) {
    const block = selection.anchor.getNode().getTopLevelElement();
    if ($isParagraphNode(block) && block.getTextContentSize() === 0 && $isRootNode(block.getParent())) {
      const embed = $createEmbedNode({ url: trimmed });
      block.insertBefore(embed);
      block.select();
      return;
    }
  }
  if (looksLikeMarkdown(text)) {
    $insert($generateNodesFromMarkdownString(text, MARKDOWN_TRANSFORMERS));
    return;
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length <= 1) {
    selection.insertRawText(lines[0] ?? '');
    return;
  }
  $insert(
    lines.map((line) => {
      const url = line.trim();
      if (BARE_URL.test(url) && videoProvider(url)) return $createEmbedNode({ url });
      return $createParagraphNode().append($createTextNode(line));
    }),
  );
}
