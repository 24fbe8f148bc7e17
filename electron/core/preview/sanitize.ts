/**
 * An allowlist filter for post HTML shown in the preview frame, over fidelity's tokenizer (core has no DOM).
 * It is the first of three walls — the frame's empty `sandbox` (no scripts, no forms, no navigation of the
 * app) and the document's CSP (`default-src 'none'`) are the others — and it alone keeps the frame from
 * touching the network by itself, since a sandboxed frame may still load images and navigate itself:
 *
 * - only the elements and attributes below survive; scripts, styles, frames, objects, forms, SVG and MathML
 *   go with their content; unknown elements lose their tags and keep their text;
 * - no attribute names a URL any more: `<img src>` becomes a `data:` URL from the local media store or a
 *   placeholder box with the alt text, links keep their target only as a tooltip (`title`), `srcset`,
 *   `poster`, `background` and every `on…` handler go; `style` attributes that could load something go;
 * - text is re-escaped, so a stray `<` never becomes markup.
 */
import { parseAttrs, tokenizeHtml, VOID_TAGS } from '../fidelity/html.ts';
import { decodeEntities, escapeAttr, escapeHtml } from '../fidelity/inline.ts';

const ALLOWED = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'q', 'cite',
  'a', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'ins', 'mark', 'small', 'big', 'sub', 'sup', 'code', 'kbd',
  'samp', 'var', 'pre', 'tt', 'abbr', 'acronym', 'dfn', 'time', 'span', 'div', 'font', 'center', 'address', 'figure',
  'figcaption', 'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'colgroup', 'col', 'section',
  'article', 'aside', 'header', 'footer', 'details', 'summary', 'wbr', 'bdi', 'bdo', 'ruby', 'rt', 'rp',
]);

/** Dropped with everything inside them. */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes',
  'template', 'form', 'textarea', 'select', 'button', 'svg', 'math', 'canvas', 'head', 'title', 'xmp', 'plaintext',
]);

/** Media elements: their content goes, a labelled box takes their place. */
const MEDIA = new Set(['video', 'audio', 'picture']);

const ATTRS = new Set([
  'class', 'id', 'style', 'title', 'alt', 'width', 'height', 'align', 'valign', 'colspan', 'rowspan', 'scope', 'lang',
  'dir', 'datetime', 'start', 'reversed', 'type', 'color', 'size', 'open', 'role', 'headers', 'abbr', 'span',
]);

export interface SanitizeOptions {
  /** A `data:` URL for an image the library has on disk, or null (the image is then a placeholder box). */
  image(src: string): string | null;
}

export function sanitizePreviewHtml(html: string, options: SanitizeOptions): string {
  let out = '';
  // An element being dropped, and how deep inside nested copies of it we are.
  let skip: { name: string; depth: number } | null = null;
  const open: string[] = [];
  const tokens = tokenizeHtml(html);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (skip) {
      if (t.type === 'open' && t.name === skip.name && !t.selfClosing) skip.depth++;
      else if (t.type === 'close' && t.name === skip.name && --skip.depth === 0) skip = null;
      continue;
    }
    if (t.type === 'comment') continue;
    if (t.type === 'text') {
      const text = html.slice(t.start, t.end);
      // <pre>'s content comes as one raw token: it may hold markup (<code>, <strong>) that needs filtering too.
      out += t.raw && open.at(-1) === 'pre' ? sanitizePreviewHtml(text, options) : escapeText(text);
      continue;
    }
    if (t.type === 'close') {
      if (ALLOWED.has(t.name) && !VOID_TAGS.has(t.name)) {
        const at = open.lastIndexOf(t.name);
        if (at >= 0) open.splice(at, 1);
        out += `</${t.name}>`;
      }
      continue;
    }
    if (DROPPED.has(t.name)) {
      if (!t.selfClosing && !VOID_TAGS.has(t.name)) skip = { name: t.name, depth: 1 };
      continue;
    }
    if (MEDIA.has(t.name)) {
      if (!t.selfClosing) skip = { name: t.name, depth: 1 };
      out += placeholder(t.name === 'audio' ? '♪' : '▶', t.name);
      continue;
    }
    if (!ALLOWED.has(t.name)) continue;
    const attrs = new Map(parseAttrs(t.attrs).map(([k, v]) => [k, decodeEntities(v)] as const));
    if (t.name === 'img') {
      const src = attrs.get('src') ?? '';
      const data = src ? options.image(src) : null;
      const alt = attrs.get('alt') ?? '';
      if (!data) {
        out += placeholder('', alt || fileName(src), attrs.get('width'));
        continue;
      }
      attrs.set('src', data);
    }
    // Links may not navigate the frame (it would leave for the blog); where they lead shows as a tooltip.
    const href = attrs.get('href')?.trim() ?? '';
    if (t.name === 'a' && /^(?:https?:|mailto:)/i.test(href) && !attrs.has('title')) attrs.set('title', href);
    out += `<${t.name}${attributes(t.name, attrs)}>`;
    if (!VOID_TAGS.has(t.name) && !t.selfClosing) open.push(t.name);
  }
  return out;
}

function attributes(tag: string, attrs: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [name, value] of attrs) {
    const keep = ATTRS.has(name) || name.startsWith('aria-') || (tag === 'img' && name === 'src' && value.startsWith('data:'));
    if (!keep) continue;
    if (name === 'style' && !safeStyle(value)) continue;
    out += ` ${name}="${escapeAttr(value)}"`;
  }
  return out;
}

/** Inline styles stay unless they could fetch something or hide an escape. */
function safeStyle(value: string): boolean {
  return !/url\s*\(|image-set|@import|expression|\\|<|javascript:/i.test(value);
}

function escapeText(text: string): string {
  // Entities stay as written (they are already text); only what could open or close a tag is escaped.
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A box where an image or a player would be: the frame loads nothing from the network. */
export function placeholder(symbol: string, label: string, width?: string): string {
  const w = width && /^\d{1,4}$/.test(width) ? ` style="width:${width}px"` : '';
  // No emoji: their glyphs depend on the OS; an image's box draws its frame icon in CSS (document.ts).
  const icon = symbol ? `<span aria-hidden="true">${symbol}</span> ` : '';
  return `<span class="lh-placeholder${symbol ? '' : ' lh-image'}" role="img" aria-label="${escapeAttr(label)}"${w}>${icon}${escapeHtml(label)}</span>`;
}

function fileName(src: string): string {
  try {
    return decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '');
  } catch {
    return src;
  }
}
