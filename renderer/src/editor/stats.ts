/**
 * Word and character counts and reading time, for the post and for a selection. Words are runs of
 * letters and digits, joined by apostrophes, hyphens, colons and dots inside them ("t.ex.", "EU:s",
 * "50–74" counts as two), so Swedish text counts the way a writer counts it.
 */
export interface TextStats {
  readonly words: number;
  /** Characters including spaces, excluding line breaks (what a word processor shows as "characters"). */
  readonly characters: number;
  /** Whole minutes at a reading pace of 200 words a minute; 0 for an empty text. */
  readonly minutes: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-:.][\p{L}\p{N}]+)*/gu;
export const WORDS_PER_MINUTE = 200;

export function textStats(text: string): TextStats {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) words++;
  let characters = 0;
  for (const ch of text) if (ch !== '\n' && ch !== '\r') characters++;
  return { words, characters, minutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

/** The stats of texts counted apart (a post's blocks), as one: words never span two of them. */
export function sumStats(parts: Iterable<TextStats>): TextStats {
  let words = 0;
  let characters = 0;
  for (const p of parts) {
    words += p.words;
    characters += p.characters;
  }
  return { words, characters, minutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}
