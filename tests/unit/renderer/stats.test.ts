import { expect, test } from 'vitest';
import { sumStats, textStats } from '../../../renderer/src/editor/stats.ts';

test('words are counted the way a Swedish writer counts them', () => {
  expect(textStats('Det här är, t.ex., EU:s 50–74 bästa förslag – eller hur? 🙂').words).toBe(11);
  expect(textStats("Karin's ”citat” och självklart-bindestreck").words).toBe(4);
  expect(textStats('')).toEqual({ words: 0, characters: 0, minutes: 0 });
});

test('characters include spaces but not line breaks; reading time at 200 words a minute', () => {
  expect(textStats('ab cd\nef').characters).toBe(7);
  expect(textStats('ord '.repeat(10)).minutes).toBe(1);
  expect(textStats('ord '.repeat(1000)).minutes).toBe(5);
  expect(textStats('å '.repeat(20_000)).words).toBe(20_000);
});

test('counting blocks apart and summing gives the counts of the whole post (the editor counts per block)', () => {
  const blocks = ['Första stycket, t.ex. om EU:s budget.', 'Rubrik', 'ett\ntvå\ntre', '', 'Slut – 🙂 '.repeat(150)];
  expect(sumStats(blocks.map(textStats))).toEqual(textStats(blocks.join('\n\n')));
});
