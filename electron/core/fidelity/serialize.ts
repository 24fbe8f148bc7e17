// Writing a post back: untouched blocks emit their original source, changed and new blocks are
// serialised fresh in the post's dialect, and original separators are re-emitted between blocks that
// were neighbours in the parse. Hence an unedited post serialises to exactly its content.raw, and an
// edit of block i changes only block i's span of the output.

import { type Dialect, NORMAL_SEPARATOR, type SourceBlock } from './model.ts';
import { serializeBlocks } from './serialize-blocks.ts';
import { serializeClassic } from './serialize-classic.ts';

/** A block written fresh in a dialect, ignoring its `source` (except opaque blocks, which are their source). */
export function serializeBlock(block: SourceBlock, dialect: Dialect): string {
  return dialect === 'blocks' ? serializeBlocks(block) : serializeClassic(block);
}

/** What a block contributes to the output: its source unless it is changed or new. */
export function emitBlock(block: SourceBlock, dialect: Dialect): string {
  return block.changed || block.source === '' ? serializeBlock(block, dialect) : block.source;
}

const BLANK_LINE = /\n[ \t\r\f\v]*\n/;

/**
 * The separator between two output blocks. Neighbours in the parse keep theirs. When blocks between
 * them were removed, the original separator on either side is reused if it is a paragraph break,
 * else the dialect's normal one; new or moved blocks get the normal one.
 */
function between(a: SourceBlock, b: SourceBlock, separators: readonly string[]): string {
  if (a.index === undefined || b.index === undefined) return NORMAL_SEPARATOR;
  if (b.index === a.index + 1) return separators[b.index] ?? NORMAL_SEPARATOR;
  if (b.index > a.index + 1) {
    const after = separators[a.index + 1];
    const before = separators[b.index];
    if (before !== undefined && BLANK_LINE.test(before)) return before;
    if (after !== undefined && BLANK_LINE.test(after)) return after;
  }
  return NORMAL_SEPARATOR;
}

/**
 * Serialise a post. `separators` are those of the parse the blocks' `index` values refer to
 * (ParsedPost.separators); the leading and trailing separators are always kept.
 */
export function serializePost(blocks: readonly SourceBlock[], separators: readonly string[], dialect: Dialect): string {
  const leading = separators[0] ?? '';
  if (blocks.length === 0) return separators.length === 1 ? leading : '';
  const trailing = separators.length > 1 ? separators[separators.length - 1]! : '';
  let out = leading;
  blocks.forEach((b, k) => {
    if (k > 0) out += between(blocks[k - 1]!, b, separators);
    out += emitBlock(b, dialect);
  });
  return out + trailing;
}
