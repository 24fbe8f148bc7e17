import type { DatabaseSync } from 'node:sqlite';
import type { SearchHit, TextSpan } from '../../common/api/library.ts';
import { stmt } from '../storage/statements.ts';
import { ENTRY_COLUMNS, type EntryRow, toEntry } from './filters.ts';
import { highlightAll, opening, snippet } from './highlight.ts';
import type { QueryTerm } from './query-text.ts';

/**
 * A page of search hits in full: the list entry, the title highlighted, and a snippet of the best-matching text
 * (body, else excerpt, else tags; the start of the body when only the title matched). Two small reads by key
 * for the page's rows only; the text comes from post_fts, where it is already plain.
 */
export function renderHits(db: DatabaseSync, page: { pk: number; score: number }[], terms: QueryTerm[], accentInsensitive: boolean): SearchHit[] {
  if (page.length === 0) return [];
  const pks = JSON.stringify(page.map((r) => r.pk));
  const entries = new Map<number, EntryRow>();
  for (const row of stmt(db, `SELECT ${ENTRY_COLUMNS} FROM posts p WHERE p.pk IN (SELECT value FROM json_each(?))`).all(pks) as unknown as EntryRow[]) {
    entries.set(row.pk, row);
  }
  const texts = new Map<number, { body: string; excerpt: string; tags: string }>();
  const textRows = stmt(db, 'SELECT rowid AS pk, body, excerpt, tags FROM post_fts WHERE rowid IN (SELECT value FROM json_each(?))').all(pks) as {
    pk: number;
    body: string;
    excerpt: string;
    tags: string;
  }[];
  for (const row of textRows) texts.set(row.pk, row);
  return page.map((row) => {
    const entry = entries.get(row.pk)!;
    const text = texts.get(row.pk) ?? { body: '', excerpt: '', tags: '' };
    const best: TextSpan[] =
      snippet(text.body, terms, accentInsensitive) ??
      snippet(text.excerpt, terms, accentInsensitive) ??
      snippet(text.tags, terms, accentInsensitive) ??
      opening(text.body);
    return { post: toEntry(entry), title: highlightAll(entry.title, terms, accentInsensitive), snippet: best, score: row.score };
  });
}
