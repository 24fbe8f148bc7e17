// Splitting a classic post into top-level block spans.
//
// Rules (whitespace is always in the separators; block spans are trimmed):
// - Every HTML element and every enclosing shortcode that has a matching end is a protected region:
//   nothing inside it is ever split, whatever blank lines it contains (<pre>, tables, lists,
//   [caption]…[/caption], even a <strong> spanning a blank line). Comments are single tokens.
// - Outside protected regions a block ends at a run of whitespace containing a blank line (wpautop's
//   paragraph break), and at a line break next to block-level markup: a block-level element, a
//   comment, a shortcode pair, a standalone shortcode or auto-embed URL alone on its line.
// - `<!--more-->`, `<!--nextpage-->` and `<!--noteaser-->` are always blocks of their own, even inline
//   (the separator is then whatever whitespace touches them, possibly '').
// Nothing here can lose text: only separators are chosen; the layout slices the input.

import { BARE_URL, embedProvider } from './embed.ts';
import { BLOCK_TAGS, VOID_TAGS, tokenizeHtml } from './html.ts';
import { type Layout, type Span, WS_RUN, edgeWhitespace, isWs, layout } from './spans.ts';

interface Unit {
  kind: 'hopen' | 'hclose' | 'hvoid' | 'comment' | 'sopen' | 'sclose' | 'svoid';
  name: string;
  start: number;
  end: number;
}

const SHORTCODE = /\[(\/?)([A-Za-z0-9_-]+)((?:\s[^[\]]*)?|=[^[\]\s]*(?:\s[^[\]]*)?)\]/g;
const PAGE_BREAK = /^<!--\s*(?:more|nextpage|noteaser)\b/i;

function units(raw: string): { list: Unit[]; texts: Span[] } {
  const list: Unit[] = [];
  const texts: Span[] = [];
  for (const t of tokenizeHtml(raw)) {
    if (t.type === 'text') {
      if (t.raw) continue;
      texts.push(t);
      const chunk = raw.slice(t.start, t.end);
      SHORTCODE.lastIndex = 0;
      for (let m = SHORTCODE.exec(chunk); m; m = SHORTCODE.exec(chunk)) {
        const start: number = t.start + m.index;
        const end: number = start + m[0].length;
        if (raw[start - 1] === '[' && raw[end] === ']') continue; // [[escaped]]
        const kind: Unit['kind'] = m[1] ? 'sclose' : /\/\s*$/.test(m[3] ?? '') ? 'svoid' : 'sopen';
        list.push({ kind, name: m[2]!.toLowerCase(), start, end });
      }
    } else if (t.type === 'comment') {
      list.push({ kind: 'comment', name: '', start: t.start, end: t.end });
    } else if (t.type === 'open') {
      const isVoid = t.selfClosing || VOID_TAGS.has(t.name);
      list.push({ kind: isVoid ? 'hvoid' : 'hopen', name: t.name, start: t.start, end: t.end });
    } else {
      list.push({ kind: 'hclose', name: t.name, start: t.start, end: t.end });
    }
  }
  return { list: list.toSorted((a, b) => a.start - b.start), texts };
}

/** Pair openers with closers of the same name (last opened first); unmatched ones stay unpaired. */
function pairs(list: Unit[]): Map<number, number> {
  const matched = new Map<number, number>(); // opener index → closer index (and closer → opener)
  const stacks = new Map<string, number[]>();
  list.forEach((u, i) => {
    const ns = u.kind === 'hopen' || u.kind === 'hclose' ? 'h:' : 's:';
    if (u.kind === 'hopen' || u.kind === 'sopen') {
      const key = ns + u.name;
      const st = stacks.get(key) ?? [];
      st.push(i);
      stacks.set(key, st);
    } else if (u.kind === 'hclose' || u.kind === 'sclose') {
      const o = stacks.get(ns + u.name)?.pop();
      if (o !== undefined) {
        matched.set(o, i);
        matched.set(i, o);
      }
    }
  });
  return matched;
}

