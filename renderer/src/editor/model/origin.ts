import { createState } from 'lexical';

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
