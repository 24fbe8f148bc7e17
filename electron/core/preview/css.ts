/**
 * Reading a blog page for its look: which stylesheets it uses (linked and inline, in document order) and the
 * classes of the markup a post sits in, plus cleaning CSS so a preview can use it offline.
 *
 * Invariant of cleanCss: the result names no resource a browser would fetch — every `url(…)` that is not a
 * `data:` URL becomes `none`, `@import` rules are taken out (the caller fetches them, one level deep), and
 * `image-set()` (which takes bare strings as URLs) is dropped. The preview's CSP is the second wall behind it.
 */
import { getAttr, tokenizeHtml, VOID_TAGS } from '../fidelity/html.ts';
import { decodeEntities } from '../fidelity/inline.ts';

export type StyleSource =
  | { readonly kind: 'link'; readonly url: string; readonly media: string }
  | { readonly kind: 'inline'; readonly css: string; readonly media: string };

/** Classes of the theme's markup around one post (what a single-post page wraps the content in). */
export interface PageMarkup {
  readonly bodyClass: string;
  readonly siteClass: string;
  readonly mainClass: string;
  readonly articleClass: string;
  readonly titleClass: string;
  /** The title's own inline style when it is harmless (block themes put the title's spacing there). */
  readonly titleStyle?: string;
  /** The element around the title (a classic theme's `<header class="entry-header">`, a block theme's group). */
  readonly titleWrap: { readonly tag: 'header' | 'div'; readonly className: string } | null;
  readonly contentClass: string;
}

/** Classic themes' names (the `post_class()`/`hentry` convention); used when a page shows no post. */
export const DEFAULT_MARKUP: PageMarkup = {
  bodyClass: 'single single-post',
  siteClass: 'site',
  mainClass: 'site-main',
  articleClass: 'post hentry',
  titleClass: 'entry-title',
  titleWrap: { tag: 'header', className: 'entry-header' },
  contentClass: 'entry-content',
};

/** `<link rel=stylesheet>` and `<style>` of a page, in order; links resolved against the page's URL. */
export function findStyleSources(html: string, pageUrl: string): StyleSource[] {
  const out: StyleSource[] = [];
  const tokens = tokenizeHtml(html);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'open') continue;
    const media = decodeEntities(getAttr(t.attrs, 'media') ?? '').trim();
    if (t.name === 'link') {
      const rel = (getAttr(t.attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = getAttr(t.attrs, 'href');
      if (!rel.includes('stylesheet') || rel.includes('alternate') || !href) continue;
      const url = resolveUrl(decodeEntities(href), pageUrl);
      if (url) out.push({ kind: 'link', url, media });
    } else if (t.name === 'style') {
      const body = tokens[i + 1];
      if (body?.type === 'text') out.push({ kind: 'inline', css: html.slice(body.start, body.end), media });
    }
  }
  return out;
}

/** The classes around a post on this page; a class not found keeps the default. */
export function findMarkup(html: string): PageMarkup {
  const classOf = (re: RegExp): string | undefined => {
    for (const t of tokenizeHtml(html)) {
      if (t.type !== 'open') continue;
      const cls = decodeEntities(getAttr(t.attrs, 'class') ?? '').trim();
      if (re.test(`${t.name} ${cls}`)) return cls;
    }
    return undefined;
  };
  // The page's own kind (home, blog, paged, archive…) is not the single post's: keep the theme's classes only.
  const pageKinds = /^(?:home|blog|paged(?:-\d+)?|archive|category(?:-.*)?|tag(?:-.*)?|date|search.*|error404|page-template.*|postid-\d+|page-id-\d+|single-format-.*)$/;
  const body = (classOf(/^body\b/) ?? '').split(/\s+/).filter((c) => c && !pageKinds.test(c));
  return {
    bodyClass: [...new Set(['single', 'single-post', ...body])].join(' '),
    siteClass: classOf(/^\w+ (?:.* )?(?:wp-site-blocks|site|hfeed)(?: |$)/) ?? DEFAULT_MARKUP.siteClass,
    mainClass: classOf(/^main\b/) ?? DEFAULT_MARKUP.mainClass,
    articleClass: stripIds(classOf(/^(?:article|li|div) (?:.* )?(?:hentry|wp-block-post|type-post)(?: |$)/)) ?? DEFAULT_MARKUP.articleClass,
    titleClass: classOf(TITLE) ?? DEFAULT_MARKUP.titleClass,
    titleWrap: titleWrap(html),
    ...titleStyle(html),
    contentClass: classOf(/^\w+ (?:.* )?(?:entry-content|wp-block-post-content)(?: |$)/) ?? DEFAULT_MARKUP.contentClass,
  };
}

