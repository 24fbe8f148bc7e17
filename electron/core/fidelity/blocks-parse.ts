// Block-dialect delimiters (`<!-- wp:name {"attrs"} -->…<!-- /wp:name -->`, `<!-- wp:name /-->`),
// parsed by hand with the tokenizer of WordPress' own default block parser, keeping source offsets.
//
// Like WordPress' parser, a closer closes the innermost open block whatever its name. Unlike it,
// nothing here rewrites the text: a stray closer stays in the freeform text around it and an
// unclosed block runs to the end of its parent (and is later treated as opaque).

import { type Layout, type Span, WS, edgeWhitespace, layout } from './spans.ts';

// The same tokenizer as @wordpress/block-serialization-default-parser (the attrs part emulates a
// possessive match with a lookahead + back-reference so it cannot backtrack catastrophically).
const DELIMITER =
  /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*\/)?([a-z][a-z0-9_-]*)\s+({(?:(?=([^}]+|}+(?=})|(?!}\s+\/?-->)[^]))\5)*}\s+)?(\/)?-->/g;

export interface BlockNode {
  /** Full name, e.g. 'core/paragraph' or 'jetpack/slideshow'. */
  name: string;
  /** Parsed JSON attributes; {} if none; null if the JSON does not parse or is not an object. */
  attrs: Record<string, unknown> | null;
  /** The whole block, delimiters included. */
  start: number;
  end: number;
  /** Between the opener and the closer (empty for void blocks). */
  innerStart: number;
  innerEnd: number;
  void: boolean;
  closed: boolean;
  children: BlockNode[];
}

/** True if the text contains a block delimiter (WordPress' has_blocks() looks for '<!-- wp:'). */
export function hasBlockDelimiters(raw: string): boolean {
  DELIMITER.lastIndex = 0;
  return DELIMITER.test(raw);
}

function parseAttrs(json: string | undefined): Record<string, unknown> | null {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Parse the block tree of s[from, to): the top-level nodes, each with its inner blocks. */
export function parseBlockTree(s: string, from = 0, to = s.length): BlockNode[] {
  const top: BlockNode[] = [];
  const stack: BlockNode[] = [];
  const attach = (n: BlockNode): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(n);
    else top.push(n);
  };
  DELIMITER.lastIndex = from;
  for (let m = DELIMITER.exec(s); m && m.index + m[0].length <= to; m = DELIMITER.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    const name = (m[2] ?? 'core/') + m[3]!;
    if (m[1]) {
      const open = stack.pop();
      if (!open) continue; // stray closer: it stays part of the freeform text around it
      open.end = end;
      open.innerEnd = start;
      open.closed = true;
      attach(open);
      continue;
    }
    const node: BlockNode = {
      name, attrs: parseAttrs(m[4]?.trimEnd()), start, end, innerStart: end, innerEnd: end,
      void: Boolean(m[6]), closed: Boolean(m[6]), children: [],
    };
    if (node.void) attach(node);
    else stack.push(node);
  }
  // Unclosed blocks run to the end; they are attached innermost first so each lands in its parent.
  // Their trailing whitespace is left outside, so a block's source never ends in whitespace.
  let end = to;
  while (end > from && WS.test(s[end - 1]!)) end--;
  while (stack.length) {
    const open = stack.pop()!;
    open.end = Math.max(end, open.innerStart);
    open.innerEnd = open.end;
    attach(open);
  }
  return top;
}

export interface BlockLayout extends Layout {
  /** For each block span: its node, or undefined for freeform HTML between blocks. */
  nodes: Array<BlockNode | undefined>;
}

/** Lay out a block post: top-level blocks and non-blank freeform runs are blocks; blank gaps are separators. */
export function splitBlocks(raw: string): BlockLayout {
  const tree = parseBlockTree(raw);
  const cuts: Span[] = [];
  let pos = 0;
  const gap = (a: number, b: number): void => {
    let allWs = true;
    for (let i = a; i < b && allWs; i++) allWs = WS.test(raw[i]!);
    if (allWs) cuts.push({ start: a, end: b });
    else cuts.push(...edgeWhitespace(raw, a, b));
  };
  for (const n of tree) {
    gap(pos, n.start);
    pos = n.end;
  }
  gap(pos, raw.length);
  const out = layout(raw.length, cuts);
  const byStart = new Map(tree.map((n) => [n.start, n]));
  const nodes = out.blocks.map((b) => {
    const n = byStart.get(b.start);
    return n && n.end === b.end ? n : undefined;
  });
  return { ...out, nodes };
}

/** The inner HTML of a block with its inner blocks cut out: the text pieces between them. */
export function innerPieces(s: string, node: BlockNode): string[] {
  const out: string[] = [];
  let pos = node.innerStart;
  for (const c of node.children) {
    out.push(s.slice(pos, c.start));
    pos = c.end;
  }
  out.push(s.slice(pos, node.innerEnd));
  return out;
}