function lineAlone(raw: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && (raw[a - 1] === ' ' || raw[a - 1] === '\t')) a--;
  let b = end;
  while (b < raw.length && (raw[b] === ' ' || raw[b] === '\t' || raw[b] === '\r')) b++;
  return (a === 0 || raw[a - 1] === '\n') && (b === raw.length || raw[b] === '\n');
}

export function splitClassic(raw: string): Layout {
  const { list, texts } = units(raw);
  const matched = pairs(list);

  // Protected regions: the union of all paired ranges, with whether each end is block-level.
  const ranges = list.flatMap((u, i) => {
    const c = matched.get(i);
    if (c === undefined || c < i) return [];
    const blocky = u.kind === 'sopen' || BLOCK_TAGS.has(u.name);
    return [{ start: u.start, end: list[c]!.end, blocky }];
  });
  const regions: Array<Span & { startsBlock: boolean; endsBlock: boolean }> = [];
  for (const r of ranges) {
    const last = regions[regions.length - 1];
    if (last && r.start < last.end) {
      if (r.end >= last.end) {
        last.end = r.end;
        last.endsBlock = r.blocky;
      }
    } else regions.push({ start: r.start, end: r.end, startsBlock: r.blocky, endsBlock: r.blocky });
  }
  let ri = 0;
  const protectedAt = (pos: number): boolean => {
    while (ri < regions.length && regions[ri]!.end <= pos) ri++;
    const r = regions[ri];
    return r !== undefined && r.start < pos;
  };

  const blockStarts = new Set<number>();
  const blockEnds = new Set<number>();
  const cuts: Span[] = [...edgeWhitespace(raw, 0, raw.length)];
  for (const r of regions) {
    if (r.startsBlock) blockStarts.add(r.start);
    if (r.endsBlock) blockEnds.add(r.end);
  }
  let rj = 0;
  for (let i = 0; i < list.length; i++) {
    const u = list[i]!;
    while (rj < regions.length && regions[rj]!.end <= u.start) rj++;
    const inside = rj < regions.length && regions[rj]!.start <= u.start;
    if (inside || matched.has(i)) continue;
    const isShortcode = u.kind === 'sopen' || u.kind === 'svoid' || u.kind === 'sclose';
    const standalone =
      u.kind === 'comment' ||
      (!isShortcode && (BLOCK_TAGS.has(u.name) || u.name === 'embed')) ||
      (isShortcode && lineAlone(raw, u.start, u.end));
    if (standalone) {
      blockStarts.add(u.start);
      blockEnds.add(u.end);
    }
    if (u.kind === 'comment' && PAGE_BREAK.test(raw.slice(u.start, u.end))) {
      let a = u.start;
      while (a > 0 && isWs(raw[a - 1])) a--;
      let b = u.end;
      while (b < raw.length && isWs(raw[b])) b++;
      cuts.push({ start: a, end: u.start }, { start: u.end, end: b });
    }
  }

  // Auto-embed URLs alone on a line (outside any markup) are blocks of their own.
  ri = 0;
  for (const t of texts) {
    if (protectedAt(t.start)) continue;
    const re = /[^\r\n]+/g;
    const chunk = raw.slice(t.start, t.end);
    for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
      const line = m[0].trim();
      if (!BARE_URL.test(line) || !embedProvider(line)) continue;
      const start = t.start + m.index + m[0].indexOf(line);
      const end = start + line.length;
      if (lineAlone(raw, start, end)) {
        blockStarts.add(start);
        blockEnds.add(end);
      }
    }
  }

  ri = 0;
  for (const t of texts) {
    const chunk = raw.slice(t.start, t.end);
    WS_RUN.lastIndex = 0;
    for (let m = WS_RUN.exec(chunk); m; m = WS_RUN.exec(chunk)) {
      const start = t.start + m.index;
      const end = start + m[0].length;
      if (protectedAt(start)) continue;
      const newlines = m[0].split('\n').length - 1;
      if (newlines >= 2 || (newlines >= 1 && (blockEnds.has(start) || blockStarts.has(end)))) {
        cuts.push({ start, end });
      }
    }
  }
  return layout(raw.length, cuts);
}
