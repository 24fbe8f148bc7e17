/**
 * Three-way merge of a post body at block level (paragraphs, headings, list items' lists, images, …, as the
 * fidelity parser splits them), in the spirit of diff3:
 *
 * 1. Each version is parsed (parsePost: lossless, `joinSource` gives the text back) and cut into tokens: a block's
 *    exact source with the separator before it, so that tokens concatenate back to the exact text.
 * 2. Each side is diffed against the base (LCS over tokens) into hunks: "base tokens [a, b) became these".
 * 3. Hunks of the two sides that touch different base ranges apply independently (non-overlapping edits merge);
 *    hunks that overlap — or insert at the same spot — are a conflict unless both sides made the same change.
 *
 * Invariant (tests/unit/core/sync-engine/merge-blocks.test.ts): a clean merge contains every change of both
 * sides, and when one side is unchanged the result is the other side byte for byte. Conservative where unsure:
 * an ambiguous case is a conflict, never a silent choice.
 */
import type { ConflictBlock } from '../../../common/api/sync.ts';
import { parsePost } from '../../fidelity/index.ts';

interface Doc {
  readonly leading: string;
  readonly tokens: readonly string[];
  readonly trailing: string;
}

/** A change of one side: base tokens [start, end) replaced by `tokens`. */
interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly string[];
}

export interface BlockMerge {
  /** The merged text, or null when some block changed on both sides. */
  readonly merged: string | null;
  /** The three-way view, chunk by chunk, in document order. */
  readonly blocks: ConflictBlock[];
  readonly conflicts: number;
}

export function toDoc(text: string): Doc {
  const parsed = parsePost(text);
  const tokens = parsed.blocks.map((block, i) => (i === 0 ? '' : (parsed.separators[i] ?? '')) + block.source);
  return { leading: parsed.separators[0] ?? '', tokens, trailing: parsed.blocks.length === 0 ? '' : (parsed.separators.at(-1) ?? '') };
}

