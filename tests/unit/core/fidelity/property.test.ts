// Property: for ANY input string, the parse tiles it exactly (join of separators and sources === input),
// blocks are non-empty and trimmed, and an unedited serialisation returns the input.
// Inputs come from a seeded PRNG: random characters biased towards markup, and random mixtures of
// fixture fragments (so tags, shortcodes and delimiters get cut and recombined in odd places).

import { expect, test } from 'vitest';
import { joinSource, parsePost, serializePost } from '../../../../electron/core/fidelity/index.ts';
import { editBlock, loadFixtures, prng } from './fixtures.ts';

const ALPHABET = [
  '<', '>', '/', '!', '-', '[', ']', '"', "'", '=', '{', '}', ' ', ' ', '\t', '\n', '\n', '\r\n', 'a', 'p', 'ul',
  'li', 'wp:', '<!--', '-->', '<!-- wp:paragraph -->', '<!-- /wp:paragraph -->', '<!-- wp:more /-->', '<p>',
  '</p>', '<ul>', '</ul>', '<li>', '[caption]', '[/caption]', '<pre>', '</pre>', '<!--more-->', 'å', 'ä', 'ö', '”',
  '–', '🙂', '\u00a0', 'https://youtu.be/abcdefghijk', '&amp;', '&', '\n\n', '<blockquote>', '</blockquote>',
  '<h2>', '</h2>', '<img src="x.jpg" alt="">', '{"level":3}', '\\', '\u0000',
];

function randomString(rand: () => number): string {
  const n = Math.floor(rand() * 120);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += rand() < 0.85 ? ALPHABET[Math.floor(rand() * ALPHABET.length)] : String.fromCharCode(Math.floor(rand() * 0x3000));
  }
  return s;
}

function fragmentMix(rand: () => number, raws: string[]): string {
  const parts = 1 + Math.floor(rand() * 6);
  let s = '';
  for (let i = 0; i < parts; i++) {
    const r = raws[Math.floor(rand() * raws.length)]!;
    const a = Math.floor(rand() * r.length);
    const b = a + Math.floor(rand() * Math.min(600, r.length - a + 1));
    s += r.slice(a, b);
    if (rand() < 0.3) s += ['\n\n', '\r\n', '', ' ', '\n'][Math.floor(rand() * 5)];
  }
  return s;
}

/** What is wrong with the parse of `input`, or undefined if nothing is. */
function problem(input: string): string | undefined {
  const post = parsePost(input);
  if (post.separators.length !== post.blocks.length + 1) return 'separator count';
  if (joinSource(post) !== input) return 'joinSource';
  if (serializePost(post.blocks, post.separators, post.dialect) !== input) return 'serializePost';
  if (post.blocks.some((b) => b.source === '')) return 'empty block';
  if (post.blocks.some((b) => /^[ \t\r\n\f\v]|[ \t\r\n\f\v]$/.test(b.source))) return 'untrimmed block';
  if (post.separators.some((s) => !/^[ \t\r\n\f\v]*$/.test(s))) return 'non-blank separator';
  return undefined;
}

const failures = (inputs: string[]): Array<{ input: string; problem: string }> =>
  inputs.flatMap((input) => {
    const p = problem(input);
    return p === undefined ? [] : [{ input, problem: p }];
  });

test('join of parse === input, for random strings', () => {
  const rand = prng(20100925);
  const inputs = Array.from({ length: 3000 }, () => randomString(rand));
  expect(failures(inputs)).toEqual([]);
});

test('join of parse === input, for random mixtures of fixture fragments', () => {
  const raws = loadFixtures().map((f) => f.raw);
  const rand = prng(1717);
  const inputs = Array.from({ length: 1500 }, () => fragmentMix(rand, raws));
  expect(failures(inputs)).toEqual([]);
});

test('edge cases', () => {
  const inputs = ['', ' ', '\n', '\r\n\r\n', 'a', '<', '[', '<!--', '<!-- wp:', '<!-- wp:x -->', '<!-- /wp:x -->',
    '<!--more-->', 'a<!--more-->b', '<!--more--><!--more-->', '\n\n<p>\n\n', '[caption][/caption]', '\u00a0', '🙂',
    '<!-- wp:paragraph {"a": -->\n\n<!-- /wp:paragraph -->', '<pre>\n\n', '</pre>\n\n<pre>', '\r\r\r', '\v\f'];
  expect(failures(inputs)).toEqual([]);
});

test('editing a block of a random mixture changes only its span', () => {
  const raws = loadFixtures().map((f) => f.raw);
  const rand = prng(4711);
  const bad: string[] = [];
  for (let n = 0; n < 300; n++) {
    const input = fragmentMix(rand, raws);
    const post = parsePost(input);
    post.blocks.forEach((b, i) => {
      const out = serializePost(post.blocks.map((x, k) => (k === i ? editBlock(x) : x)), post.separators, post.dialect);
      const prefix = post.separators[0] + post.blocks.slice(0, i).map((x, k) => x.source + post.separators[k + 1]).join('');
      const suffix = post.separators[i + 1] + post.blocks.slice(i + 1).map((x, k) => x.source + post.separators[i + 2 + k]).join('');
      if (!out.startsWith(prefix) || !out.endsWith(suffix) || out.length < prefix.length + suffix.length) bad.push(input);
    });
  }
  expect(bad).toEqual([]);
});