const TITLE = /^\w+ (?:.* )?(?:entry-title|wp-block-post-title)(?: |$)/;

function titleStyle(html: string): { titleStyle?: string } {
  for (const t of tokenizeHtml(html)) {
    if (t.type !== 'open' || !TITLE.test(`${t.name} ${decodeEntities(getAttr(t.attrs, 'class') ?? '').trim()}`)) continue;
    const style = decodeEntities(getAttr(t.attrs, 'style') ?? '').trim();
    return style && !/url\s*\(|image-set|\\|[<>"]/i.test(style) ? { titleStyle: style } : {};
  }
  return {};
}

/** The `<header>` or `<div>` the first post title sits in, or null (a title straight in the article). */
function titleWrap(html: string): PageMarkup['titleWrap'] {
  const open: { name: string; cls: string }[] = [];
  for (const t of tokenizeHtml(html)) {
    if (t.type === 'close') {
      const at = open.map((o) => o.name).lastIndexOf(t.name);
      if (at >= 0) open.length = at;
    }
    if (t.type !== 'open' || t.selfClosing || VOID_TAGS.has(t.name)) continue;
    const cls = decodeEntities(getAttr(t.attrs, 'class') ?? '').trim();
    if (TITLE.test(`${t.name} ${cls}`)) {
      const parent = open.at(-1);
      return parent && (parent.name === 'header' || parent.name === 'div') ? { tag: parent.name, className: parent.cls } : null;
    }
    open.push({ name: t.name, cls });
  }
  return DEFAULT_MARKUP.titleWrap;
}

/** `post-12 category-resor` name one post; the preview's post is another. */
function stripIds(cls: string | undefined): string | undefined {
  return cls?.split(/\s+/).filter((c) => !/^(?:post-\d+|category-.*|tag-.*)$/.test(c)).join(' ');
}

export interface CleanedCss {
  readonly css: string;
  /** `@import`ed sheets, resolved against the sheet's URL (fetched by the caller, not followed further). */
  readonly imports: readonly { readonly url: string; readonly media: string }[];
}

const COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/g;
const IMPORT = /@import\s+(?:url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|"([^"]*)"|'([^']*)')\s*([^;{}]*);?/gi;
const URL_FN = /url\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|((?:[^)'"\\\s]|\\.)*))\s*\)/gi;
/** A function name written with escapes (`u\72 l(`) is still `url(` to a browser. */
const ESCAPED_FN = /[\w\\-]{0,40}\\[\w\\ -]{0,40}\([^)]*\)?/g;
const IMAGE_SET = /(?:-webkit-)?image-set\([^)]*\)/gi;

export function cleanCss(css: string, sheetUrl: string | null): CleanedCss {
  const imports: { url: string; media: string }[] = [];
  let out = css.replace(COMMENT, '');
  out = out.replace(IMPORT, (_whole, a?: string, b?: string, c?: string, d?: string, e?: string, media?: string) => {
    const target = a ?? b ?? c ?? d ?? e ?? '';
    const url = sheetUrl ? resolveUrl(target, sheetUrl) : null;
    if (url) imports.push({ url, media: (media ?? '').trim() });
    return '';
  });
  out = out.replace(URL_FN, (whole, a?: string, b?: string, c?: string) => (/^\s*data:/i.test(a ?? b ?? c ?? '') ? whole : 'none'));
  out = out.replace(ESCAPED_FN, 'none');
  out = out.replace(IMAGE_SET, 'none');
  return { css: styleSafe(out), imports };
}

/** Text that may sit inside `<style>…</style>` without ending it early. */
export function styleSafe(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** Wraps CSS in its `media` condition ('' and 'all' need none). */
export function withMedia(css: string, media: string): string {
  const m = media.trim();
  return m === '' || m.toLowerCase() === 'all' ? css : `@media ${m.replace(/[{};]/g, '')} {\n${css}\n}`;
}

/** An absolute http(s) URL, or null (data:, javascript:, garbage). */
export function resolveUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
