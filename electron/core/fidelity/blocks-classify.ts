// Classifying one top-level block of a block-dialect post into the model. Inner blocks (list items,
// quote paragraphs, nested lists) become fields; anything not exactly understood is opaque. A quote's inner
// blocks also keep where they came from (QuoteBlock.childOrigins), so a rewrite keeps the ones not edited.

import type { BlockNode } from './blocks-parse.ts';
import { innerPieces, parseBlockTree } from './blocks-parse.ts';
import { embedProvider } from './embed.ts';
import { type ElementNode, inner, parseFragment, significant } from './html.ts';
import { type HeadingBlock, type ListItem, type ListModel, type QuoteBlock, type QuoteChild, type QuoteChildOrigin, type SourceBlock, quoteShape } from './model.ts';
import { asAlign, hasEndTag, isInlineHtml, leadingImage, readList, readQuote, soleElement, trimWs } from './read-html.ts';

type Fields<T> = T extends SourceBlock ? Omit<T, 'source' | 'blockName' | 'attrs'> : never;
type BlockFields = Fields<SourceBlock>;

const WS_ONLY = /^[ \t\n\r\f\v]*$/;
const QUOTE_INNER: ReadonlySet<string> = new Set(['core/paragraph', 'core/heading', 'core/list']);

/** The element that is all of a block's inner HTML (no inner blocks), if any. */
function soleInner(raw: string, node: BlockNode): ElementNode | undefined {
  if (node.children.length) return undefined;
  return soleElement(raw, parseFragment(raw, node.innerStart, node.innerEnd), node.innerStart, node.innerEnd);
}

function textBlock(raw: string, node: BlockNode, tag: RegExp): { el: ElementNode; html: string } | undefined {
  const el = soleInner(raw, node);
  if (!el || !tag.test(el.name) || !hasEndTag(raw, el)) return undefined;
  const html = inner(raw, el);
  return isInlineHtml(html) ? { el, html } : undefined;
}

function listItem(raw: string, item: BlockNode): ListItem | undefined {
  if (item.name !== 'core/list-item' || !item.closed || item.attrs === null) return undefined;
  if (item.children.length === 0) {
    const el = soleInner(raw, item);
    if (!el || el.name !== 'li' || !hasEndTag(raw, el)) return undefined;
    const html = trimWs(inner(raw, el));
    return isInlineHtml(html) ? { html } : undefined;
  }
  const [nested, more] = item.children;
  if (more || !nested) return undefined;
  const [head, tail] = innerPieces(raw, item);
  const open = /^[ \t\n\r\f\v]*<li(?:\s[^>]*)?>([\s\S]*)$/i.exec(head ?? '');
  if (!open || !/^[ \t\n\r\f\v]*<\/li>[ \t\n\r\f\v]*$/i.test(tail ?? '')) return undefined;
  const html = trimWs(open[1]!);
  const children = nested.name === 'core/list' ? blockList(raw, nested) : undefined;
  if (!children || !isInlineHtml(html)) return undefined;
  return { html, children: children.list };
}

/** A core/list, either with core/list-item inner blocks (WP ≥ 6.1) or plain `<ul>` HTML (older). */
function blockList(raw: string, node: BlockNode): { list: ListModel; tagAttrs: string } | undefined {
  if (!node.closed || node.attrs === null) return undefined;
  if (node.children.length === 0) {
    const el = soleInner(raw, node);
    const list = el && readList(raw, el);
    return list && el ? { list, tagAttrs: el.attrs } : undefined;
  }
  const pieces = innerPieces(raw, node);
  const open = /^[ \t\n\r\f\v]*<(ul|ol)(\s[^>]*)?>[ \t\n\r\f\v]*$/i.exec(pieces[0]!);
  const close = /^[ \t\n\r\f\v]*<\/(ul|ol)>[ \t\n\r\f\v]*$/i.exec(pieces[pieces.length - 1]!);
  if (!open || !close || open[1]!.toLowerCase() !== close[1]!.toLowerCase()) return undefined;
  if (!pieces.slice(1, -1).every((p) => WS_ONLY.test(p))) return undefined;
  const items: ListItem[] = [];
  for (const c of node.children) {
    const item = listItem(raw, c);
    if (!item) return undefined;
    items.push(item);
  }
  return { list: { ordered: open[1]!.toLowerCase() === 'ol', items }, tagAttrs: open[2] ?? '' };
}

