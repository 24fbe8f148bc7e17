// The design note's promise: after one block is edited, only that block's span of the output differs.

import { describe, expect, test } from 'vitest';
import {
  type SourceBlock, fingerprint, parsePost, serializeBlock, serializePost,
} from '../../../../electron/core/fidelity/index.ts';
import { editBlock, loadFixtures } from './fixtures.ts';

describe.each(loadFixtures())('$name', ({ raw }) => {
  const post = parsePost(raw);

  test.each(post.blocks.map((b, i) => ({ i, kind: b.kind })))('editing block $i ($kind) changes only its span', ({ i }) => {
    const original = post.blocks[i]!;
    const edited = editBlock(original);
    const blocks: SourceBlock[] = post.blocks.map((b, k) => (k === i ? edited : b));
    const out = serializePost(blocks, post.separators, post.dialect);

    // Everything before and after block i is byte-identical to the raw content.
    let start = post.separators[0]!.length;
    for (let k = 0; k < i; k++) start += post.blocks[k]!.source.length + post.separators[k + 1]!.length;
    const end = start + original.source.length;
    const suffix = raw.slice(end);
    expect(out.slice(0, start)).toBe(raw.slice(0, start));
    expect(out.slice(out.length - suffix.length)).toBe(suffix);
    const span = out.slice(start, out.length - suffix.length);
    // (Opaque blocks serialise to their source, so for them the output is the raw content.)
    expect(span).toBe(serializeBlock(edited, post.dialect));

    // And the edited block reads back as what the editor wrote.
    const again = parsePost(out);
    expect(again.blocks.length).toBe(post.blocks.length);
    expect(fingerprint(again.blocks[i]!)).toBe(fingerprint(edited));
  });
});
