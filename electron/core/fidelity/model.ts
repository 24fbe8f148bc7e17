// The block model lives in electron/common/document.ts (types only, so the renderer can import it as
// types); core re-exports it here so fidelity code keeps importing './model.ts'.

export type {
  BlockBase, BlockKind, Dialect, DocumentDraft, DraftBlock, EmbedBlock, KeptBlock, HeadingBlock, ImageAlign, ImageBlock, ListBlock, ListItem,
  ListModel, MoreBlock, OpaqueBlock, ParagraphBlock, ParsedDocument, ParsedPost, QuoteBlock, QuoteChild, QuoteChildOrigin, SeparatorBlock, SourceBlock,
} from '../../common/document.ts';

/** The separator put around blocks that have no original neighbour (both dialects). */
export const NORMAL_SEPARATOR = '\n\n';