function blockQuote(raw: string, node: BlockNode): BlockFields | undefined {
  if (node.children.length === 0) {
    // Pre-6.2 markup (elements, no inner blocks): a rewrite upgrades it to inner blocks, so nothing of its
    // elements is kept (a kept `<p class>` without its delimiter attributes would be invalid block markup).
    const el = soleInner(raw, node);
    const q = el && readQuote(raw, el);
    if (!q || !el) return undefined;
    const quote: Fields<QuoteBlock> = { kind: 'quote', ...q, tagAttrs: el.attrs };
    delete quote.childOrigins;
    return quote;
  }
  const pieces = innerPieces(raw, node);
  const open = /^[ \t\n\r\f\v]*<blockquote(\s[^>]*)?>([ \t\n\r\f\v]*)$/i.exec(pieces[0]!);
  const close =
    /^([ \t\n\r\f\v]*)(<cite(?:\s[^>]*)?>([\s\S]*?)<\/cite>)?([ \t\n\r\f\v]*)<\/blockquote>[ \t\n\r\f\v]*$/i.exec(
      pieces[pieces.length - 1]!,
    );
  if (!open || !close || !pieces.slice(1, -1).every((p) => WS_ONLY.test(p))) return undefined;
  const children: QuoteChild[] = [];
  const childOrigins: QuoteChildOrigin[] = [];
  for (const [i, c] of node.children.entries()) {
    const read = innerBlock(raw, c);
    if (!read) return undefined;
    children.push(read.child);
    const origin: QuoteChildOrigin = { source: raw.slice(c.start, c.end), ...read.keep };
    if (i === 0) origin.leading = open[2]!;
    else origin.before = pieces[i]!;
    childOrigins.push(origin);
  }
  const citation = close[3] === undefined ? undefined : trimWs(close[3]);
  const last = childOrigins[childOrigins.length - 1]!;
  last.trailing = close[1]!;
  if (citation !== undefined) Object.assign(last, { cite: close[2]!, closing: close[4]! });
  if (citation !== undefined && !isInlineHtml(citation)) return undefined;
  const q: Fields<QuoteBlock> = { kind: 'quote', ...quoteShape(children), tagAttrs: open[1] ?? '', childOrigins };
  if (citation !== undefined) q.citation = citation;
  return q;
}

/** An inner block a quote may hold, read as a quote child, with the markup a fresh write of it keeps. */
function innerBlock(raw: string, c: BlockNode): { child: QuoteChild; keep: QuoteChildOrigin } | undefined {
  const f = c.closed && c.attrs !== null && QUOTE_INNER.has(c.name) ? fields(raw, c, c.attrs) : undefined;
  const keep: QuoteChildOrigin = { attrs: c.attrs ?? {} };
  if (f?.tagAttrs) keep.tagAttrs = f.tagAttrs;
  if (f?.kind === 'paragraph') return { child: { kind: 'paragraph', html: f.html }, keep };
  if (f?.kind === 'heading') return { child: { kind: 'heading', level: f.level, html: f.html }, keep };
  if (f?.kind === 'list') return { child: { kind: 'list', ordered: f.ordered, items: f.items }, keep };
  return undefined;
}

/** One inner block of a quote, alone in `source` (core checks a kept source against its block with it). */
export function readQuoteInnerBlock(source: string): QuoteChild | undefined {
  const [node, more] = parseBlockTree(source);
  if (!node || more || node.start !== 0 || node.end !== source.length) return undefined;
  return innerBlock(source, node)?.child;
}

