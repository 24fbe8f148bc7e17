// The block model lives in electron/common/document.ts (types only, so the renderer can import it as
// types); core re-exports it here so fidelity code keeps importing './model.ts'.

import type { QuoteBlock, QuoteChild } from '../../common/document.ts';

export type {
  BlockBase, BlockKind, Dialect, DocumentDraft, DraftBlock, EmbedBlock, KeptBlock, HeadingBlock, ImageAlign, ImageBlock, ListBlock, ListItem,
  ListModel, MoreBlock, OpaqueBlock, ParagraphBlock, ParsedDocument, ParsedPost, QuoteBlock, QuoteChild, QuoteChildOrigin, SeparatorBlock, SourceBlock,
} from '../../common/document.ts';

/** The separator put around blocks that have no original neighbour (both dialects). */
export const NORMAL_SEPARATOR = '\n\n';

/**
 * A quote's fields from its blocks, in the shape core parses and the renderer writes: `children` only when
 * one is a heading or a list, else the simple shape of paragraphs.
 */
export function quoteShape(children: QuoteChild[]): Pick<QuoteBlock, 'paragraphs' | 'children'> {
  const paragraphs = children.flatMap((c) => (c.kind === 'paragraph' ? [c.html] : []));
  return paragraphs.length === children.length ? { paragraphs } : { paragraphs: [], children };
}

/** A quote's blocks whichever shape holds them (the inverse of quoteShape). */
export function quoteChildren(b: Pick<QuoteBlock, 'paragraphs' | 'children'>): QuoteChild[] {
  return b.children ?? b.paragraphs.map((html) => ({ kind: 'paragraph', html }));
}
