import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/**
 * Every piece of HTML that did not come from the user's keyboard goes through DOMPurify before it becomes
 * DOM: previews of opaque blocks and inline markup, captions, and pasted HTML. Previews are stricter than
 * the paste filter: they show, they are not content, so they may not load anything (offline: no remote
 * images, no frames), navigate (links lose their href), or restyle the app (no style, no class).
 */
const PREVIEW: Config = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'video', 'audio', 'source', 'link', 'meta', 'base', 'dialog', 'template'],
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'sizes', 'target', 'ping', 'background', 'poster', 'formaction'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/** What pasted HTML may keep: structure and inline formats; styles are read out first (paste.ts). */
const PASTE: Config = {
  ALLOWED_TAGS: [
    'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'cite', 'a', 'strong', 'b', 'em', 'i', 'u',
    's', 'strike', 'del', 'code', 'pre', 'sub', 'sup', 'hr', 'img', 'figure', 'figcaption', 'span', 'div',
  ],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'width', 'height'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // The <body> of DOMPurify's inert document, not a fragment: Lexical's DOM import wants every text node
  // to have a parent element.
  RETURN_DOM: true,
};

let preview: Purifier | undefined;
let paste: Purifier | undefined;

function previewPurifier(): Purifier {
  if (preview) return preview;
  preview = DOMPurify(window);
  preview.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!/^(?:data:image\/|blob:)/i.test(src)) node.removeAttribute('src');
    }
    if (node.nodeName === 'A') node.removeAttribute('href');
  });
  return preview;
}

function pastePurifier(): Purifier {
  if (paste) return paste;
  paste = DOMPurify(window);
  paste.addHook('afterSanitizeAttributes', (node) => {
    // Only web links and mail survive (DOMPurify already drops javascript:; this also drops data:, file:…).
    if (node.nodeName === 'A' && !/^(?:https?:|mailto:|#)/i.test(node.getAttribute('href') ?? '')) node.removeAttribute('href');
    if (node.nodeName === 'IMG' && !/^(?:https?:|data:image\/(?:png|jpeg|gif|webp);)/i.test(node.getAttribute('src') ?? '')) node.remove();
  });
  return paste;
}

/** Safe HTML to show a block or inline markup the editor keeps as source. */
export function sanitizePreview(html: string): string {
  // Plain text (most captions) needs no parse: without `<` or `&` it can only be text.
  if (!/[<&]/.test(html)) return html;
  return previewPurifier().sanitize(html, { ...PREVIEW, RETURN_TRUSTED_TYPE: false });
}

/** Pasted HTML as the body of an inert document: safe to hand to Lexical's DOM import. */
export function sanitizePaste(html: string): HTMLElement {
  return pastePurifier().sanitize(html, PASTE) as unknown as HTMLElement;
}
