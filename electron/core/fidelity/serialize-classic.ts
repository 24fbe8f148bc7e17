// Fresh serialisation of a block in the classic dialect: what the classic (TinyMCE) editor would save.
// Paragraphs have no <p> (wpautop adds it when the page is rendered), so inline HTML must not contain a
// blank line; a blank line inside an element would split the block on the next parse.

import { BARE_URL, embedProvider } from './embed.ts';
import { escapeAttr, noBlankLines } from './inline.ts';
import type { ImageBlock, ListModel, SourceBlock } from './model.ts';
import { type QuoteInnerStyle, writeQuoteInner } from './quote-inner.ts';
import { readQuoteElement, trimWs } from './read-html.ts';

function inlineHtml(html: string): string {
  return trimWs(noBlankLines(html));
}

function list(l: ListModel, tagAttrs = ''): string {
  const tag = l.ordered ? 'ol' : 'ul';
  const items = l.items.map(
    (it) => `<li>${inlineHtml(it.html)}${it.children ? `\n${list(it.children)}\n` : ''}</li>`,
  );
  return `<${tag}${tagAttrs}>\n${items.join('\n')}\n</${tag}>`;
}

/** How a quote's inner elements are written: as top-level ones would be, a paragraph always as `<p>`. */
const QUOTE_INNER: QuoteInnerStyle = {
  read: readQuoteElement,
  write: (c, origin) => serializeClassic({ ...c, source: '', tagAttrs: origin.tagAttrs ?? '' }),
  leading: '',
  between: '\n',
  beforeCite: '\n',
};

function img(b: ImageBlock, withAlign: boolean): string {
  const classes = [
    withAlign && b.align ? `align${b.align}` : '',
    b.sizeSlug ? `size-${b.sizeSlug}` : '',
    b.wpImageId !== undefined ? `wp-image-${b.wpImageId}` : '',
    ...(b.imgClassExtra ?? []),
  ].filter(Boolean);
  let tag = '<img';
  if (classes.length) tag += ` class="${escapeAttr(classes.join(' '))}"`;
  tag += ` src="${escapeAttr(b.src)}" alt="${escapeAttr(b.alt)}"`;
  if (b.width !== undefined) tag += ` width="${b.width}"`;
  if (b.height !== undefined) tag += ` height="${b.height}"`;
  for (const [k, v] of b.imgExtra ?? []) tag += ` ${k}="${v.replace(/"/g, '&quot;')}"`;
  tag += ' />';
  return b.linkHref !== undefined ? `<a href="${escapeAttr(b.linkHref)}">${tag}</a>` : tag;
}

function image(b: ImageBlock): string {
  if (b.caption === undefined || b.caption === '') return img(b, true);
  const attrs = [
    b.wpImageId !== undefined ? `id="attachment_${b.wpImageId}"` : '',
    b.align ? `align="align${b.align}"` : '',
    b.width !== undefined ? `width="${b.width}"` : '',
  ].filter(Boolean);
  return `[caption${attrs.map((a) => ' ' + a).join('')}]${img(b, false)} ${inlineHtml(b.caption)}[/caption]`;
}

export function serializeClassic(b: SourceBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return b.tagAttrs !== undefined ? `<p${b.tagAttrs}>${inlineHtml(b.html)}</p>` : inlineHtml(b.html);
    case 'heading':
      return `<h${b.level}${b.tagAttrs ?? ''}>${inlineHtml(b.html)}</h${b.level}>`;
    case 'list':
      return list(b, b.tagAttrs);
    case 'quote': {
      const cite = b.citation !== undefined ? `<cite>${inlineHtml(b.citation)}</cite>` : '';
      if (!b.children && !b.childOrigins?.length) {
        // Paragraphs only, none read from an element: wpautop text, blank lines between the paragraphs.
        return `<blockquote${b.tagAttrs ?? ''}>${[...b.paragraphs.map(inlineHtml), ...(cite ? [cite] : [])].join('\n\n')}</blockquote>`;
      }
      // With headings, lists or `<p>` elements every child is an element (bare text beside them would not parse back).
      return `<blockquote${b.tagAttrs ?? ''}>${writeQuoteInner(b, QUOTE_INNER, cite)}</blockquote>`;
    }
    case 'image':
      return image(b);
    case 'embed':
      // A URL alone on a line is auto-embedded; WordPress only does so for providers it knows.
      return BARE_URL.test(b.url) && embedProvider(b.url) ? b.url : `[embed]${b.url}[/embed]`;
    case 'more':
      return `<!--more${b.customText ? ' ' + b.customText : ''}-->`;
    case 'separator':
      return `<hr${b.tagAttrs ?? ''} />`;
    default: // opaque: always its source
      return b.source;
  }
}
