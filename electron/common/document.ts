// The dialect-neutral block model of a WordPress post's `content.raw`: plain data shared by core (which
// parses and serialises it, electron/core/fidelity) and the renderer (which edits it; it may only import
// types from here). Types only, so every layer can see it.
//
// Invariant (checked by tests for every input string):
//   separators[0] + blocks[0].source + separators[1] + … + blocks[n-1].source + separators[n] === raw
// so `separators.length === blocks.length + 1` always. A block's `source` never starts or ends with
// ASCII whitespace; all whitespace between blocks lives in the separators (it may be '' when two
// blocks touch, e.g. `Ingress<!--more-->`).
//
// Inline HTML (`html`, `caption`, list item `html`, quote paragraphs) is kept as the exact string of
// the source: entities stay encoded, tags stay as written. The editor maps it to its own nodes.

export type Dialect = 'classic' | 'blocks';

export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'list'
  | 'quote'
  | 'image'
  | 'embed'
  | 'more'
  | 'separator'
  | 'opaque';

/** Fields every block carries. */
export interface BlockBase {
  /** Exact original text of the block; '' for a block created in the editor. */
  source: string;
  /** Position in `ParsedPost.blocks`; undefined for new blocks. Used to re-emit the right separators. */
  index?: number;
  /** Set by the caller when the block was edited: it is then serialised fresh instead of emitting `source`. */
  changed?: boolean;
  /** Block dialect: the block's name, e.g. 'core/paragraph' (as the delimiter names it, with 'core/' added). */
  blockName?: string;
  /** Block dialect: the delimiter's JSON attributes. Kept so a fresh serialisation keeps what we do not model. */
  attrs?: Record<string, unknown>;
  /** Attribute text of the wrapping element's start tag, e.g. ` class="has-text-align-center"`; re-emitted as is. */
  tagAttrs?: string;
}

export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  /** Inline HTML. Classic: the paragraph text itself (single newlines are line breaks). */
  html: string;
}

export interface HeadingBlock extends BlockBase {
  kind: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  html: string;
}

export interface ListItem {
  html: string;
  /** A list nested in this item (it follows the item's own text). */
  children?: ListModel;
}

export interface ListModel {
  ordered: boolean;
  items: ListItem[];
}

export interface ListBlock extends BlockBase, ListModel {
  kind: 'list';
}

/** A block inside a quote: a paragraph, a heading or a list (WordPress' quote block may hold any of them). */
export type QuoteChild =
  | { kind: 'paragraph'; html: string }
  | { kind: 'heading'; level: HeadingBlock['level']; html: string }
  | ({ kind: 'list' } & ListModel);

export interface QuoteBlock extends BlockBase {
  kind: 'quote';
  /** Inline HTML of each paragraph of a quote of paragraphs only; empty when `children` is set. */
  paragraphs: string[];
  /**
   * Only when the quote holds a heading or a list: every block of the quote in order, paragraphs included
   * (one field holds the content, never both). A quote of paragraphs alone never has it.
   */
  children?: QuoteChild[];
  /** Inline HTML of the `<cite>` attribution, if any. */
  citation?: string;
  /**
   * Where each block of the quote came from, index for index with `children` (or `paragraphs`): so a quote
   * rewritten after an edit keeps its other inner blocks as they were. Only for quotes read from inner
   * blocks or elements; absent on new quotes.
   */
  childOrigins?: QuoteChildOrigin[];
}

/**
 * One inner block of a quote as it was read. `source` is written verbatim while the block's fields still read
 * from it (core checks), else the block is written fresh with `attrs` and `tagAttrs`. The whitespace fields
 * are reused where the block still stands in the same place (first, after another block, last).
 */
export interface QuoteChildOrigin {
  /** The exact original text: the inner block with its delimiters (block dialect) or its element (classic). */
  source?: string;
  /** Block dialect: the inner block's delimiter attributes. */
  attrs?: Record<string, unknown>;
  /** The element's attributes as written, e.g. ` class="wp-block-heading"`. */
  tagAttrs?: string;
  /** Whitespace between the opening `<blockquote>` and this block, when it was the first. */
  leading?: string;
  /** Whitespace between the previous block and this one. */
  before?: string;
  /** Whitespace between this block and the `<cite>` or `</blockquote>`, when it was the last. */
  trailing?: string;
  /** On the last block of a quote with an attribution: the `<cite>` element as written (kept while it reads the same)… */
  cite?: string;
  /** …and the whitespace between the `</cite>` and `</blockquote>`. */
  closing?: string;
}