function blockImage(raw: string, node: BlockNode, attrs: Record<string, unknown>): BlockFields | undefined {
  let fig = soleInner(raw, node);
  // Aligned images were once saved as <div class="wp-block-image"><figure class="alignright">.
  if (fig?.name === 'div') fig = soleElement(raw, fig.children, fig.innerStart, fig.innerEnd);
  if (!fig || fig.name !== 'figure' || !hasEndTag(raw, fig)) return undefined;
  const lead = leadingImage(raw, fig.children);
  if (!lead) return undefined;
  const rest = significant(raw, fig.children).filter((n) => n.start >= lead.end);
  const cap = rest[0];
  if (rest.length > 1 || (cap && (cap.type !== 'el' || cap.name !== 'figcaption'))) return undefined;
  const img: BlockFields = { kind: 'image', ...lead.fields };
  if (cap?.type === 'el') {
    const caption = trimWs(inner(raw, cap));
    if (!isInlineHtml(caption)) return undefined;
    if (caption !== '') img.caption = caption;
  }
  if (typeof attrs['id'] === 'number') img.wpImageId = attrs['id'];
  if (typeof attrs['sizeSlug'] === 'string') img.sizeSlug = attrs['sizeSlug'];
  const align = asAlign(attrs['align']);
  if (align) img.align = align;
  if (typeof attrs['width'] === 'number') img.width = attrs['width'];
  if (typeof attrs['height'] === 'number') img.height = attrs['height'];
  return img;
}

function blockEmbed(raw: string, node: BlockNode, attrs: Record<string, unknown>): BlockFields | undefined {
  const url = attrs['url'];
  if (typeof url !== 'string' || url === '' || node.children.length) return undefined;
  const legacy = /^core-embed\/(.+)$/.exec(node.name)?.[1];
  const slug = attrs['providerNameSlug'];
  const provider = typeof slug === 'string' && slug !== '' ? slug : (legacy ?? embedProvider(url)?.slug);
  const e: BlockFields = provider === undefined ? { kind: 'embed', url } : { kind: 'embed', url, provider };
  const fig = soleInner(raw, node);
  const cap = fig && significant(raw, fig.children).find((n) => n.type === 'el' && n.name === 'figcaption');
  if (cap?.type === 'el') {
    const caption = trimWs(inner(raw, cap));
    if (!isInlineHtml(caption)) return undefined;
    if (caption !== '') e.caption = caption;
  }
  return e;
}

function fields(raw: string, node: BlockNode, attrs: Record<string, unknown>): BlockFields | undefined {
  if (node.name.startsWith('core-embed/')) return blockEmbed(raw, node, attrs);
  switch (node.name) {
    case 'core/paragraph': {
      const p = textBlock(raw, node, /^p$/);
      return p && { kind: 'paragraph', html: p.html, tagAttrs: p.el.attrs };
    }
    case 'core/heading': {
      const h = textBlock(raw, node, /^h[1-6]$/);
      if (!h) return undefined;
      const level = Number(h.el.name.slice(1)) as HeadingBlock['level'];
      return { kind: 'heading', level, html: h.html, tagAttrs: h.el.attrs };
    }
    case 'core/list': {
      const l = blockList(raw, node);
      return l && { kind: 'list', ...l.list, tagAttrs: l.tagAttrs };
    }
    case 'core/quote':
      return blockQuote(raw, node);
    case 'core/image':
      return blockImage(raw, node, attrs);
    case 'core/embed':
      return blockEmbed(raw, node, attrs);
    case 'core/more': {
      if (node.children.length) return undefined;
      const m: BlockFields = { kind: 'more' };
      if (typeof attrs['customText'] === 'string' && attrs['customText'] !== '') m.customText = attrs['customText'];
      if (attrs['noTeaser'] === true) m.noTeaser = true;
      return m;
    }
    case 'core/separator': {
      const hr = soleInner(raw, node);
      return hr?.name === 'hr' ? { kind: 'separator', tagAttrs: hr.attrs } : undefined;
    }
    default:
      return undefined;
  }
}

/** Classify a top-level block node; freeform HTML between blocks is passed as `undefined`. */
export function classifyBlockNode(raw: string, node: BlockNode | undefined, source: string): SourceBlock {
  if (!node) return { kind: 'opaque', source, label: 'freeform' };
  const base = { source, blockName: node.name };
  if (node.attrs === null || !node.closed) return { kind: 'opaque', ...base, label: node.name };
  const f = fields(raw, node, node.attrs);
  if (!f) return { kind: 'opaque', ...base, attrs: node.attrs, label: node.name };
  return { ...f, ...base, attrs: node.attrs };
}
