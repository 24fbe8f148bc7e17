// Turning a set of separator intervals into the block/separator layout of a post.

export interface Span {
  start: number;
  end: number;
}

export interface Layout {
  blocks: Span[];
  /** Always blocks.length + 1 entries, leading and trailing included (possibly empty). */
  separators: Span[];
}

/** Whitespace in wpautop's (PHP PCRE `\s`) sense; a no-break space is content, not whitespace. */
export const WS = /[ \t\n\r\f\v]/;
export const WS_RUN = /[ \t\n\r\f\v]+/g;

export function isWs(c: string | undefined): boolean {
  return c !== undefined && WS.test(c);
}

/**
 * Given separator intervals over a text of length `len` (any order; they may touch or overlap),
 * return the layout. The leading and trailing separators are added (empty if need be), touching
 * intervals are merged, so every block span between two separators is non-empty.
 */
export function layout(len: number, cuts: Span[]): Layout {
  const all = [...cuts, { start: 0, end: 0 }, { start: len, end: len }].toSorted(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  const merged: Span[] = [];
  for (const c of all) {
    const last = merged[merged.length - 1];
    if (last && c.start <= last.end) last.end = Math.max(last.end, c.end);
    else merged.push({ ...c });
  }
  if (merged.length === 1) return { blocks: [], separators: merged };
  const blocks: Span[] = [];
  for (let i = 1; i < merged.length; i++) blocks.push({ start: merged[i - 1]!.end, end: merged[i]!.start });
  return { blocks, separators: merged };
}

/** Cuts for the whitespace at the start and end of s[from, to). */
export function edgeWhitespace(s: string, from: number, to: number): Span[] {
  let a = from;
  while (a < to && isWs(s[a])) a++;
  let b = to;
  while (b > a && isWs(s[b - 1])) b--;
  return [
    { start: from, end: a },
    { start: b, end: to },
  ];
}
