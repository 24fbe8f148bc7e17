/**
 * The preview as one complete HTML document for an `<iframe sandbox srcdoc>`: a CSP that allows inline
 * styles and `data:` images and nothing else, the blog's cached CSS (or a plain readable look when there is
 * none yet), and the post inside the theme's own single-post markup so the theme's rules apply to it.
 *
 * Invariant: the document contains no script, and nothing in it names a network resource (the body comes
 * from sanitize.ts, the CSS from css.ts); the CSP and the frame's sandbox hold even if that ever slipped.
 */
import { escapeAttr, escapeHtml, textContent } from '../fidelity/index.ts';
import { DEFAULT_MARKUP, type PageMarkup, styleSafe } from './css.ts';

export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

export interface PreviewParts {
  /** Sanitised inline HTML of the title (WordPress titles are HTML: entities, sometimes `<em>`). */
  readonly titleHtml: string;
  /** Sanitised body HTML. */
  readonly body: string;
  readonly blogCss: string | null;
  readonly markup: PageMarkup | null;
  /** The document's language (the post's blog is Swedish unless told otherwise). */
  readonly lang?: string;
}

/** Our own pieces, after the blog's CSS only where the blog has nothing to say (placeholders, the card). */
const OWN_CSS = `
img { max-width: 100%; height: auto; }
.lh-placeholder { display: inline-flex; align-items: center; justify-content: center; gap: .4em; box-sizing: border-box;
  max-width: 100%; min-height: 6em; min-width: 10em; padding: 1em; border: 1px dashed #8a8a8a; border-radius: 4px;
  background: #f2f2f2; color: #555; font: 0.9rem/1.3 system-ui, sans-serif; text-align: center; vertical-align: middle; }
.lh-image::before { content: ''; flex: none; width: 1.1em; height: .85em; border: 2px solid currentColor; border-radius: 2px; opacity: .7; }
.lh-embed { margin-left: 0; margin-right: 0; }
.lh-embed-card { display: flex; align-items: center; gap: 1em; padding: 1em; border: 1px solid #ccc; border-radius: 6px;
  background: #fafafa; color: #222; font: 0.95rem/1.4 system-ui, sans-serif; }
.lh-embed-play { flex: none; width: 2.5em; height: 2.5em; border-radius: 50%; background: #222; color: #fff;
  display: inline-flex; align-items: center; justify-content: center; }
.lh-embed-text { display: flex; flex-direction: column; min-width: 0; }
.lh-embed-text a { overflow-wrap: anywhere; }
a:not([href]) { cursor: default; }
`;

/** A readable page when the blog's look is not cached yet. */
const PLAIN_CSS = `
body { margin: 0; background: #fff; color: #1d1d1f; font: 1.0625rem/1.65 Georgia, 'Times New Roman', serif; }
.site { padding: 2.5rem 1.25rem; }
article { max-width: 40rem; margin: 0 auto; }
.entry-title { font-size: 2.1rem; line-height: 1.2; margin: 0 0 1.5rem; }
blockquote { margin: 1.5em 0; padding-left: 1em; border-left: 3px solid #ccc; color: #444; }
figure { margin: 1.5em 0; } figcaption, .wp-caption-text { font-size: .875rem; color: #555; }
.alignleft { float: left; margin: 0 1.5em 1em 0; } .alignright { float: right; margin: 0 0 1em 1.5em; }
.aligncenter { display: block; margin-left: auto; margin-right: auto; }
a { color: #0b57a4; }
`;

function cls(c: string): string {
  return c ? ` class="${escapeAttr(c)}"` : '';
}

function wrapTitle(m: PageMarkup, h1: string): string {
  if (!m.titleWrap) return h1;
  return `<${m.titleWrap.tag}${cls(m.titleWrap.className)}>${h1}</${m.titleWrap.tag}>`;
}

export function previewDocument(parts: PreviewParts): string {
  const m = parts.markup ?? DEFAULT_MARKUP;
  const styles = parts.blogCss === null ? PLAIN_CSS : styleSafe(parts.blogCss);
  return [
    '<!doctype html>',
    `<html lang="${escapeAttr(parts.lang ?? 'sv')}">`,
    '<head>',
    // First in <head>: the policy is in force before anything below could ask for a resource.
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(PREVIEW_CSP)}">`,
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(textContent(parts.titleHtml))}</title>`,
    `<style>${styles}</style>`,
    `<style>${OWN_CSS}</style>`,
    '</head>',
    `<body${cls(m.bodyClass)}>`,
    `<div${cls(m.siteClass)}><main${cls(m.mainClass)}><article${cls(m.articleClass)}>`,
    wrapTitle(m, `<h1${cls(m.titleClass)}${m.titleStyle ? ` style="${escapeAttr(m.titleStyle)}"` : ''}>${parts.titleHtml}</h1>`),
    `<div${cls(m.contentClass)}>${parts.body}</div>`,
    '</article></main></div>',
    '</body>',
    '</html>',
  ].join('\n');
}
