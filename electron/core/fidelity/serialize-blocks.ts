// Fresh serialisation of a block in the block dialect: the markup WordPress 6.1's editor saves
// (`<h2>` without a class; lists and quotes with inner blocks; `wp-element-caption` figcaptions).
// Attributes we do not model are carried over from the parsed delimiter so nothing is dropped.

import { embedProvider } from './embed.ts';
import { escapeAttr } from './inline.ts';
import { readQuoteInnerBlock } from './blocks-classify.ts';
import type { EmbedBlock, ImageBlock, ListModel, SourceBlock } from './model.ts';
import { type QuoteInnerStyle, writeQuoteInner } from './quote-inner.ts';

type Attrs = Record<string, unknown>;

/** JSON the way @wordpress/blocks' serializeAttributes writes it: safe inside an HTML comment. */
export function serializeAttributes(attrs: Attrs): string {
  return JSON.stringify(attrs)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
}

/** `<!-- wp:name {attrs} -->\ncontent\n<!-- /wp:name -->`, or the void form when there is no content. */
export function delimit(name: string, attrs: Attrs, content: string): string {
  const short = name.startsWith('core/') ? name.slice(5) : name;
  const defined = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined));
  const a = Object.keys(defined).length ? serializeAttributes(defined) + ' ' : '';
  if (!content) return `<!-- wp:${short} ${a}/-->`;
  return `<!-- wp:${short} ${a}-->\n${content}\n<!-- /wp:${short} -->`;
}

/** Text content escaping as @wordpress/escape-html does it: `&` not already starting an entity, and `<`. */
function escapeText(s: string): string {
  return s.replace(/&(?!(?:[a-z0-9]+|#[0-9]+|#x[a-f0-9]+);)/gi, '&amp;').replace(/</g, '&lt;');
}

function list(l: ListModel, tagAttrs = ''): string {
  const tag = l.ordered ? 'ol' : 'ul';
  const items = l.items.map((it) => {
    const nested = it.children ? delimit('core/list', it.children.ordered ? { ordered: true } : {}, list(it.children)) : '';
    return delimit('core/list-item', {}, `<li>${it.html}${nested}</li>`);
  });
  return `<${tag}${tagAttrs}>${items.join('\n\n')}</${tag}>`;
}

/** How a quote's inner blocks are written: each as the block it is, as a top-level one would be. */
const QUOTE_INNER: QuoteInnerStyle = {
  read: readQuoteInnerBlock,
  write: (c, origin) => serializeBlocks({ ...c, source: '', attrs: origin.attrs, tagAttrs: origin.tagAttrs }),
  leading: '',
  between: '\n\n',
  beforeCite: '',
};

function image(b: ImageBlock): string {
  const attrs: Attrs = { ...b.attrs, id: b.wpImageId, width: b.width, height: b.height, sizeSlug: b.sizeSlug, align: b.align };
  if (b.linkHref === undefined) attrs['linkDestination'] = 'none';
  else if (attrs['linkDestination'] === undefined || attrs['linkDestination'] === 'none') attrs['linkDestination'] = 'custom';
  const className = typeof attrs['className'] === 'string' ? attrs['className'] : '';
  const figClass = [
    'wp-block-image',
    b.align ? `align${b.align}` : '',
    b.sizeSlug ? `size-${b.sizeSlug}` : '',
    b.width !== undefined || b.height !== undefined ? 'is-resized' : '',
    className,
  ].filter(Boolean);
  const imgClass = [b.wpImageId !== undefined ? `wp-image-${b.wpImageId}` : '', ...(b.imgClassExtra ?? [])].filter(Boolean);
  let img = `<img src="${escapeAttr(b.src)}" alt="${escapeAttr(b.alt)}"`;
  if (imgClass.length) img += ` class="${escapeAttr(imgClass.join(' '))}"`;
  if (b.width !== undefined) img += ` width="${b.width}"`;
  if (b.height !== undefined) img += ` height="${b.height}"`;
  const title = b.imgExtra?.find(([k]) => k === 'title');
  if (title) img += ` title="${title[1].replace(/"/g, '&quot;')}"`;
  img += '/>';
  if (b.linkHref !== undefined) img = `<a href="${escapeAttr(b.linkHref)}">${img}</a>`;
  const caption = b.caption ? `<figcaption class="wp-element-caption">${b.caption}</figcaption>` : '';
  return delimit('core/image', attrs, `<figure class="${escapeAttr(figClass.join(' '))}">${img}${caption}</figure>`);
}

function embed(b: EmbedBlock): string {
  const known = embedProvider(b.url);
  const slug = b.provider ?? known?.slug;
  const attrs: Attrs = { ...b.attrs, url: b.url };
  if (slug !== undefined) attrs['providerNameSlug'] = slug;
  if (attrs['type'] === undefined && known) attrs['type'] = known.type;
  if (b.attrs === undefined && known?.aspect16x9) {
    attrs['responsive'] = true;
    attrs['className'] = 'wp-embed-aspect-16-9 wp-has-aspect-ratio';
  }
  const type = typeof attrs['type'] === 'string' ? attrs['type'] : '';
  const className = typeof attrs['className'] === 'string' ? attrs['className'] : '';
  const figClass = [
    'wp-block-embed',
    type ? `is-type-${type}` : '',
    slug ? `is-provider-${slug} wp-block-embed-${slug}` : '',
    className,
  ].filter(Boolean);
  const caption = b.caption ? `<figcaption class="wp-element-caption">${b.caption}</figcaption>` : '';
  const content =
    `<figure class="${escapeAttr(figClass.join(' '))}"><div class="wp-block-embed__wrapper">\n` +
    `${escapeText(b.url)}\n</div>${caption}</figure>`;
  return delimit('core/embed', attrs, content);
}

export function serializeBlocks(b: SourceBlock): string {
  const attrs: Attrs = { ...b.attrs };
  switch (b.kind) {
    case 'paragraph':
      return delimit('core/paragraph', attrs, `<p${b.tagAttrs ?? ''}>${b.html}</p>`);
    case 'heading':
      // 2 is the default and left out, unless the original spelled it out (keep its bytes where we can).
      attrs['level'] = b.level === 2 && b.attrs?.['level'] === undefined ? undefined : b.level;
      return delimit('core/heading', attrs, `<h${b.level}${b.tagAttrs ?? ''}>${b.html}</h${b.level}>`);
    case 'list':
      attrs['ordered'] = b.ordered ? true : undefined;
      return delimit('core/list', attrs, list(b, b.tagAttrs));
    case 'quote': {
      const cite = b.citation !== undefined ? `<cite>${b.citation}</cite>` : '';
      return delimit('core/quote', attrs, `<blockquote${b.tagAttrs ?? ' class="wp-block-quote"'}>${writeQuoteInner(b, QUOTE_INNER, cite)}</blockquote>`);
    }
    case 'image':
      return image(b);
    case 'embed':
      return embed(b);
    case 'more': {
      attrs['customText'] = b.customText || undefined;
      attrs['noTeaser'] = b.noTeaser ? true : undefined;
      const more = `<!--more${b.customText ? ' ' + b.customText : ''}-->${b.noTeaser ? '\n<!--noteaser-->' : ''}`;
      return delimit('core/more', attrs, more);
    }
    case 'separator':
      return delimit('core/separator', attrs, `<hr${b.tagAttrs ?? ' class="wp-block-separator has-alpha-channel-opacity"'}/>`);
    default: // opaque: always its source
      return b.source;
  }
}
