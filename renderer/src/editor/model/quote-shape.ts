import type { QuoteBlock, QuoteChild } from '../../../../electron/common/document.ts';

// The renderer's copy of core's quoteShape/quoteChildren (electron/core/fidelity/model.ts): the renderer may
// only import types from electron/common, so the two shapes of a quote are mapped here once for the editor.

/** A quote's fields from its blocks: `children` only when one is a heading or a list, else paragraphs. */
export function quoteShape(children: QuoteChild[]): Pick<QuoteBlock, 'paragraphs' | 'children'> {
  const paragraphs = children.flatMap((c) => (c.kind === 'paragraph' ? [c.html] : []));
  return paragraphs.length === children.length ? { paragraphs } : { paragraphs: [], children };
}

/** A quote's blocks whichever shape holds them (the inverse of quoteShape). */
export function quoteChildren(b: Pick<QuoteBlock, 'paragraphs' | 'children'>): QuoteChild[] {
  return b.children ?? b.paragraphs.map((html) => ({ kind: 'paragraph', html }));
}