export type ImageAlign = 'left' | 'center' | 'right' | 'none' | 'wide' | 'full';

export interface ImageBlock extends BlockBase {
  kind: 'image';
  src: string;
  /** Decoded text (entities resolved). */
  alt: string;
  /** Inline HTML of the caption ([caption] text or <figcaption>). */
  caption?: string;
  align?: ImageAlign;
  width?: number;
  height?: number;
  /** The attachment id from `wp-image-N` / `attachment_N` / the block's `id` attribute. */
  wpImageId?: number;
  /** `size-large` → 'large'. */
  sizeSlug?: string;
  /** href of an `<a>` wrapping the image. */
  linkHref?: string;
  /** Other attributes of the `<img>` (title, srcset, …) in source order, re-emitted on a fresh serialisation. */
  imgExtra?: Array<[name: string, value: string]>;
  /** Classes of the `<img>` we do not model (not align*, size-*, wp-image-*). */
  imgClassExtra?: string[];
}

export interface EmbedBlock extends BlockBase {
  kind: 'embed';
  /** The URL WordPress resolves through oEmbed, e.g. https://www.youtube.com/watch?v=… */
  url: string;
  /** Provider slug: 'youtube', 'vimeo', … or undefined if unknown. */
  provider?: string;
  /** Inline HTML of a block embed's <figcaption>. */
  caption?: string;
}

export interface MoreBlock extends BlockBase {
  kind: 'more';
  /** Custom link text: `<!--more Läs vidare-->`. */
  customText?: string;
  noTeaser?: boolean;
}

export interface SeparatorBlock extends BlockBase {
  kind: 'separator';
}

export interface OpaqueBlock extends BlockBase {
  kind: 'opaque';
  /** What it is, for display: 'core/gallery', '[gallery]', '<table>', 'freeform', 'html'. */
  label: string;
}

export type SourceBlock =
  | ParagraphBlock
  | HeadingBlock
  | ListBlock
  | QuoteBlock
  | ImageBlock
  | EmbedBlock
  | MoreBlock
  | SeparatorBlock
  | OpaqueBlock;

export interface ParsedPost {
  dialect: Dialect;
  blocks: SourceBlock[];
  /** Exact text between blocks, including the leading ([0]) and trailing ([n]) text. */
  separators: string[];
}

/** A parse as core hands it to the editor: `base` names it, so drafts built on it can refer to its blocks. */
export interface ParsedDocument extends ParsedPost {
  /** Content-derived name of this parse, kept by core while the document is open (see DocumentDraft). */
  base: string;
}

/** A block the editor did not change, by its index in the base parse: core takes its source from there. */
export interface KeptBlock {
  kind: 'kept';
  index: number;
}

export type DraftBlock = SourceBlock | KeptBlock;

/**
 * What the editor sends back to be written: the blocks as they are now, in the dialect of the parse their
 * `index` values refer to. Changed and new blocks carry their fields and `changed: true`. Unchanged blocks
 * are sent either in full — `{ kind: 'opaque', label: 'unchanged', source, index, changed: false }`, with
 * `separators` — or, when core still holds the base parse named by `base`, as KeptBlocks without sources
 * and without separators: an autosave of a long post then carries only what was edited. If core no longer
 * holds the base (it restarted), it refuses with `not-found` and the editor sends the draft in full.
 */
export interface DocumentDraft {
  dialect: Dialect;
  base?: string;
  /** The base parse's separators (ParsedPost.separators); may be left out with a `base` core holds. */
  separators?: string[];
  blocks: DraftBlock[];
}

/**
 * Images the editor inserts from disk live in the local media store until sync uploads them; their `src`
 * is this prefix followed by the media id (sync rewrites it to the blog's URL on upload).
 */
export type LocalMediaSrc = `longhand://media/${string}`;
