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
const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;

/**
 * Word writes a list as paragraphs with a marker span ("·", "o", "1.", "a.") and an `mso-list: l0 level2`
 * style: `l0` names the list, `level2` is the nesting depth (1 = top). The paragraphs in a row become one
 * list, each deeper level a list inside the item before it, as HTML nests lists.
 */
function wordLists(doc: Document, body: HTMLElement): void {
  // The open lists, outermost first: stack[n - 1] holds the items of level n.
  let stack: HTMLElement[] = [];
  let listId = '';
  for (const p of body.querySelectorAll<HTMLElement>('p')) {
    const style = p.getAttribute('style') ?? '';
    if (!WORD_LIST.test(p.className) && !/mso-list/.test(style)) {
      stack = [];
      continue;
    }
    const mso = MSO_LIST.exec(style);
    const level = Math.min(9, Math.max(1, Number(mso?.[2] ?? 1)));
    const marker = p.querySelector('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]');
    const tag = /^\s*\w+[.)]/.test(marker?.textContent ?? '') ? 'OL' : 'UL';
    // The marker and the font span Word wraps it in (empty once the marker is gone).
    const wrapper = marker?.parentElement;
    marker?.remove();
    if (wrapper && wrapper !== p && wrapper.childNodes.length === 0) wrapper.remove();
    // A new list unless this paragraph follows the last one of the same Word list.
    const root = stack[0];
    if (!root || root.nextElementSibling !== p || (mso && mso[1] !== listId)) {
      const list = doc.createElement(tag);
      p.before(list);
      stack = [list];
    }
    listId = mso?.[1] ?? listId;
    stack.length = Math.min(stack.length, level);
    while (stack.length < level) {
      const parent = stack[stack.length - 1]!;
      const holder = parent.lastElementChild ?? parent.appendChild(doc.createElement('li'));
      stack.push(holder.appendChild(doc.createElement(tag)));
    }
    let list = stack[level - 1]!;
    if (list.nodeName !== tag) {
      // The kind changes at this level (bullets after numbers): a new list beside the old one.
      const other = doc.createElement(tag);
      list.after(other);
      stack[level - 1] = list = other;
      if (level === 1) stack = [other];
    }
    const li = doc.createElement('li');
    li.append(...p.childNodes);
    list.append(li);
    p.remove();
  }
}

/** A URL alone (what WordPress would auto-embed when it is on its own line). */
export const BARE_URL = /^https?:\/\/[^\s<>"]+$/i;
