// serializePost with blocks inserted, removed, moved; and markChanged driven by fingerprints.

import { describe, expect, test } from 'vitest';
import {
  type SourceBlock, fingerprint, markChanged, parsePost, serializePost,
} from '../../../../electron/core/fidelity/index.ts';
import { editBlock, fixture } from './fixtures.ts';

const para = (html: string): SourceBlock => ({ kind: 'paragraph', source: '', html });

describe('classic', () => {
  const raw = 'Första stycket.\r\n\r\nAndra stycket.\n\n\nTredje <em>stycket</em>.\n';
  const post = parsePost(raw);

  test('splits into three paragraphs with the exact separators', () => {
    expect(post.blocks.map((b) => b.source)).toEqual(['Första stycket.', 'Andra stycket.', 'Tredje <em>stycket</em>.']);
    expect(post.separators).toEqual(['', '\r\n\r\n', '\n\n\n', '\n']);
  });

  test('a new block between two others gets the normal separator on both sides', () => {
    const [a, b, c] = post.blocks as [SourceBlock, SourceBlock, SourceBlock];
    expect(serializePost([a, para('Nytt – 🙂'), b, c], post.separators, 'classic')).toBe(
      'Första stycket.\n\nNytt – 🙂\n\nAndra stycket.\n\n\nTredje <em>stycket</em>.\n',
    );
  });

  test('a new block at the end keeps the trailing text after it', () => {
    expect(serializePost([...post.blocks, para('Sist.')], post.separators, 'classic')).toBe(
      'Första stycket.\r\n\r\nAndra stycket.\n\n\nTredje <em>stycket</em>.\n\nSist.\n',
    );
  });

  test('removing a block reuses a neighbouring paragraph break', () => {
    const [a, , c] = post.blocks as [SourceBlock, SourceBlock, SourceBlock];
    expect(serializePost([a, c], post.separators, 'classic')).toBe('Första stycket.\n\n\nTredje <em>stycket</em>.\n');
  });

  test('removing the block after an inline more tag does not glue text together', () => {
    const p = parsePost('Ingress.<!--more-->Resten.');
    expect(p.separators).toEqual(['', '', '', '']);
    expect(serializePost([p.blocks[0]!, p.blocks[2]!], p.separators, 'classic')).toBe('Ingress.\n\nResten.');
  });

  test('moving blocks: a pair out of order gets the normal separator, a pair in order a nearby break', () => {
    const [a, b, c] = post.blocks as [SourceBlock, SourceBlock, SourceBlock];
    expect(serializePost([b, a, c], post.separators, 'classic')).toBe(
      'Andra stycket.\n\nFörsta stycket.\n\n\nTredje <em>stycket</em>.\n',
    );
  });

  test('removing every block leaves an empty post; an empty post stays as it was', () => {
    expect(serializePost([], post.separators, 'classic')).toBe('');
    const empty = parsePost('\n\n');
    expect(empty.blocks).toEqual([]);
    expect(empty.separators).toEqual(['\n\n']);
    expect(serializePost([], empty.separators, 'classic')).toBe('\n\n');
    expect(serializePost([para('Hej')], empty.separators, 'classic')).toBe('\n\nHej');
  });
});

describe('blocks', () => {
  test('inserting a block in a block post writes proper delimiters between "\\n\\n" separators', () => {
    const post = parsePost(fixture('blocks/nara-vecka-22.html'));
    const out = serializePost([post.blocks[0]!, para('Ny rad'), ...post.blocks.slice(1)], post.separators, 'blocks');
    expect(out).toContain('</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Ny rad</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:more -->');
    expect(parsePost(out).blocks).toHaveLength(post.blocks.length + 1);
  });
});

describe('markChanged', () => {
  test('only blocks whose fingerprint moved are serialised fresh', () => {
    const raw = fixture('classic/nara-vecka-17.html');
    const post = parsePost(raw);
    const fps = post.blocks.map(fingerprint);
    // An editor rebuilds every block from its fields (losing nothing the model holds) and edits one.
    const rebuilt = post.blocks.map((b, i) => (i === 4 ? { ...editBlock(b), changed: undefined } : { ...b }));
    const marked = markChanged(rebuilt, fps);
    expect(marked.map((b) => b.changed)).toEqual(post.blocks.map((_, i) => i === 4));
    const out = serializePost(marked, post.separators, post.dialect);
    expect(out).toBe(raw.replace('önskar mig.', 'önskar mig. (redigerad)'));
  });
});
