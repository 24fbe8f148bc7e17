// Reading model fields out of HTML elements; shared by the classic and the block classifier.
// Every reader returns undefined when the markup is not exactly what it understands, so the caller
// can fall back to an opaque block rather than guess.

import { BLOCK_TAGS, type ElementNode, type HtmlNode, containsTag, getAttr, inner, parseAttrs, parseFragment, significant } from './html.ts';
import { decodeEntities } from './inline.ts';
import { type HeadingBlock, type ImageAlign, type ImageBlock, type ListItem, type ListModel, type QuoteChild, type QuoteChildOrigin, quoteShape } from './model.ts';

/** Inline content: no block-level markup (and no comments, which the editor cannot keep inline). */
export function isInlineHtml(html: string): boolean {
  return !containsTag(html, BLOCK_TAGS) && !/<!--/.test(html);
}

export function trimWs(s: string): string {
  return s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
}

/** The one significant node of a fragment if it is an element spanning all of it (after trimming). */
export function soleElement(s: string, nodes: HtmlNode[], from = 0, to = s.length): ElementNode | undefined {
  const sig = significant(s, nodes);
  const el = sig[0];
  if (sig.length !== 1 || el?.type !== 'el') return undefined;
  if (trimWs(s.slice(from, el.start)) !== '' || trimWs(s.slice(el.end, to)) !== '') return undefined;
  return el;
}

/** True if the element has a real end tag (the tree builder closes unclosed elements implicitly). */
export function hasEndTag(s: string, el: ElementNode): boolean {
  return s.slice(el.innerEnd, el.end).toLowerCase().startsWith(`</${el.name}`);
}

/** `<ul>`/`<ol>` with `<li>` children, each holding inline HTML and optionally one nested list last. */
export function readList(s: string, el: ElementNode): ListModel | undefined {
  if ((el.name !== 'ul' && el.name !== 'ol') || !hasEndTag(s, el)) return undefined;
  const items: ListItem[] = [];
  for (const li of significant(s, el.children)) {
    if (li.type !== 'el' || li.name !== 'li') return undefined;
    const sig = significant(s, li.children);
    const nestedIdx = sig.findIndex((n) => n.type === 'el' && (n.name === 'ul' || n.name === 'ol'));
    let html: string;
    let children: ListModel | undefined;
    if (nestedIdx >= 0) {
      if (nestedIdx !== sig.length - 1) return undefined;
      const nested = sig[nestedIdx] as ElementNode;
      children = readList(s, nested);
      if (!children) return undefined;
      html = trimWs(s.slice(li.innerStart, nested.start));
    } else {
      html = trimWs(inner(s, li));
    }
    if (!isInlineHtml(html)) return undefined;
    items.push(children ? { html, children } : { html });
  }
  return { ordered: el.name === 'ol', items };
}

/** Split text on blank lines (wpautop's paragraphs), trimmed, empties dropped. */
export function blankLineParagraphs(text: string): string[] {
  return text.split(/\r?\n[ \t\f\v]*(?:\r?\n[ \t\f\v]*)+/).map(trimWs).filter((p) => p !== '');
}

const SOLE_CITE = /^<cite(?:\s[^>]*)?>([\s\S]*)<\/cite>$/i;
const QUOTE_BLOCK = /^(?:p|h[1-6]|ul|ol)$/;

export interface QuoteFields {
  paragraphs: string[];
  children?: QuoteChild[];
  citation?: string;
  /** For a quote of elements: where each came from (see QuoteChildOrigin). */
  childOrigins?: QuoteChildOrigin[];
}

/** A `<p>`, heading or list inside a quote as a quote child; undefined for anything else. */
function quoteElement(s: string, n: ElementNode): QuoteChild | undefined {
  if (n.name === 'ul' || n.name === 'ol') {
    const list = readList(s, n);
    return list && { kind: 'list', ...list };
  }
  if (!QUOTE_BLOCK.test(n.name) || (!hasEndTag(s, n) && n.name !== 'p')) return undefined;
  const html = trimWs(inner(s, n));
  if (!isInlineHtml(html)) return undefined;
  return n.name === 'p' ? { kind: 'paragraph', html } : { kind: 'heading', level: Number(n.name.slice(1)) as HeadingBlock['level'], html };
}

/** One element of a classic quote, alone in `source` (core checks a kept source against its block with it). */
export function readQuoteElement(source: string): QuoteChild | undefined {
  const el = soleElement(source, parseFragment(source));
  return el && el.start === 0 && el.end === source.length ? quoteElement(source, el) : undefined;
}

/**
 * `<blockquote>` holding either elements — `<p>`, headings and lists, then an optional `<cite>` — or
 * classic text whose paragraphs are separated by blank lines, the last of which may be a lone `<cite>…</cite>`.
 */
