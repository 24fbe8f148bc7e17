// A small, forgiving HTML tokenizer and tree builder that keeps source offsets.
// It never throws and never loses text: every character of the input belongs to exactly one token,
// so slicing by token offsets reproduces the input. Malformed markup (a `<` that does not start a
// complete tag, an unterminated comment) is text.

export type Token =
  | { type: 'text'; start: number; end: number; raw: boolean }
  | { type: 'open'; name: string; start: number; end: number; attrs: string; selfClosing: boolean }
  | { type: 'close'; name: string; start: number; end: number }
  | { type: 'comment'; start: number; end: number };

export const VOID_TAGS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements whose content is not markup (we do not look for tags, shortcodes or blank lines in it). */
const RAW_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'pre', 'xmp', 'title']);

/** Block-level elements in wpautop's sense plus embedding elements; a line starting one begins a block. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'table', 'thead', 'tfoot', 'caption', 'col', 'colgroup', 'tbody', 'tr', 'td', 'th', 'div', 'dl', 'dd', 'dt',
  'ul', 'ol', 'li', 'pre', 'form', 'map', 'area', 'blockquote', 'address', 'math', 'style', 'p', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hr', 'fieldset', 'legend', 'section', 'article', 'aside', 'hgroup', 'header', 'footer', 'nav',
  'figure', 'figcaption', 'details', 'menu', 'summary', 'main', 'object', 'iframe', 'video', 'audio', 'script',
  'noscript', 'svg', 'canvas', 'textarea',
]);

const NAME_START = /[A-Za-z]/;
const NAME_CHARS = /[A-Za-z0-9:_-]/;

function readName(s: string, i: number, end: number): number {
  while (i < end && NAME_CHARS.test(s[i]!)) i++;
  return i;
}

/** Index just past the `>` ending a start tag whose name ends at `i`, honouring quoted values; -1 if none. */
function endOfStartTag(s: string, i: number, end: number): number {
  let quote = '';
  let afterEq = false;
  for (; i < end; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '>') return i + 1;
    if ((c === '"' || c === "'") && afterEq) {
      quote = c;
      afterEq = false;
      continue;
    }
    if (c === '=') afterEq = true;
    else if (!/\s/.test(c)) afterEq = false;
  }
  // No end, or an unterminated quoted value: the caller falls back to the first `>` after the name.
  return -1;
}

/** Tokenize s[from, to). Offsets are absolute positions in s. */
export function tokenizeHtml(s: string, from = 0, to = s.length): Token[] {
  const out: Token[] = [];
  let textStart = from;
  let i = from;
  // Where the last possible tag and comment ends: past them no `<` can start one (keeps scanning linear).
  const lastGt = s.lastIndexOf('>', to - 1);
  const lastCommentEnd = s.lastIndexOf('-->', to - 3);
  const noEndFrom = new Map<string, number>();
  const flushText = (upTo: number, raw = false): void => {
    if (upTo > textStart) out.push({ type: 'text', start: textStart, end: upTo, raw });
  };
  while (i < to) {
    const lt = s.indexOf('<', i);
    if (lt < 0 || lt >= to || lt > lastGt) break;
    const next = s[lt + 1] ?? '';
    let tokEnd = -1;
    let tok: Token | undefined;
    if (s.startsWith('<!--', lt)) {
      const close = lastCommentEnd >= lt + 4 ? s.indexOf('-->', lt + 4) : -1;
      if (close >= 0 && close + 3 <= to) {
        tokEnd = close + 3;
        tok = { type: 'comment', start: lt, end: tokEnd };
      }
    } else if (next === '!' || next === '?') {
      const close = s.indexOf('>', lt + 2);
      if (close >= 0 && close < to) {
        tokEnd = close + 1;
        tok = { type: 'comment', start: lt, end: tokEnd };
      }
    } else if (next === '/' && NAME_START.test(s[lt + 2] ?? '')) {
      const nameEnd = readName(s, lt + 2, to);
      const close = s.indexOf('>', nameEnd);
      if (close >= 0 && close < to) {
        tokEnd = close + 1;
        tok = { type: 'close', name: s.slice(lt + 2, nameEnd).toLowerCase(), start: lt, end: tokEnd };
      }
    } else if (NAME_START.test(next)) {
      const nameEnd = readName(s, lt + 1, to);
      let end = endOfStartTag(s, nameEnd, to);
      if (end < 0) {
        const gt = s.indexOf('>', nameEnd);
        end = gt >= 0 && gt < to ? gt + 1 : -1;
      }
      if (end >= 0) {
        tokEnd = end;
        const body = s.slice(nameEnd, end - 1);
        const selfClosing = /\/\s*$/.test(body);
        tok = {
          type: 'open',
          name: s.slice(lt + 1, nameEnd).toLowerCase(),
          start: lt,
          end,
          attrs: selfClosing ? body.replace(/\s*\/\s*$/, '') : body,
          selfClosing,
        };
      }
    }
    if (!tok) {
      i = lt + 1;
      continue;
    }
    flushText(lt);
    out.push(tok);
    i = tokEnd;
    textStart = i;
    if (tok.type === 'open' && !tok.selfClosing && RAW_TAGS.has(tok.name) && i < (noEndFrom.get(tok.name) ?? to)) {
      // Jump to the matching end tag; if there is none, carry on as if the tag were ordinary.
      const re = new RegExp(`</${tok.name}(?=[\\s/>])`, 'ig');
      re.lastIndex = i;
      const m = re.exec(s);
      if (!m || m.index >= to) noEndFrom.set(tok.name, i); // no end tag after i: do not search again
      if (m && m.index < to) {
        const gt = s.indexOf('>', m.index);
        if (gt >= 0 && gt < to) {
          flushText(m.index, true);
          out.push({ type: 'close', name: tok.name, start: m.index, end: gt + 1 });
          i = gt + 1;
          textStart = i;
        }
      }
    }
  }
  flushText(to);
  return out;
}

