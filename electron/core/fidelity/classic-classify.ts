// Classifying one classic block span (trimmed source text) into the model. Anything not understood
// exactly is opaque: it is then always emitted verbatim.

import { BARE_URL, embedProvider, legacyVideoUrl } from './embed.ts';
import { BLOCK_TAGS, type ElementNode, type HtmlNode, getAttr, inner, parseFragment } from './html.ts';
import { decodeEntities, parseShortcodeAttrs } from './inline.ts';
import type { HeadingBlock, SourceBlock } from './model.ts';
import { asAlign, hasEndTag, isInlineHtml, leadingImage, readList, readQuote, soleElement, trimWs } from './read-html.ts';

const MORE = /^<!--more(.*?)-->$/s;
const PAIRED_SHORTCODE = /^\[([A-Za-z0-9_-]+)((?:[\s=][^\]]*)?)\]([\s\S]*)\[\/\1\]$/;
const SINGLE_SHORTCODE = /^\[([A-Za-z0-9_-]+)((?:[\s=][^\]]*)?)\]$/;
const HEADING = /^h([1-6])$/;

function opaque(source: string, label: string): SourceBlock {
  return { kind: 'opaque', source, label };
}

function embed(source: string, rawUrl: string, provider?: string): SourceBlock {
  const url = decodeEntities(rawUrl); // WordPress decodes &amp; in embed URLs before asking oEmbed
  const p = provider ?? embedProvider(url)?.slug;
  return p === undefined ? { kind: 'embed', source, url } : { kind: 'embed', source, url, provider: p };
}

/** `[caption id="attachment_12" align="aligncenter" width="500"]<img …/> Bildtext[/caption]` */
function caption(source: string, attrText: string, content: string): SourceBlock | undefined {
  const attrs = parseShortcodeAttrs(attrText);
  const nodes = parseFragment(content);
  const lead = leadingImage(content, nodes);
  if (!lead) return undefined;
  const text = trimWs(content.slice(lead.end));
  const captionHtml = text !== '' ? text : attrs['caption'];
  if (captionHtml !== undefined && !isInlineHtml(captionHtml)) return undefined;
  const block: SourceBlock = { kind: 'image', source, ...lead.fields };
  if (captionHtml !== undefined && captionHtml !== '') block.caption = captionHtml;
  const align = asAlign(attrs['align']);
  if (align) block.align = align;
  const id = /^attachment_(\d+)$/.exec(attrs['id'] ?? '');
  if (id && block.wpImageId === undefined) block.wpImageId = parseInt(id[1]!, 10);
  return block;
}

function shortcode(source: string): SourceBlock | undefined {
  const paired = PAIRED_SHORTCODE.exec(source);
  const single = paired ? undefined : SINGLE_SHORTCODE.exec(source);
  const m = paired ?? single;
  if (!m) return undefined;
  const name = m[1]!.toLowerCase();
  const attrText = m[2] ?? '';
  if (paired && (name === 'caption' || name === 'wp_caption')) {
    return caption(source, attrText, paired[3]!) ?? opaque(source, `[${name}]`);
  }
  if (paired && name === 'embed') {
    const url = trimWs(paired[3]!);
    if (BARE_URL.test(url)) return embed(source, url);
  }
  if (name === 'youtube' || name === 'vimeo') {
    // [youtube https://…], [youtube=https://…&w=640] (WordPress.com/Jetpack); [vimeo 12345]
    const arg = trimWs(attrText.replace(/^=/, '')).split(/\s+/)[0] ?? '';
    const url = name === 'vimeo' && /^\d+$/.test(arg) ? `https://vimeo.com/${arg}` : arg;
    if (BARE_URL.test(url)) return embed(source, url, name);
  }
  return opaque(source, `[${name}]`);
}

/** `<object>…<embed src>…</object>`, `<embed src>`, `<iframe src>` of a known video site. */
function legacyVideo(source: string, el: ElementNode): SourceBlock | undefined {
  const srcs: string[] = [];
  const walk = (n: HtmlNode): void => {
    if (n.type !== 'el') return;
    const name = getAttr(n.attrs, 'name')?.toLowerCase();
    if (n.name === 'embed' || n.name === 'iframe') srcs.push(getAttr(n.attrs, 'src') ?? '');
    if (n.name === 'object') srcs.push(getAttr(n.attrs, 'data') ?? '');
    if (n.name === 'param' && (name === 'movie' || name === 'src')) srcs.push(getAttr(n.attrs, 'value') ?? '');
    n.children.forEach(walk);
  };
  walk(el);
  for (const s of srcs) {
    const url = legacyVideoUrl(s);
    if (url) return embed(source, url);
  }
  return undefined;
}

function element(source: string, el: ElementNode): SourceBlock {
  const label = `<${el.name}>`;
  const heading = HEADING.exec(el.name);
  if (heading) {
    const html = inner(source, el);
    if (!hasEndTag(source, el) || !isInlineHtml(html)) return opaque(source, label);
    return { kind: 'heading', source, level: Number(heading[1]) as HeadingBlock['level'], html, tagAttrs: el.attrs };
  }
  switch (el.name) {
    case 'p': {
      const html = inner(source, el);
      if (!hasEndTag(source, el) || !isInlineHtml(html)) return opaque(source, label);
      return { kind: 'paragraph', source, html, tagAttrs: el.attrs };
    }
    case 'ul':
    case 'ol': {
      const list = readList(source, el);
      return list ? { kind: 'list', source, ...list, tagAttrs: el.attrs } : opaque(source, label);
    }
    case 'blockquote': {
      const q = readQuote(source, el);
      return q ? { kind: 'quote', source, ...q, tagAttrs: el.attrs } : opaque(source, label);
    }
    case 'hr':
      return { kind: 'separator', source, tagAttrs: el.attrs };
    case 'img':
    case 'a': {
      const lead = leadingImage(source, [el]);
      return lead ? { kind: 'image', source, ...lead.fields } : opaque(source, label);
    }
    case 'object':
    case 'embed':
    case 'iframe':
      return legacyVideo(source, el) ?? opaque(source, label);
    default:
      return opaque(source, label);
  }
}

/** Classify a trimmed classic block span. */
export function classifyClassic(source: string): SourceBlock {
  const more = MORE.exec(source);
  if (more) {
    const text = trimWs(more[1]!);
    return text ? { kind: 'more', source, customText: text } : { kind: 'more', source };
  }
  if (source.startsWith('<!--') && source.endsWith('-->') && source.indexOf('-->') === source.length - 3) {
    return opaque(source, 'comment');
  }
  if (source.startsWith('[') && source.endsWith(']')) {
    const sc = shortcode(source);
    if (sc) return sc;
  }
  if (BARE_URL.test(source) && embedProvider(source)) return embed(source, source);
  const nodes = parseFragment(source);
  const el = soleElement(source, nodes);
  // A sole block-level element, image or embedding is its own kind; `<a href><img></a>` is an image.
  // Any other sole inline element (`<strong>Rubrik</strong>`, a link) is an ordinary paragraph.
  if (el && (BLOCK_TAGS.has(el.name) || el.name === 'img' || el.name === 'embed' || (el.name === 'a' && leadingImage(source, [el])))) {
    return element(source, el);
  }
  if (!isInlineHtml(source)) return opaque(source, 'html');
  // A blank line inside an inline element (which kept the span whole) is not a paragraph we can edit.
  if (/\n[ \t\f\v\r]*\n/.test(source)) return opaque(source, 'html');
  return { kind: 'paragraph', source, html: source };
}

