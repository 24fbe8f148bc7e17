// Slugs the way a Swedish writer expects them, and WordPress' stored slugs made readable.

import { decodeEntities } from './inline.ts';

/** Letters NFKD does not take apart into a base letter plus marks (or that Swedes spell out). */
const SPECIAL: Record<string, string> = {
  æ: 'ae', ø: 'o', ß: 'ss', œ: 'oe', þ: 'th', ð: 'd', đ: 'd', ł: 'l', ı: 'i', ŋ: 'n', ħ: 'h', ĸ: 'k',
};

/** Characters that are part of a word (dropped, not turned into a dash): apostrophes and accents. */
const WORD_MARKS = /['’‘´`ʼ]/g;

/** Separators: whitespace, dashes of every kind, dots and slashes (WordPress turns dots into dashes too). */
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u2010-\u2015\u2212\-._/\\|:;,+=~]+/gu;

export const MAX_SLUG_LENGTH = 200;

/**
 * "Nära mig – vecka 17" → "nara-mig-vecka-17". Lowercase ASCII letters, digits and single dashes; å ä ö
 * lose their rings and dots, other Latin letters are transliterated, emoji, punctuation and
 * non-Latin letters are dropped. Entities in the title are decoded first. '' if nothing remains.
 */
export function slugify(title: string): string {
  let s = decodeEntities(title).toLowerCase().replace(WORD_MARKS, '');
  s = s.replace(/[æøßœþðđłıŋħĸ]/g, (c) => SPECIAL[c] ?? '');
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  s = s.replace(SEPARATORS, ' ');
  s = s.replace(/[^a-z0-9 ]/g, '');
  s = s.trim().replace(/ +/g, '-');
  if (s.length > MAX_SLUG_LENGTH) s = s.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  return s;
}

/**
 * WordPress stores non-ASCII slugs percent-encoded in lowercase ("n%c3%a4ra-mig"). Decode every valid
 * UTF-8 sequence; leave anything that does not decode as it is.
 */
export function decodeWpSlug(slug: string): string {
  return slug.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // A run mixing valid and broken sequences: decode it one sequence at a time.
      return run.replace(/%[cdefCDEF][0-9a-fA-F](?:%[89abAB][0-9a-fA-F]){1,3}|%[0-7][0-9a-fA-F]/g, (seq) => {
        try {
          return decodeURIComponent(seq);
        } catch {
          return seq;
        }
      });
    }
  });
}
