import { sanitizePaste } from './sanitize.ts';

/**
 * Pasted HTML from web pages, Word and Google Docs, made into plain structure before DOMPurify and
 * Lexical see it. Those sources say "bold" and "list" with inline styles and private markup rather than
 * elements, and DOMPurify (rightly) drops the styles; so styles that mean structure are turned into
 * elements first: font-weight → <strong>, italic → <em>, underline → <u>, line-through → <s>; Word's
 * list paragraphs → real lists; Google Docs' all-enclosing <b style="font-weight:normal"> is unwrapped.
 * The parse happens in an inert document (DOMParser: no scripts run, nothing loads).
 */
export function cleanPastedHtml(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  for (const junk of body.querySelectorAll('style, script, meta, link, title, xml, o\\:p')) junk.remove();
  for (const b of body.querySelectorAll('b[id^="docs-internal-guid"], b[style*="font-weight:normal"], b[style*="font-weight: normal"]')) unwrap(b);
  stylesToElements(doc, body);
  wordLists(doc, body);
  return sanitizePaste(body.innerHTML);
}

function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

function wrapChildren(doc: Document, el: Element, tag: string): void {
  const wrapper = doc.createElement(tag);
  wrapper.append(...el.childNodes);
  el.append(wrapper);
}

function stylesToElements(doc: Document, body: HTMLElement): void {
  for (const el of body.querySelectorAll<HTMLElement>('[style]')) {
    const style = el.style;
    const heading = /^H[1-6]$/.test(el.nodeName);
    const weight = style.fontWeight;
    if (!heading && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600)) wrapChildren(doc, el, 'strong');
    if (style.fontStyle === 'italic') wrapChildren(doc, el, 'em');
    const decoration = `${style.textDecoration} ${style.textDecorationLine}`;
    if (decoration.includes('underline')) wrapChildren(doc, el, 'u');
    if (decoration.includes('line-through')) wrapChildren(doc, el, 's');
  }
}

const WORD_LIST = /MsoListParagraph/;

/** Word writes a list as paragraphs with a marker span ("·", "1.") and `mso-list` styles. */
function wordLists(doc: Document, body: HTMLElement): void {
  let list: HTMLElement | null = null;
  for (const p of body.querySelectorAll<HTMLElement>('p')) {
    if (!WORD_LIST.test(p.className) && !/mso-list/.test(p.getAttribute('style') ?? '')) {
      list = null;
      continue;
    }
    const marker = p.querySelector('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]');
    const ordered = /^\s*\w+[.)]/.test(marker?.textContent ?? '');
    marker?.remove();
    const tag = ordered ? 'OL' : 'UL';
    if (!list || list.nodeName !== tag || list.nextElementSibling !== p) {
      list = doc.createElement(tag);
      p.before(list);
    }
    const li = doc.createElement('li');
    li.append(...p.childNodes);
    list.append(li);
    p.remove();
  }
}

/** A URL alone (what WordPress would auto-embed when it is on its own line). */
export const BARE_URL = /^https?:\/\/[^\s<>"]+$/i;
