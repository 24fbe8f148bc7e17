import { createState } from 'lexical';
import type { QuoteChild, QuoteChildOrigin } from '../../../../electron/common/document.ts';

/**
 * Where a top-level node came from: the block of the opened post it was built from. Kept in NodeState so it
 * travels with the node through undo/redo and copy/paste without subclassing Lexical's built-in nodes.
 *
 * `fingerprint` is the hash of the node's projection (model/to-blocks.ts, fingerprint mode) as first built;
 * while the node still projects to it, saving sends `source` unchanged. Why the projection rather than the
 * node's exported Lexical JSON (the design note's suggestion): that JSON also holds what moves without an
 * edit — text direction, a list item's or paragraph's text format (Lexical's list transforms set it from the
 * caret), how text is split into nodes, the autolinker's links on load — and any of those would make an
 * untouched block count as changed. The projection holds exactly what would be written.
 */
export interface BlockOrigin {
  readonly source: string;
  readonly index: number;
  readonly fingerprint: string;
  /** Fields of the original block the editor neither shows nor edits; re-emitted on a fresh serialisation. */
  readonly keep?: BlockKeep;
}

export interface BlockKeep {
  readonly blockName?: string;
  readonly attrs?: Record<string, unknown>;
  readonly tagAttrs?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Origins also arrive from the clipboard (Lexical JSON another page may have written): check the shape. */
function parseOrigin(v: unknown): BlockOrigin | null {
  if (!isRecord(v)) return null;
  const { source, index, fingerprint, keep } = v;
  if (typeof source !== 'string' || typeof fingerprint !== 'string' || typeof index !== 'number' || !Number.isInteger(index) || index < 0) return null;
  if (keep === undefined) return { source, index, fingerprint };
  if (!isRecord(keep)) return null;
  const out: { blockName?: string; attrs?: Record<string, unknown>; tagAttrs?: string } = {};
  if (typeof keep['blockName'] === 'string') out.blockName = keep['blockName'];
  if (isRecord(keep['attrs'])) out.attrs = keep['attrs'];
  if (typeof keep['tagAttrs'] === 'string') out.tagAttrs = keep['tagAttrs'];
  return { source, index, fingerprint, keep: out };
}

export const originState = createState('lhOrigin', { parse: parseOrigin });

/**
 * The origin of a list block, also kept on the list's first item: when two lists of the same kind are
 * next to each other Lexical merges them into one ListNode, and the items then say where each block began.
 */
export const listOriginState = createState('lhListOrigin', { parse: parseOrigin });

/**
 * Where a block inside a quote came from (QuoteBlock.childOrigins), kept on the quote's child node: the block
 * as read, the fingerprint of the child's projection as first built, and its origin. While the child still
 * projects to that fingerprint a rewritten quote carries the block as read (core then writes its source);
 * otherwise the new fields, with the origin's markup. Core checks a source against its block either way.
 */
export interface QuoteChildState {
  readonly fingerprint: string;
  readonly child: QuoteChild;
  readonly origin: QuoteChildOrigin;
}

/** A quote child's shape, as far as a save depends on it (core's contract checks every field again). */
function isQuoteChild(c: Record<string, unknown>): boolean {
  if (c['kind'] === 'paragraph') return typeof c['html'] === 'string';
  if (c['kind'] === 'heading') return typeof c['html'] === 'string' && [1, 2, 3, 4, 5, 6].includes(c['level'] as number);
  return c['kind'] === 'list' && typeof c['ordered'] === 'boolean' && Array.isArray(c['items']);
}

const ORIGIN_STRINGS = ['source', 'tagAttrs', 'leading', 'before', 'trailing', 'cite', 'closing'] as const;

/** Checked here because it may come from the clipboard (Lexical JSON another page may have written). */
function parseQuoteChildState(v: unknown): QuoteChildState | null {
  if (!isRecord(v) || typeof v['fingerprint'] !== 'string' || !isRecord(v['child']) || !isRecord(v['origin'])) return null;
  if (!isQuoteChild(v['child'])) return null;
  const raw = v['origin'];
  const origin: { -readonly [K in keyof QuoteChildOrigin]: QuoteChildOrigin[K] } = {};
  for (const k of ORIGIN_STRINGS) if (typeof raw[k] === 'string') origin[k] = raw[k];
  if (isRecord(raw['attrs'])) origin.attrs = raw['attrs'];
  return { fingerprint: v['fingerprint'], child: v['child'] as unknown as QuoteChild, origin };
}

export const quoteChildOriginState = createState('lhQuoteChildOrigin', { parse: parseQuoteChildState });
