// Block-level three-way merge (electron/core/sync/engine/merge-blocks.ts) on our Swedish fixture posts.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { assembleChoices, mergeBlocks, toDoc } from '../../../../electron/core/sync/engine/merge-blocks.ts';

const CLASSIC = `Förra veckan lovade jag att skriva oftare.

<h2>Måndag</h2>
Vi började med delårsrapporten.

<h2>Onsdag</h2>
Runt hundra medarbetare kom till rådslaget.

Tack för i dag.`;

const BLOCKS = `<!-- wp:paragraph -->
<p>Första stycket om budgeten.</p>
<!-- /wp:paragraph -->

<!-- wp:list -->
<ul><li>Skola</li><li>Omsorg</li></ul>
<!-- /wp:list -->

<!-- wp:paragraph -->
<p>Sista stycket.</p>
<!-- /wp:paragraph -->`;

const edit = (text: string, from: string, to: string): string => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('mergeBlocks', () => {
  test('one side unchanged: the result is the other side, byte for byte', () => {
    const mine = edit(CLASSIC, 'oftare.', 'oftare – och nu gör jag det.');
    expect(mergeBlocks(CLASSIC, mine, CLASSIC).merged).toBe(mine);
    expect(mergeBlocks(CLASSIC, CLASSIC, mine).merged).toBe(mine);
    expect(mergeBlocks(CLASSIC, mine, mine).merged).toBe(mine);
  });

  test('edits of different blocks merge, also when the blocks are neighbours', () => {
    const mine = edit(CLASSIC, 'delårsrapporten.', 'delårsrapporten och budgeten.');
    const theirs = edit(CLASSIC, '<h2>Onsdag</h2>', '<h2>Onsdag eftermiddag</h2>');
    const result = mergeBlocks(CLASSIC, mine, theirs);
    expect(result.conflicts).toBe(0);
    expect(result.merged).toBe(edit(mine, '<h2>Onsdag</h2>', '<h2>Onsdag eftermiddag</h2>'));
    expect(result.blocks.map((b) => b.change)).toContain('mine');
    expect(result.blocks.map((b) => b.change)).toContain('theirs');
  });

  test('a run of edited blocks on one side and an edit of the block beside it on the other merge', () => {
    const theirs = edit(edit(CLASSIC, '<h2>Måndag</h2>', '<h2>Måndag förmiddag</h2>'), 'delårsrapporten.', 'delårsrapporten, sidan 4.');
    const mine = edit(CLASSIC, '<h2>Onsdag</h2>', '<h2>Onsdag kväll</h2>');
    expect(mergeBlocks(CLASSIC, mine, theirs).merged).toBe(edit(theirs, '<h2>Onsdag</h2>', '<h2>Onsdag kväll</h2>'));
  });

  test('an insertion on one side and an edit elsewhere on the other merge', () => {
    const mine = edit(BLOCKS, '<!-- wp:paragraph -->\n<p>Sista', '<!-- wp:paragraph -->\n<p>Ett nytt stycke.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Sista');
    const theirs = edit(BLOCKS, 'budgeten.', 'budgeten för 2011.');
    const result = mergeBlocks(BLOCKS, mine, theirs);
    expect(result.merged).toBe(edit(mine, 'budgeten.', 'budgeten för 2011.'));
  });

  test('a deletion on one side and an edit of another block on the other merge', () => {
    const mine = edit(CLASSIC, '\n\nTack för i dag.', '');
    const theirs = edit(CLASSIC, 'Måndag', 'Måndag morgon');
    expect(mergeBlocks(CLASSIC, mine, theirs).merged).toBe(edit(mine, 'Måndag', 'Måndag morgon'));
  });

  test('the same block changed on both sides is a conflict with all three versions', () => {
    const mine = edit(CLASSIC, 'Runt hundra', 'Nästan hundra');
    const theirs = edit(CLASSIC, 'Runt hundra', 'Över hundra');
    const result = mergeBlocks(CLASSIC, mine, theirs);
    expect(result.merged).toBeNull();
    expect(result.conflicts).toBe(1);
    const both = result.blocks.find((b) => b.change === 'both')!;
    expect(both).toMatchObject({ base: expect.stringContaining('Runt hundra'), mine: expect.stringContaining('Nästan'), theirs: expect.stringContaining('Över') });
  });

  test('the same change on both sides is no conflict', () => {
    const both = edit(CLASSIC, 'Tack för i dag.', 'Tack för i dag! 🙂');
    expect(mergeBlocks(CLASSIC, both, both).merged).toBe(both);
  });

  test('two insertions at the same place are a conflict (their order is unknowable)', () => {
    const mine = edit(CLASSIC, '\n\nTack för i dag.', '\n\nMitt tillägg.\n\nTack för i dag.');
    const theirs = edit(CLASSIC, '\n\nTack för i dag.', '\n\nDeras tillägg.\n\nTack för i dag.');
    expect(mergeBlocks(CLASSIC, mine, theirs).merged).toBeNull();
  });

  test('choices rebuild the text: all theirs of a conflict, mine elsewhere', () => {
    const mine = edit(edit(CLASSIC, 'Runt hundra', 'Nästan hundra'), 'oftare.', 'oftare!');
    const theirs = edit(CLASSIC, 'Runt hundra', 'Över hundra');
    const result = mergeBlocks(CLASSIC, mine, theirs);
    const choices = result.blocks.map((b) => (b.change === 'both' ? 'theirs' : b.change === 'theirs' ? 'theirs' : 'mine'));
    const text = assembleChoices(result.blocks, choices);
    expect(text).toContain('Över hundra');
    expect(text).toContain('oftare!');
    expect(text).not.toContain('Nästan');
    expect(() => assembleChoices(result.blocks, ['mine'])).toThrow(RangeError);
  });

  test('tokens tile the text exactly for every fixture post', () => {
    const root = fileURLToPath(new URL('../../../fixtures/posts/', import.meta.url));
    for (const dialect of ['classic', 'blocks']) {
      for (const file of readdirSync(root + dialect)) {
        const text = readFileSync(`${root}${dialect}/${file}`, 'utf8');
        const doc = toDoc(text);
        expect(doc.leading + doc.tokens.join('') + doc.trailing, file).toBe(text);
        expect(mergeBlocks(text, text, text).merged).toBe(text);
      }
    }
  });
});
