import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/**
 * The renderer's own pass over core's preview document before it becomes an iframe's srcdoc: core already
 * filtered it (electron/core/preview/sanitize.ts), but foreign HTML is sanitised wherever it reaches the DOM.
 * The body goes through DOMPurify (classes and inline styles stay: the blog's theme needs them); the head keeps
 * only core's CSP, charset, viewport, title and styles. Nothing may name the network: images must be `data:`,
 * links lose their href. DOMParser's document is inert, so reading it loads and runs nothing.
 */
const BODY: Config = {
  FORBID_TAGS: ['style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'video', 'audio', 'source', 'track', 'picture', 'template', 'dialog'],
  FORBID_ATTR: ['srcset', 'sizes', 'ping', 'background', 'poster', 'formaction', 'action', 'xlink:href', 'target'],
  ALLOW_DATA_ATTR: false,
  RETURN_TRUSTED_TYPE: false,
};

let purifier: Purifier | undefined;

function bodyPurifier(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG' && !/^data:image\/(?:png|jpeg|gif|webp|avif);/i.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
    if (node.nodeName === 'A') node.removeAttribute('href');
    const style = node.getAttribute('style');
    if (style !== null && /url\s*\(|image-set|\\/i.test(style)) node.removeAttribute('style');
  });
  return purifier;
}

const HEAD_TAGS = new Set(['META', 'TITLE', 'STYLE']);

export function hardenPreview(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Copies: removing from a live collection while walking it would skip elements.
  for (const el of Array.from(doc.head.children)) {
    const keep = HEAD_TAGS.has(el.tagName) && (el.tagName !== 'META' || !/refresh/i.test(el.getAttribute('http-equiv') ?? ''));
    if (!keep) el.remove();
  }
  for (const attr of Array.from(doc.body.attributes)) if (attr.name !== 'class') doc.body.removeAttribute(attr.name);
  doc.body.innerHTML = bodyPurifier().sanitize(doc.body.innerHTML, BODY);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
