import type { TextSpan } from '../../common/api/library.ts';
import { type QueryTerm, TOKEN } from './query-text.ts';

/**
 * Highlights and snippets for a page of search results, computed here rather than by FTS5's highlight() and
 * snippet(): those re-run the full-text query for every row, and a prefix without a prefix index ("kommu*")
 * is expanded over the whole vocabulary each time — 2 ms a row at 100,000 posts. Here the text is tokenized
 * the way the index tokenizes it (unicode61: letters, digits, private use; case-folded; diacritics removed
 * only for the accent-insensitive index), so what is marked is what matched.
 */
interface Token {
  readonly start: number;
  readonly end: number;
  readonly folded: string;
}

export function fold(token: string, accentInsensitive: boolean): string {
  const lower = token.toLowerCase();
  return accentInsensitive ? lower.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC') : lower;
}

function tokenize(text: string, accentInsensitive: boolean): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: fold(m[0], accentInsensitive) }));
}

interface Mark {
  readonly term: number;
  /** Tokens of one phrase occurrence share it, so the space between them is marked too. */
  readonly occurrence: number;
}

/** Which tokens belong to an occurrence of a term, and which term. */
function matches(tokens: Token[], terms: QueryTerm[], accentInsensitive: boolean): Map<number, Mark> {
  const marked = new Map<number, Mark>();
  let occurrence = 0;
  terms.forEach((term, termIndex) => {
    const wanted = term.tokens.map((t) => fold(t, accentInsensitive));
    for (let i = 0; i + wanted.length <= tokens.length; i++) {
      const hit = wanted.every((w, j) => {
        const token = tokens[i + j]!.folded;
        return term.prefix && j === wanted.length - 1 ? token.startsWith(w) : token === w;
      });
      if (!hit) continue;
      occurrence++;
      for (let j = 0; j < wanted.length; j++) marked.set(i + j, { term: termIndex, occurrence });
    }
  });
  return marked;
}

function spans(text: string, tokens: Token[], marked: Map<number, Mark>, from: number, to: number): TextSpan[] {
  const out: TextSpan[] = [];
  let cursor = from;
  const push = (end: number, match: boolean) => {
    if (end <= cursor) return;
    const piece = text.slice(cursor, end);
    const last = out[out.length - 1];
    if (last && last.match === match) out[out.length - 1] = { text: last.text + piece, match };
    else out.push({ text: piece, match });
    cursor = end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const mark = marked.get(i);
    if (token.start < from || token.end > to || !mark) continue;
    push(token.start, marked.get(i - 1)?.occurrence === mark.occurrence);
    push(token.end, true);
  }
  push(to, false);
  return out;
}

export function highlightAll(text: string, terms: QueryTerm[], accentInsensitive: boolean): TextSpan[] {
  const tokens = tokenize(text, accentInsensitive);
  return text === '' ? [] : spans(text, tokens, matches(tokens, terms, accentInsensitive), 0, text.length);
}

/**
 * A window of about `size` tokens around the best cluster of matches (most distinct terms, then most hits),
 * with "…" where text was cut. Null when the text has no match at all.
 */
export function snippet(text: string, terms: QueryTerm[], accentInsensitive: boolean, size = 24): TextSpan[] | null {
  const tokens = tokenize(text, accentInsensitive);
  const marked = matches(tokens, terms, accentInsensitive);
  if (marked.size === 0) return null;
  let best = 0;
  let bestScore = -1;
  for (const index of marked.keys()) {
    const start = Math.max(0, Math.min(index - 4, tokens.length - size));
    const inWindow = [...marked.entries()].filter(([i]) => i >= start && i < start + size);
    const score = new Set(inWindow.map(([, mark]) => mark.term)).size * 1000 + inWindow.length;
    if (score > bestScore || (score === bestScore && start < best)) {
      best = start;
      bestScore = score;
    }
  }
  const last = Math.min(tokens.length, best + size) - 1;
  const from = best === 0 ? 0 : tokens[best]!.start;
  const to = last === tokens.length - 1 ? text.length : tokens[last]!.end;
  const out = spans(text, tokens, marked, from, to);
  if (from > 0) out.unshift({ text: '…', match: false });
  if (to < text.length) out.push({ text: '…', match: false });
  return out;
}

/** The start of a text, cut at a word, when nothing in it matched (the hit was in the title or tags). */
export function opening(text: string, size = 24): TextSpan[] {
  const tokens = tokenize(text, false);
  if (tokens.length <= size) return text ? [{ text, match: false }] : [];
  return [{ text: text.slice(0, tokens[size - 1]!.end), match: false }, { text: '…', match: false }];
}