/** Parse start-tag attribute text into [name, rawValue] pairs (values keep their entities). */
export function parseAttrs(attrs: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) {
    out.push([m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '']);
  }
  return out;
}

export function getAttr(attrs: string, name: string): string | undefined {
  for (const [k, v] of parseAttrs(attrs)) if (k === name) return v;
  return undefined;
}

// ---- tree --------------------------------------------------------------------------------------

export interface ElementNode {
  type: 'el';
  name: string;
  attrs: string;
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  children: HtmlNode[];
}
export interface TextNode { type: 'text'; start: number; end: number }
export interface CommentNode { type: 'comment'; start: number; end: number }
export type HtmlNode = ElementNode | TextNode | CommentNode;

/** Elements whose start tag implicitly closes an open element of the same kind. */
const AUTO_CLOSE: Record<string, ReadonlySet<string>> = {
  li: new Set(['li']),
  p: new Set(['p']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
};

/** Build a lenient element tree over s[from, to). Unclosed elements end where their parent ends. */
export function parseFragment(s: string, from = 0, to = s.length): HtmlNode[] {
  const root: ElementNode = {
    type: 'el', name: '#root', attrs: '', start: from, end: to, innerStart: from, innerEnd: to, children: [],
  };
  const stack: ElementNode[] = [root];
  const top = (): ElementNode => stack[stack.length - 1]!;
  const closeTo = (depth: number, at: number): void => {
    while (stack.length > depth) {
      const el = stack.pop()!;
      el.innerEnd = at;
      el.end = at;
    }
  };
  for (const t of tokenizeHtml(s, from, to)) {
    if (t.type === 'text' || t.type === 'comment') {
      top().children.push({ type: t.type, start: t.start, end: t.end });
    } else if (t.type === 'open') {
      const closes = AUTO_CLOSE[t.name];
      if (closes && closes.has(top().name)) closeTo(stack.length - 1, t.start);
      const el: ElementNode = {
        type: 'el', name: t.name, attrs: t.attrs, start: t.start, end: t.end,
        innerStart: t.end, innerEnd: t.end, children: [],
      };
      top().children.push(el);
      if (!t.selfClosing && !VOID_TAGS.has(t.name)) stack.push(el);
    } else {
      let d = stack.length - 1;
      while (d > 0 && stack[d]!.name !== t.name) d--;
      if (d === 0) {
        top().children.push({ type: 'text', start: t.start, end: t.end }); // a stray end tag: keep as text
        continue;
      }
      closeTo(d + 1, t.start);
      const el = stack.pop()!;
      el.innerEnd = t.start;
      el.end = t.end;
    }
  }
  closeTo(1, to);
  return root.children;
}

export function isBlank(s: string, n: HtmlNode): boolean {
  return n.type === 'text' && /^[ \t\r\n\f\v]*$/.test(s.slice(n.start, n.end));
}

/** Children that are not whitespace-only text. */
export function significant(s: string, nodes: HtmlNode[]): HtmlNode[] {
  return nodes.filter((n) => !isBlank(s, n));
}

export function inner(s: string, el: ElementNode): string {
  return s.slice(el.innerStart, el.innerEnd);
}

/** True if the fragment contains an element (at any depth) whose name is in `names`. */
export function containsTag(s: string, names: ReadonlySet<string>, from = 0, to = s.length): boolean {
  return tokenizeHtml(s, from, to).some((t) => (t.type === 'open' || t.type === 'close') && names.has(t.name));
}
