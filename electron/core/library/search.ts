import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SearchPage, SearchQuery } from '../../common/api/library.ts';
import { BlogError } from '../../common/errors.ts';
import { LIMITS } from '../../common/models.ts';
import { transaction } from '../storage/database.ts';
import { stmt } from '../storage/statements.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { filterSql, resolveFilter } from './filters.ts';
import { type ParsedQuery, parseQuery } from './query-text.ts';
import { renderHits } from './search-hits.ts';
import { indexIsPending, indexPending } from './search-index.ts';

/**
 * Full-text search: bm25-ranked, filtered, keyset-paged, with highlighted title and snippet.
 *
 * The FTS-join trap: written as a plain join (`posts JOIN post_fts … WHERE MATCH … AND status = …`), SQLite may
 * drive the join from posts and run the full-text query once *per candidate post*. Here the MATCH always lives
 * in its own subquery, and the FTS table is pinned as the outer loop (CROSS JOIN), so the full-text query runs
 * exactly once; each hit is then checked against the filters by key in the narrow covering index posts_filter
 * (pk, status, blog_id, sort_date) — never by reading post rows, a page of body text each.
 *
 * Two shapes (tests/unit/core/library/search.test.ts checks both plans):
 * - ranked: FTS5 itself returns hits in rank order (`rank MATCH 'bm25(…)' ORDER BY rank`), so the filter
 *   check stops as soon as a page is full — for a word in every post this halves the time at 100,000 posts.
 * - exhaustive (fallback): hits MATERIALIZED in a CTE, filtered, sorted by (score, pk). Used only when more than
 *   TIE_SLACK posts share the score at the page's end, where only a full sort can order the ties by key.
 * The total is counted exactly up to TOTAL_CAP matches, and reported as "more than" beyond.
 */
export const DEFAULT_SEARCH_PAGE = 20;
export const TOTAL_CAP = 10_000;
/**
 * The ranked query fetches this many rows beyond the page: equal scores at the page's end are then (nearly
 * always) all in hand to be ordered by key, without the exhaustive fallback.
 */
const TIE_SLACK = 64;
/** bm25 column weights: title, body, excerpt, tags. A word in the title says more than one in the body. */
const RANK = `'bm25(10.0, 1.0, 3.0, 5.0)'`;

export interface SearchStatements {
  readonly ranked: { sql: string; params: SQLInputValue[] };
  readonly exhaustive: { sql: string; params: SQLInputValue[] };
  readonly count: { sql: string; params: SQLInputValue[] };
  readonly limit: number;
  readonly query: ParsedQuery;
}

export function searchSql(db: DatabaseSync, query: SearchQuery): SearchStatements | null {
  if (typeof query.text !== 'string' || query.text.length > LIMITS.searchChars) {
    throw new BlogError('invalid-argument', `text must be a string of at most ${LIMITS.searchChars} characters`);
  }
  const parsed = parseQuery(query.text, query.prefix ?? true);
  if (parsed === null) return null;
  const filter = resolveFilter(db, query);
  const limit = Math.min(query.limit ?? DEFAULT_SEARCH_PAGE, LIMITS.listLimit);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, 'search');
  const fts = query.accentInsensitive ? 'post_fts_folded' : 'post_fts';
  const rest = filterSql(filter, 'none');
  const conditions = (extra: string[]) => {
    const all = [...rest.where, ...extra];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const cursorParams = after ? [after[0]!, after[0]!, after[1]!] : [];
  const afterCursor = (score: string, pk: string) => (after ? [`(${score} > ? OR (${score} = ? AND ${pk} > ?))`] : []);
  const ranked = `
    SELECT h.pk, h.score
    FROM (SELECT rowid AS pk, rank AS score FROM ${fts} WHERE ${fts} MATCH ? AND rank MATCH ${RANK} ORDER BY rank) h
    CROSS JOIN posts p INDEXED BY posts_filter ON p.pk = h.pk
    ${conditions(afterCursor('h.score', 'h.pk'))}
    ORDER BY h.score LIMIT ?`;
  const exhaustive = `
    WITH hits(pk, score) AS MATERIALIZED (
      SELECT rowid, rank FROM ${fts} WHERE ${fts} MATCH ? AND rank MATCH ${RANK}
    )
    SELECT hits.pk, hits.score FROM hits CROSS JOIN posts p INDEXED BY posts_filter ON p.pk = hits.pk
    ${conditions(afterCursor('hits.score', 'hits.pk'))}
    ORDER BY hits.score, hits.pk LIMIT ?`;
  const count = `
    SELECT count(*) AS n FROM (
      SELECT 1 FROM (SELECT rowid AS pk FROM ${fts} WHERE ${fts} MATCH ?) h
      CROSS JOIN posts p INDEXED BY posts_filter ON p.pk = h.pk ${conditions([])} LIMIT ${TOTAL_CAP + 1}
    )`;
  return {
    ranked: { sql: ranked, params: [parsed.match, ...rest.params, ...cursorParams, limit + 1 + TIE_SLACK] },
    exhaustive: { sql: exhaustive, params: [parsed.match, ...rest.params, ...cursorParams, limit + 1] },
    count: { sql: count, params: [parsed.match, ...rest.params] },
    limit,
    query: parsed,
  };
}

type Hit = { pk: number; score: number };

export function search(db: DatabaseSync, query: SearchQuery): SearchPage {
  // Posts a first pull wrote without their search rows (search-index.ts) are indexed before anything is missed.
  if (indexIsPending(db)) transaction(db, () => indexPending(db));
  const built = searchSql(db, query);
  if (!built) return { items: [], next: null, total: 0, totalIsLowerBound: false };
  const run = (s: { sql: string; params: SQLInputValue[] }) => guarded(query.text, () => stmt(db, s.sql).all(...s.params)) as Hit[];
  const fetched = run(built.ranked);
  let rows = fetched.toSorted(byScoreThenKey);
  // Equal scores are ordered by key, which needs every post of the page's last score in hand: certain if the
  // ranked rows ran out, or went on past that score.
  const boundary = rows[Math.min(built.limit, rows.length) - 1]?.score;
  const complete = fetched.length < built.limit + 1 + TIE_SLACK || rows[rows.length - 1]!.score !== boundary;
  if (!complete) rows = run(built.exhaustive);
  const page = rows.slice(0, built.limit);
  const counted = (run(built.count) as unknown as { n: number }[])[0]!.n;
  const last = rows.length > built.limit ? page[page.length - 1] : undefined;
  return {
    items: renderHits(db, page, built.query.terms, query.accentInsensitive === true),
    next: last ? encodeCursor('search', [last.score, last.pk]) : null,
    total: Math.min(counted, TOTAL_CAP),
    totalIsLowerBound: counted > TOTAL_CAP,
  };
}

function byScoreThenKey(a: Hit, b: Hit): number {
  return a.score - b.score || a.pk - b.pk;
}

function guarded<T>(text: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    // parseQuery only emits quoted words, so this is not expected; still, a bad query is the caller's problem.
    if ((error as { code?: string }).code === 'ERR_SQLITE_ERROR' && /fts5/i.test((error as Error).message)) {
      throw new BlogError('invalid-argument', `Cannot search for ${JSON.stringify(text)}: ${(error as Error).message}`);
    }
    throw error;
  }
}
