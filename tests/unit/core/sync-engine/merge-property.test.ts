// Random edits on both sides, many times: a clean merge keeps every edit of both sides; otherwise it is a
// conflict — never a silent loss. (The same property runs against the real WordPress in
// tests/integration/sync/interleave.test.ts.)
import { describe, expect, test } from 'vitest';
import { mergeFields } from '../../../../electron/core/sync/engine/merge.ts';
import type { RemoteFields } from '../../../../electron/core/sync/engine/fields.ts';
import { seededRandom } from '../../../integration/support/fault-proxy.ts';

const WORDS = ['sjön', 'budget', 'rådslag', 'medarbetare', 'kommunen', 'hösten', 'översyn', 'ledarskap', 'lön', 'tillit'];

type Edit = { kind: 'change' | 'insert' | 'delete'; at: number; text: string };

function randomEdits(random: () => number, size: number, tag: string): Edit[] {
  const edits: Edit[] = [];
  const used = new Set<number>();
  for (let n = Math.floor(random() * 3); n >= 0; n--) {
    const at = Math.floor(random() * size);
    if (used.has(at)) continue;
    used.add(at);
    const r = random();
    const text = `${tag}-${WORDS[Math.floor(random() * WORDS.length)]}-${at}`;
    edits.push({ kind: r < 0.6 ? 'change' : r < 0.85 ? 'insert' : 'delete', at, text });
  }
  return edits;
}

function apply(paragraphs: readonly string[], edits: readonly Edit[]): string[] {
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    const e = edits.find((x) => x.at === i);
    if (!e) out.push(p);
    else if (e.kind === 'change') out.push(`${p} ${e.text}`);
    else if (e.kind === 'insert') out.push(e.text, p);
  });
  return out;
}

const html = (ps: readonly string[]) => ps.map((p) => `<p>${p}</p>`).join('\n\n');
const fields = (content: string): RemoteFields => ({
  title: 'T', content, excerpt: '', slug: '', status: 'draft', dateGmt: null, categories: [], tags: [], featuredMedia: null,
  commentStatus: 'open', sticky: false, format: 'standard',
});

describe('three-way merge, randomised', () => {
  test('2,000 random pairs of edits: every edit survives a clean merge', () => {
    const random = seededRandom(5);
    let clean = 0;
    let conflicts = 0;
    const lost: string[] = [];
    const unfounded: number[] = [];
    for (let round = 0; round < 2_000; round++) {
      const size = 2 + Math.floor(random() * 8);
      const base = Array.from({ length: size }, (_, i) => `Stycke ${i} om ${WORDS[i % WORDS.length]}.`);
      const mineEdits = randomEdits(random, size, 'mitt');
      const theirEdits = randomEdits(random, size, 'deras');
      const result = mergeFields(fields(html(base)), fields(html(apply(base, mineEdits))), fields(html(apply(base, theirEdits))));
      if (result.merged === null) {
        conflicts++;
        // A conflict must really be one: both sides touched a common paragraph or inserted at one spot.
        const touched = (e: readonly Edit[]) => new Set(e.map((x) => x.at));
        const mine = touched(mineEdits);
        if (![...touched(theirEdits)].some((at) => mine.has(at) || mine.has(at - 1) || mine.has(at + 1))) unfounded.push(round);
        continue;
      }
      clean++;
      const text = result.merged.content;
      for (const e of [...mineEdits, ...theirEdits]) {
        const other = mineEdits.includes(e) ? theirEdits : mineEdits;
        if (e.kind !== 'delete' && !text.includes(e.text)) lost.push(`round ${round}: ${e.text}`);
        if (e.kind === 'delete' && !other.some((x) => x.at === e.at) && text.includes(`<p>${base[e.at]}</p>`)) lost.push(`round ${round}: deletion of ${e.at}`);
      }
    }
    expect(lost).toEqual([]);
    expect(unfounded).toEqual([]);
    expect(clean).toBeGreaterThan(500);
    expect(conflicts).toBeGreaterThan(50);
  });
});
