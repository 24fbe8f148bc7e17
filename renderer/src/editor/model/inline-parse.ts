import { $createLinkNode, type LinkNode } from '@lexical/link';
import { $createLineBreakNode, $createTextNode, type ElementNode, TEXT_TYPE_TO_FORMAT, type TextFormatType } from 'lexical';
import type { Dialect } from '../../../../electron/common/document.ts';
import { $createInlineHtmlNode } from '../nodes/InlineHtmlNode.tsx';
import { decodeEntities, readAttrs } from './entities.ts';

/**
 * Inline HTML of a block (a paragraph's text, a list item, a caption) into Lexical inline nodes, without a
 * DOM: it runs in Node tests, and nothing here ever reaches a document. Text becomes text nodes (entities
 * decoded), strong/b, em/i, u, s/strike/del, code, sub/sup become formats, a[href] a link, br a line break.
 * Any other element is kept whole and byte-exact as an inline-HTML node (shown through DOMPurify), so a
 * paragraph with markup the editor has no node for can still be edited around it without losing it.
 * Misnested formats (`<b>x<i>y</b>z</i>`) are read the way browsers do: the inner format goes on.
 */

type Token =
  | { type: 'text'; raw: string }
  | { type: 'open'; name: string; attrs: string; raw: string; end: number }
  | { type: 'close'; name: string; raw: string };

const TAG = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;

function tokenize(html: string): Array<Token & { start: number }> {
  const out: Array<Token & { start: number }> = [];
  let pos = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m.index > pos) out.push({ type: 'text', raw: html.slice(pos, m.index), start: pos });
    const end = m.index + m[0].length;
    if (m[2] === undefined) out.push({ type: 'text', raw: '', start: m.index }); // a comment: dropped (isInlineHtml excludes them)
    else if (m[1]) out.push({ type: 'close', name: m[2].toLowerCase(), raw: m[0], start: m.index });
    else out.push({ type: 'open', name: m[2].toLowerCase(), attrs: m[3] ?? '', raw: m[0], start: m.index, end });
    pos = end;
  }
  if (pos < html.length) out.push({ type: 'text', raw: html.slice(pos), start: pos });
  return out;
}

const FORMATS: Record<string, TextFormatType> = {
  strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', ins: 'underline', s: 'strikethrough',
  strike: 'strikethrough', del: 'strikethrough', code: 'code', sub: 'subscript', sup: 'superscript',
};
const VOID = new Set(['img', 'wbr', 'input', 'embed', 'source', 'track', 'area', 'col', 'hr', 'meta', 'link', 'param']);
const UNDERLINE_SPAN = /^\s*text-decoration\s*:\s*underline\s*;?\s*$/i;

type Frame = { name: string; format: number } | { name: 'a'; format: 0; href: string; attrs: Map<string, string> };

/** What an open tag means: a format, a link, transparent (bare span), or nothing we model. */
function frameOf(name: string, attrs: string): Frame | 'transparent' | null {
  const format = FORMATS[name];
  if (format) return attrs.trim() === '' || name !== 'code' ? { name, format: TEXT_TYPE_TO_FORMAT[format] ?? 0 } : null;
  if (name === 'span') {
    const a = readAttrs(attrs);
    if (a.size === 0) return 'transparent';
    if (a.size === 1 && UNDERLINE_SPAN.test(a.get('style') ?? '')) return { name, format: TEXT_TYPE_TO_FORMAT.underline ?? 0 };
    return null;
  }
  if (name === 'a') {
    const a = readAttrs(attrs);
    const href = a.get('href');
    return href ? { name: 'a', format: 0, href, attrs: a } : null;
  }
  return null;
}

/** Index of the close token matching the open token at i (same name, nesting counted), or -1. */
function matchingClose(tokens: Token[], i: number): number {
  const name = (tokens[i] as { name: string }).name;
  let depth = 0;
  for (let k = i + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.type === 'open' && t.name === name) depth++;
    else if (t.type === 'close' && t.name === name && depth-- === 0) return k;
  }
  return -1;
}

/** Appends the inline nodes of `html` to `parent`. Call inside an editor update. */
export function $appendInline(parent: ElementNode, html: string, dialect: Dialect): void {
  const tokens = tokenize(html);
  const stack: Frame[] = [];
  let link: LinkNode | null = null;
  let afterBreak = false;
  const container = () => link ?? parent;
  const format = () => stack.reduce((f, fr) => f | fr.format, 0);
  const reopenLink = () => {
    const top = stack.findLast((f): f is Extract<Frame, { href: string }> => 'href' in f);
    if (!top) {
      link = null;
      return;
    }
    const a = top.attrs;
    link = $createLinkNode(top.href, { target: a.get('target') ?? null, rel: a.get('rel') ?? null, title: a.get('title') ?? null });
    parent.append(link);
  };
  const text = (raw: string) => {
    let s = raw;
    if (dialect === 'classic') {
      // wpautop: a newline is a line break, except right after an explicit <br>.
      if (afterBreak) s = s.replace(/^[ \t]*\r?\n/, '');
      const lines = s.split(/\r?\n/);
      lines.forEach((line, i) => {
        if (i > 0) container().append($createLineBreakNode());
        if (line !== '') container().append($createTextNode(decodeEntities(line)).setFormat(format()));
      });
    } else {
      // Block markup: a newline in a <p> is only whitespace, as a browser shows it.
      s = s.replace(/[ \t]*\r?\n[ \t\r\n]*/g, ' ');
      if (s !== '') container().append($createTextNode(decodeEntities(s)).setFormat(format()));
    }
    if (raw.trim() !== '') afterBreak = false;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'text') {
      if (t.raw !== '') text(t.raw);
      continue;
    }
    if (t.type === 'open' && t.name === 'br') {
      container().append($createLineBreakNode());
      afterBreak = true;
      continue;
    }
    afterBreak = false;
    if (t.type === 'close') {
      const at = stack.findLastIndex((f) => f.name === t.name);
      if (at < 0) continue; // a stray closer: nothing to close
      const above = stack.splice(at);
      above.shift();
      stack.push(...above);
      if (t.name === 'a' || above.some((f) => 'href' in f)) reopenLink();
      continue;
    }
    const frame = frameOf(t.name, t.attrs);
    if (frame === 'transparent') continue;
    if (frame && !(frame.name === 'a' && link)) {
      stack.push(frame);
      if ('href' in frame) reopenLink();
      continue;
    }
    // Not modelled: keep the element whole, byte for byte.
    const close = VOID.has(t.name) || t.raw.endsWith('/>') ? i : matchingClose(tokens, i);
    if (close < 0) continue; // an unclosed unknown tag: treat as transparent
    const end = close === i ? t.end : tokens[close]!.start + (tokens[close] as { raw: string }).raw.length;
    container().append($createInlineHtmlNode(html.slice(t.start, end)));
    i = close;
  }
}