export function readQuote(s: string, el: ElementNode): QuoteFields | undefined {
  if (el.name !== 'blockquote' || !hasEndTag(s, el)) return undefined;
  const sig = significant(s, el.children);
  const paragraphs: string[] = [];
  const children: QuoteChild[] = [];
  const childOrigins: QuoteChildOrigin[] = [];
  let citation: string | undefined;
  let pos = el.innerStart;
  if (sig.some((n) => n.type === 'el' && QUOTE_BLOCK.test(n.name))) {
    for (const n of sig) {
      if (n.type !== 'el' || citation !== undefined) return undefined;
      if (n.name === 'cite') {
        if (!hasEndTag(s, n)) return undefined;
        citation = trimWs(inner(s, n));
        if (!isInlineHtml(citation)) return undefined;
        continue;
      }
      const child = quoteElement(s, n);
      if (!child) return undefined;
      children.push(child);
      const gap = s.slice(pos, n.start);
      childOrigins.push({ source: s.slice(n.start, n.end), tagAttrs: n.attrs, ...(children.length === 1 ? { leading: gap } : { before: gap }) });
      pos = n.end;
    }
    const cite = sig[sig.length - 1];
    const last = childOrigins[childOrigins.length - 1];
    if (last && citation !== undefined && cite) {
      Object.assign(last, { trailing: s.slice(pos, cite.start), cite: s.slice(cite.start, cite.end), closing: s.slice(cite.end, el.innerEnd) });
    } else if (last) last.trailing = s.slice(pos, el.innerEnd);
  } else {
    const text = inner(s, el);
    if (!isInlineHtml(text)) return undefined;
    paragraphs.push(...blankLineParagraphs(text));
    const m = SOLE_CITE.exec(paragraphs[paragraphs.length - 1] ?? '');
    if (m && !/<\/?cite\b/i.test(m[1]!)) {
      paragraphs.pop();
      citation = trimWs(m[1]!);
    }
  }
  // Elements were read (children), or blank-line text (paragraphs).
  const out: QuoteFields = children.length ? quoteShape(children) : { paragraphs };
  if (childOrigins.length) out.childOrigins = childOrigins;
  if (citation !== undefined) out.citation = citation;
  return out;
}

const ALIGNS: ReadonlySet<string> = new Set(['left', 'center', 'right', 'none', 'wide', 'full']);

export function asAlign(v: unknown): ImageAlign | undefined {
  const a = typeof v === 'string' ? v.replace(/^align/, '') : '';
  return ALIGNS.has(a) ? (a as ImageAlign) : undefined;
}

function toInt(v: string | undefined): number | undefined {
  if (v === undefined || !/^\s*\d+\s*$/.test(v)) return undefined;
  return parseInt(v, 10);
}

type ImageFields = Omit<ImageBlock, 'kind' | 'source'>;

/** The fields of an `<img>`, optionally wrapped in `<a href>`; classes align*, size-*, wp-image-N are read. */
export function readImg(s: string, img: ElementNode, link?: ElementNode): ImageFields | undefined {
  if (img.name !== 'img') return undefined;
  const f: ImageFields = { src: '', alt: '' };
  const extra: Array<[string, string]> = [];
  for (const [name, value] of parseAttrs(img.attrs)) {
    if (name === 'src') f.src = decodeEntities(value);
    else if (name === 'alt') f.alt = decodeEntities(value);
    else if (name === 'width' && toInt(value) !== undefined) f.width = toInt(value);
    else if (name === 'height' && toInt(value) !== undefined) f.height = toInt(value);
    else if (name === 'class') {
      const rest: string[] = [];
      for (const c of value.split(/\s+/).filter(Boolean)) {
        const id = /^wp-image-(\d+)$/.exec(c);
        const size = /^size-([\w-]+)$/.exec(c);
        if (id) f.wpImageId = parseInt(id[1]!, 10);
        else if (size) f.sizeSlug = size[1]!;
        else if (c.startsWith('align') && asAlign(c)) f.align = asAlign(c);
        else rest.push(c);
      }
      if (rest.length) f.imgClassExtra = rest;
    } else extra.push([name, value]);
  }
  if (!f.src) return undefined;
  if (extra.length) f.imgExtra = extra;
  if (link) {
    const href = getAttr(link.attrs, 'href');
    if (href === undefined) return undefined;
    f.linkHref = decodeEntities(href);
  }
  return f;
}

/** `<img>` or `<a href><img></a>` as the first significant node of a list; returns it and the rest. */
export function leadingImage(
  s: string,
  nodes: HtmlNode[],
): { fields: ImageFields; end: number } | undefined {
  const first = significant(s, nodes)[0];
  if (first?.type !== 'el') return undefined;
  if (first.name === 'img') {
    const fields = readImg(s, first);
    return fields && { fields, end: first.end };
  }
  if (first.name === 'a' && hasEndTag(s, first)) {
    const kids = significant(s, first.children);
    const img = kids[0];
    if (kids.length !== 1 || img?.type !== 'el') return undefined;
    const fields = readImg(s, img, first);
    return fields && { fields, end: first.end };
  }
  return undefined;
}
