import { BlogError } from '../../common/errors.ts';

/**
 * Keyset cursors: the sort key of the last row of a page, so the next page starts right after it with an
 * index seek (no OFFSET: page 2,000 costs what page 1 costs). Opaque to callers — base64url of a small JSON
 * array, tagged with the list it belongs to so a cursor of one list is refused by another.
 */
export function encodeCursor(kind: string, key: readonly number[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, kind: string): number[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== kind ||
    parsed.length < 2 ||
    !parsed.slice(1).every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    throw new BlogError('invalid-argument', `Not a cursor of this list (${kind}); start again without one.`);
  }
  return parsed.slice(1) as number[];
}
