// Fidelity core: source-preserving conversion of WordPress post content (classic and block dialects).
//
//   const post = parsePost(raw);                           // joinSource(post) === raw, always
//   const fps = post.blocks.map(fingerprint);              // what each block was, by index
//   …the editor edits fields of blocks (keeping `index`), adds new ones ({ kind, source: '', … }), removes some…
//   const out = markChanged(edited, fps);                  // or set `changed` itself
//   serializePost(out, post.separators, post.dialect)      // === raw if nothing changed

export type {
  BlockBase, BlockKind, Dialect, DocumentDraft, EmbedBlock, HeadingBlock, ImageAlign, ImageBlock, ListBlock, ListItem, ListModel,
  MoreBlock, OpaqueBlock, ParagraphBlock, ParsedPost, QuoteBlock, SeparatorBlock, SourceBlock,
} from './model.ts';
export { NORMAL_SEPARATOR } from './model.ts';
export { detectDialect, dialectForNewPost, joinSource, parsePost } from './parse.ts';
export { emitBlock, serializeBlock, serializePost } from './serialize.ts';
export { canonicalJson, fingerprint, semanticView } from './fingerprint.ts';
export { decodeWpSlug, MAX_SLUG_LENGTH, slugify } from './slug.ts';
export { decodeEntities, escapeAttr, escapeHtml, textContent } from './inline.ts';
export { embedProvider } from './embed.ts';

import { fingerprint } from './fingerprint.ts';
import type { SourceBlock } from './model.ts';

/**
 * Copies of the blocks with `changed` set: false where the fingerprint still equals the one recorded
 * at parse time (`original[index]`), true for edited blocks and for blocks without an index (new).
 */
export function markChanged(blocks: readonly SourceBlock[], original: readonly string[]): SourceBlock[] {
  return blocks.map((b) => {
    const fp = b.index === undefined ? undefined : original[b.index];
    return fp !== undefined && fp === fingerprint(b) ? { ...b, changed: false } : { ...b, changed: true };
  });
}