/** Hunks turning `a` into `b`, by longest common subsequence (common prefix and suffix trimmed first). */
export function diffTokens(a: readonly string[], b: readonly string[]): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  if (A.length === 0 && B.length === 0) return [];
  // lcs[i][j]: LCS length of A[i..] and B[j..].
  const lcs: Uint32Array[] = Array.from({ length: A.length + 1 }, () => new Uint32Array(B.length + 1));
  for (let i = A.length - 1; i >= 0; i--) {
    for (let j = B.length - 1; j >= 0; j--) {
      lcs[i]![j] = A[i] === B[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: { start: number; tokens: string[] } | null = null;
  const close = (end: number) => {
    if (open) hunks.push({ start: open.start + pre, end: end + pre, tokens: open.tokens });
    open = null;
  };
  while (i < A.length || j < B.length) {
    if (i < A.length && j < B.length && A[i] === B[j]) {
      close(i);
      i++;
      j++;
    } else if (j < B.length && (i === A.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      open ??= { start: i, tokens: [] };
      open.tokens.push(B[j]!);
      j++;
    } else {
      open ??= { start: i, tokens: [] };
      i++;
    }
  }
  close(i);
  // A run of blocks each replaced by one block is one edit per block, not one edit of the run: so an edit of
  // block 3 here and of block 4 on the web stay apart even when the diff saw them as one run.
  return hunks.flatMap((h) =>
    h.end - h.start === h.tokens.length && h.tokens.length > 1 ? h.tokens.map((t, k) => ({ start: h.start + k, end: h.start + k + 1, tokens: [t] })) : [h],
  );
}

function overlaps(x: Hunk, y: Hunk): boolean {
  if (x.start === x.end && y.start === y.end) return x.start === y.start; // two insertions at one spot: order unknown
  if (x.start === x.end) return x.start > y.start && x.start < y.end; // an insertion inside the other's range
  if (y.start === y.end) return y.start > x.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

function sameHunk(x: Hunk, y: Hunk): boolean {
  return x.start === y.start && x.end === y.end && x.tokens.length === y.tokens.length && x.tokens.every((t, i) => t === y.tokens[i]);
}

/** Replays hunks of `side` that fall inside base [start, end) onto that base range. */
function apply(base: readonly string[], start: number, end: number, hunks: readonly Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const h of hunks) {
    out.push(...base.slice(at, h.start), ...h.tokens);
    at = h.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

const join = (tokens: readonly string[]): string | null => (tokens.length === 0 ? null : tokens.join('').replace(/^\s+/, ''));

export function mergeBlocks(baseText: string, mineText: string, theirsText: string): BlockMerge {
  if (mineText === theirsText || theirsText === baseText) return trivial(baseText, mineText, theirsText, mineText);
  if (mineText === baseText) return trivial(baseText, mineText, theirsText, theirsText);
  const base = toDoc(baseText);
  const mine = toDoc(mineText);
  const theirs = toDoc(theirsText);
  const mineHunks = diffTokens(base.tokens, mine.tokens).map((h) => ({ ...h, side: 'mine' as const }));
  const theirHunks = diffTokens(base.tokens, theirs.tokens).map((h) => ({ ...h, side: 'theirs' as const }));
  const all = [...mineHunks, ...theirHunks].toSorted((x, y) => x.start - y.start || x.end - y.end);

  // Group hunks that overlap (transitively) into chunks over one base range.
  const groups: { start: number; end: number; hunks: typeof all }[] = [];
  for (const h of all) {
    const last = groups.at(-1);
    if (last && last.hunks.some((g) => overlaps(g, h))) {
      last.hunks.push(h);
      last.end = Math.max(last.end, h.end);
    } else groups.push({ start: h.start, end: h.end, hunks: [h] });
  }

  const out: string[] = [];
  const blocks: ConflictBlock[] = [];
  let conflicts = 0;
  let at = 0;
  const same = (tokens: readonly string[]) => {
    for (const t of tokens) blocks.push({ base: join([t]), mine: join([t]), theirs: join([t]), change: 'same' });
  };
  for (const group of groups) {
    same(base.tokens.slice(at, group.start));
    out.push(...base.tokens.slice(at, group.start));
    const baseChunk = base.tokens.slice(group.start, group.end);
    const mineChunk = apply(base.tokens, group.start, group.end, group.hunks.filter((h) => h.side === 'mine'));
    const theirChunk = apply(base.tokens, group.start, group.end, group.hunks.filter((h) => h.side === 'theirs'));
    const sides = new Set(group.hunks.map((h) => h.side));
    const agreed = sides.size === 2 && group.hunks.length === 2 && sameHunk(group.hunks[0]!, group.hunks[1]!);
    const change: ConflictBlock['change'] = agreed ? 'mine' : sides.size === 2 ? 'both' : sides.has('mine') ? 'mine' : 'theirs';
    if (change === 'both') conflicts++;
    out.push(...(change === 'theirs' ? theirChunk : mineChunk));
    blocks.push({ base: join(baseChunk), mine: join(mineChunk), theirs: join(theirChunk), change });
    at = group.end;
  }
  same(base.tokens.slice(at));
  out.push(...base.tokens.slice(at));

  // The whitespace before the first and after the last block merges like a field of its own.
  const leading = pick(base.leading, mine.leading, theirs.leading);
  const trailing = pick(base.trailing, mine.trailing, theirs.trailing);
  if (leading === null || trailing === null) conflicts++;
  const merged = conflicts > 0 ? null : `${leading}${out.join('')}${trailing}`;
  return { merged, blocks, conflicts };
}

/** Three-way pick of one value: null when both sides changed it differently. */
export function pick<T>(base: T, mine: T, theirs: T): T | null {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  return null;
}

/** One side unchanged (or both alike): the result is known without diffing; the view still shows the blocks. */
function trivial(baseText: string, mineText: string, theirsText: string, merged: string): BlockMerge {
  const base = toDoc(baseText).tokens;
  const side = toDoc(merged).tokens;
  const changed = merged === baseText ? 'same' : merged === theirsText && mineText === baseText ? 'theirs' : 'mine';
  const blocks: ConflictBlock[] = [];
  let at = 0;
  for (const h of diffTokens(base, side)) {
    for (const t of base.slice(at, h.start)) blocks.push({ base: join([t]), mine: join([t]), theirs: join([t]), change: 'same' });
    const baseChunk = join(base.slice(h.start, h.end));
    const sideChunk = join(h.tokens);
    blocks.push({
      base: baseChunk,
      mine: changed === 'theirs' ? baseChunk : sideChunk,
      theirs: changed === 'mine' && theirsText === baseText ? baseChunk : sideChunk,
      change: changed === 'same' ? 'same' : changed,
    });
    at = h.end;
  }
  for (const t of base.slice(at)) blocks.push({ base: join([t]), mine: join([t]), theirs: join([t]), change: 'same' });
  return { merged, blocks, conflicts: 0 };
}

/**
 * A resolution chosen block by block (index-aligned with BlockMerge.blocks) back to text. Chunks join with a
 * blank line: a chosen chunk keeps its own inner separators; between chunks the fidelity parser's normal one.
 */
export function assembleChoices(blocks: readonly ConflictBlock[], choices: readonly ('base' | 'mine' | 'theirs')[]): string {
  if (choices.length !== blocks.length) throw new RangeError(`expected ${blocks.length} choices, got ${choices.length}`);
  const parts = blocks.map((block, i) => block[choices[i]!]).filter((part): part is string => part !== null && part !== '');
  return parts.join('\n\n');
}
