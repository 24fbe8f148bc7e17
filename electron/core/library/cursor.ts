import { BlogError } from '../../common/errors.ts';

/**
 * Keyset cursors: the sort key of the last row of a page, so the next page starts right after it with an
 * index seek (no OFFSET: page 2,000 costs what page 1 costs). Opaque to callers — base64url of a small JSON
 * array, tagged with the list it belongs to so a cursor of one list is refused by another.
 */
export function encodeCursor(kind: string, key: readonly (number | string)[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

/** A cursor whose key is all numbers (dates, scores, pks). */
export function decodeCursor(cursor: string, kind: string): number[] {
  return decodeKey(cursor, kind, ['number']) as number[];
}

/** A cursor whose key is a text (a sort key) then a pk. */
export function decodeTextCursor(cursor: string, kind: string): [string, number] {
  return decodeKey(cursor, kind, ['string', 'number'], 2) as [string, number];
}

/** The key after the tag; `types[i]` (or the last type) is each part's type, `length` its exact length if given. */
function decodeKey(cursor: string, kind: string, types: readonly ('number' | 'string')[], length?: number): (number | string)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const key = Array.isArray(parsed) && parsed[0] === kind ? (parsed.slice(1) as unknown[]) : [];
  const valid =
    key.length >= 1 &&
    (length === undefined || key.length === length) &&
    key.every((part, i) => {
      const type = types[Math.min(i, types.length - 1)];
      return type === 'string' ? typeof part === 'string' : typeof part === 'number' && Number.isFinite(part);
    });
  if (!valid) throw new BlogError('invalid-argument', `Not a cursor of this list (${kind}); start again without one.`);
  return key as (number | string)[];
}
