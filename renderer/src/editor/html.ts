import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import DOMPurify from 'dompurify';
import { $getRoot, $insertNodes, type LexicalEditor } from 'lexical';

/**
 * HTML in and out of the editor. Incoming HTML did not come from the user's keyboard (it was imported or
 * pulled), so it is sanitised before it becomes DOM, even a detached one.
 */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

/** Replaces the editor's content with the given HTML. Call inside `editor.update()`. */
export function $loadHtml(editor: LexicalEditor, html: string): void {
  const dom = new DOMParser().parseFromString(sanitizeHtml(html), 'text/html');
  const nodes = $generateNodesFromDOM(editor, dom);
  const root = $getRoot();
  root.clear();
  root.select();
  $insertNodes(nodes);
}

/** The editor's content as HTML. Call inside `editor.read()` or `editorState.read()`. */
export function $exportHtml(editor: LexicalEditor): string {
  return $generateHtmlFromNodes(editor, null);
}
