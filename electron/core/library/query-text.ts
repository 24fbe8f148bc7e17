/**
 * What the user typed → an FTS5 query. Never passes their text through as FTS syntax (a stray `"`, `-`, `:`
 * or `NEAR` would be a syntax error or a different query): words are pulled out and each is quoted.
 * - Words must all match (AND), in any order; `"a quoted phrase"` must match as a phrase; a word written with
 *   inner punctuation ("webb-logg", "e-post") is a phrase of its parts, as the tokenizer splits it so.
 * - With `prefix`, the last word is a prefix ("sårb" finds "sårbarhet") unless the text ends with a space or
 *   a closing quote; a one-letter prefix is taken as a whole word (it would match half the vocabulary).
 * Text is NFC-normalised like the index, so a decomposed "å" (macOS file names) is still "å".
 */

/** FTS5 unicode61's token characters: its default categories "L* N* Co". */
export const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

export interface QueryTerm {
  /** Lower-cased tokens of a word or phrase. */
  readonly tokens: string[];
  /** The last token matches as a prefix. */
  readonly prefix: boolean;
}

export interface ParsedQuery {
  readonly match: string;
  readonly terms: QueryTerm[];
}

export function parseQuery(text: string, prefix: boolean): ParsedQuery | null {
  const input = text.normalize('NFC');
  const parts: { tokens: string[]; quoted: boolean }[] = [];
  for (const found of input.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const quoted = found[0].startsWith('"');
    const tokens = (quoted ? (found[1] ?? '') : found[0]).match(TOKEN) ?? [];
    if (tokens.length > 0) parts.push({ tokens: tokens.map((t) => t.toLowerCase()), quoted });
  }
  if (parts.length === 0) return null;
  const open = prefix && !/[\s"]$/u.test(input);
  const terms = parts.map((part, index) => ({
    tokens: part.tokens,
    prefix: open && index === parts.length - 1 && !part.quoted && part.tokens[part.tokens.length - 1]!.length >= 2,
  }));
  return { match: terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? '*' : ''}`).join(' '), terms };
}

export function toFtsQuery(text: string, prefix: boolean): string | null {
  return parseQuery(text, prefix)?.match ?? null;
}
