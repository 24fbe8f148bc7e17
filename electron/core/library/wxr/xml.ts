import { BlogError } from '../../../common/errors.ts';

/**
 * A small, strict XML reader for WordPress exports (WXR): elements, attributes, text, CDATA, comments,
 * processing instructions and the five predefined entities plus character references. Deliberately not more:
 * a DOCTYPE's internal subset is skipped and custom entities are never expanded, so an export cannot make us
 * read other files or expand into gigabytes (XXE, "billion laughs"). Mismatched tags are an error with a line
 * number — a truncated export must fail loudly, not import half.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string, at = i): never => {
    const line = xml.slice(0, at).split('\n').length;
    throw new BlogError('invalid-argument', `Not a readable WordPress export: ${message} (line ${line}).`);
  };
  const top = () => stack[stack.length - 1]!;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      addText(top(), decodeXmlEntities(xml.slice(i)), false);
      break;
    }
    if (lt > i) addText(top(), decodeXmlEntities(xml.slice(i, lt)), false);
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) fail('unterminated CDATA section', lt);
      addText(top(), xml.slice(lt + 9, end), true);
      i = end + 3;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) fail('unterminated comment', lt);
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) fail('unterminated processing instruction', lt);
      i = end + 2;
    } else if (xml.startsWith('<!DOCTYPE', lt)) {
      i = skipDoctype(xml, lt, fail);
    } else if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt);
      if (end === -1) fail('unterminated end tag', lt);
      const name = xml.slice(lt + 2, end).trim();
      if (stack.length === 1 || top().name !== name) fail(`</${name}> does not close <${top().name}>`, lt);
      stack.pop();
      i = end + 1;
    } else {
      const { element, end, selfClosing } = readStartTag(xml, lt, fail);
      top().children.push(element);
      if (!selfClosing) stack.push(element);
      i = end;
    }
  }
  if (stack.length > 1) fail(`the file ends inside <${top().name}> (truncated?)`, xml.length);
  const elements = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  if (elements.length !== 1) fail('expected exactly one root element', 0);
  return elements[0]!;
}

/** `keep`: CDATA is kept as is; plain text that is only whitespace is indentation between elements. */
function addText(parent: XmlElement, piece: string, keep: boolean): void {
  if (piece === '' || (!keep && piece.trim() === '')) return;
  const last = parent.children[parent.children.length - 1];
  // Adjacent text and CDATA pieces are one text: WordPress splits "]]>" inside content across two CDATA sections.
  if (typeof last === 'string') parent.children[parent.children.length - 1] = last + piece;
  else parent.children.push(piece);
}

const NAME = /^[A-Za-z_:][\w.:-]*/;

function readStartTag(xml: string, lt: number, fail: (m: string, at?: number) => never): { element: XmlElement; end: number; selfClosing: boolean } {
  const name = NAME.exec(xml.slice(lt + 1, lt + 200))?.[0];
  if (!name) fail('a "<" that starts no tag', lt);
  let i = lt + 1 + name.length;
  const attributes: Record<string, string> = {};
  for (;;) {
    while (/\s/.test(xml[i] ?? '')) i++;
    if (xml.startsWith('/>', i)) return { element: { name, attributes, children: [] }, end: i + 2, selfClosing: true };
    if (xml[i] === '>') return { element: { name, attributes, children: [] }, end: i + 1, selfClosing: false };
    const attr = NAME.exec(xml.slice(i, i + 200))?.[0];
    if (!attr) fail(`a broken attribute in <${name}>`, i);
    i += attr.length;
    while (/\s/.test(xml[i] ?? '')) i++;
    if (xml[i] !== '=') fail(`attribute ${attr} of <${name}> has no value`, i);
    i++;
    while (/\s/.test(xml[i] ?? '')) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${name}> is not quoted`, i);
    const close = xml.indexOf(quote, i + 1);
    if (close === -1) fail(`attribute ${attr} of <${name}> is not closed`, i);
    attributes[attr] = decodeXmlEntities(xml.slice(i + 1, close));
    i = close + 1;
  }
}

function skipDoctype(xml: string, lt: number, fail: (m: string, at?: number) => never): number {
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const ch = xml[i];
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '>' && depth <= 0) return i + 1;
  }
  return fail('unterminated DOCTYPE', lt);
}

/** The first child element with this name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The text content of an element (its own text and CDATA; WXR fields never nest markup). */
export function text(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((node) => (typeof node === 'string' ? node : text(node))).join('');
}

export function childText(element: XmlElement, name: string): string {
  return text(child(element, name));
}
