import { describe, expect, test } from 'vitest';
import { highlightAll, opening, snippet } from '../../../../electron/core/library/highlight.ts';
import { parseQuery } from '../../../../electron/core/library/query-text.ts';

const terms = (text: string, prefix = true) => parseQuery(text, prefix)!.terms;
const show = (spans: { text: string; match: boolean }[] | null) => spans?.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('highlights and snippets', () => {
  test('the query becomes quoted FTS terms, whatever was typed', () => {
    expect(parseQuery('Sårb', true)!.match).toBe('"sårb"*');
    expect(parseQuery('webb-logg "inre drivkrafter" lön ', true)!.match).toBe('"webb logg" "inre drivkrafter" "lön"');
    // Punctuation inside a word makes a phrase of its parts, as the tokenizer splits it so; no operator survives.
    expect(parseQuery('a NEAR(b) -c', true)!.match).toBe('"a" "near b" "c"');
    expect(parseQuery('x', true)!.match).toBe('"x"');
    expect(parseQuery('"" -- **', true)).toBeNull();
  });

  test('marks what the index matched: whole words, prefixes, phrases, case- and (optionally) accent-folded', () => {
    expect(show(highlightAll('Sårbarhet och sårbar – SÅRBARHETEN', terms('sårbarhet', false), false))).toBe('[Sårbarhet] och sårbar – SÅRBARHETEN');
    expect(show(highlightAll('Sårbarhet och sårbar – SÅRBARHETEN', terms('sårb'), false))).toBe('[Sårbarhet] och [sårbar] – [SÅRBARHETEN]');
    expect(show(highlightAll('Inre drivkrafter, inte yttre drivkrafter', terms('"inre drivkrafter"'), false))).toBe(
      '[Inre drivkrafter], inte yttre drivkrafter',
    );
    expect(show(highlightAll('En idé på ett café', terms('ide cafe', false), false))).toBe('En idé på ett café');
    expect(show(highlightAll('En idé på ett café', terms('ide cafe', false), true))).toBe('En [idé] på ett [café]');
    expect(show(highlightAll('far får', terms('far', false), false))).toBe('[far] får');
  });

  test('a snippet is a window around the best cluster of matches, with … where text was cut', () => {
    const words = Array.from({ length: 80 }, (_, i) => `ord${i}`);
    words[50] = 'budgeten';
    words[53] = 'kommunen';
    words[10] = 'budgeten';
    const text = `${words.join(' ')}.`;
    const spans = snippet(text, terms('budgeten kommunen', false), false, 12)!;
    expect(show(spans)).toBe('…ord46 ord47 ord48 ord49 [budgeten] ord51 ord52 [kommunen] ord54 ord55 ord56 ord57…');
    expect(snippet('inget här', terms('budget', false), false)).toBeNull();
    expect(show(snippet('Kort text om budgeten.', terms('budgeten', false), false))).toBe('Kort text om [budgeten].');
    expect(show(opening(text, 3))).toBe('ord0 ord1 ord2…');
  });
});
