import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ArchiveCounts, ArchiveEntry, ArchiveQuery, CountFilter, Page } from '../../common/api/library.ts';
import { BlogError } from '../../common/errors.ts';
import { LIMITS, POST_STATUSES, type PostStatus } from '../../common/models.ts';
import { stmt } from '../storage/statements.ts';
import { decodeCursor, decodeTextCursor, encodeCursor } from './cursor.ts';
import { type Driver, ENTRY_COLUMNS, type EntryRow, filterSql, resolveFilter, toEntry } from './filters.ts';

/**
 * Archive views: the sidebar's month counts and the lists behind them, newest first by (sort_date, pk) (or by
 * title: titleSql) with a keyset cursor. Each list is one index range read from its start or from the cursor, whatever its length:
 * - a single tag or a category without subcategories: post_terms (term_pk, sort_date, post_pk);
 * - a month: posts_by_month (archive_month, sort_date, pk);
 * - a single status: posts_by_status; otherwise posts_by_date (or posts_by_blog for one blog).
 */
export const DEFAULT_PAGE = 50;

export function listArchive(db: DatabaseSync, query: ArchiveQuery = {}): Page<ArchiveEntry> {
  if (query.sort !== undefined && query.sort !== 'date' && query.sort !== 'title') {
    throw new BlogError('invalid-argument', `sort must be 'date' or 'title', not ${JSON.stringify(query.sort)}.`);
  }
  const { sql, params, limit } = query.sort === 'title' ? titleSql(db, query) : archiveSql(db, query);
  const rows = stmt(db, sql).all(...params) as unknown as (EntryRow & { title_key?: string })[];
  const items = rows.slice(0, limit).map(toEntry);
  const last = rows.length > limit ? rows[limit - 1]! : undefined;
  if (!last) return { items, next: null };
  return { items, next: query.sort === 'title' ? encodeCursor('archive-title', [last.title_key!, last.pk]) : encodeCursor('archive', [last.sort_date, last.pk]) };
}

/** Up to this many posts, a tag's or category's title view is read from post_terms and sorted (≈ 2 ms). */
const SMALL_TERM = 2_000;

/**
 * Sorted by title, A to Ö (by title_key, the Swedish sort key of migration 009, then pk). One walk of
 * posts_by_title from the start or the cursor, every filter a plain condition: the walk stops after a page
 * of matches, so a page costs what the filter leaves out before it, never a sort of the whole view. Views
 * that keep few of many posts — a month, a small tag or category — would walk far; those are read by their
 * own index and sorted instead.
 */
export function titleSql(db: DatabaseSync, query: ArchiveQuery): { sql: string; params: SQLInputValue[]; limit: number } {
  const filter = resolveFilter(db, query);
  const limit = pageLimit(query);
  const month = monthOf(query);
  const term = filter.tagPk ?? (filter.categoryPks?.length === 1 ? filter.categoryPks[0]! : null);
  const smallTerm = term !== null && termHasAtMost(db, term, SMALL_TERM);
  const { where, params, add } = conditions();
  let from = 'posts p INDEXED BY posts_by_title';
  let driver: Driver = 'month';
  if (smallTerm) {
    from = 'post_terms d CROSS JOIN posts p ON p.pk = d.post_pk';
    driver = filter.tagPk !== null ? 'tag' : 'category';
    add('d.term_pk = ?', term);
  } else if (month !== null) {
    from = 'posts p';
  }
  if (query.cursor !== undefined) add('(p.title_key, p.pk) > (?, ?)', ...decodeTextCursor(query.cursor, 'archive-title'));
  if (month !== null) add('p.archive_month = ?', month);
  const rest = filterSql(filter, driver);
  where.push(...rest.where);
  params.push(...rest.params);
  const sql = `SELECT ${ENTRY_COLUMNS}, p.title_key FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY p.title_key, p.pk LIMIT ?`;
  return { sql, params: [...params, limit + 1], limit };
}

/** Counts no further than it must: a term on 80,000 posts costs what one on `most` does. */
function termHasAtMost(db: DatabaseSync, termPk: number, most: number): boolean {
  const row = stmt(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM post_terms WHERE term_pk = ? LIMIT ?)').get(termPk, most + 1) as { n: number };
  return row.n <= most;
}

/** A WHERE clause built up in order: each condition appended together with its parameters. */
function conditions() {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const add = (condition: string, ...values: SQLInputValue[]) => {
    where.push(condition);
    params.push(...values);
  };
  return { where, params, add };
}

function pageLimit(query: ArchiveQuery): number {
  return Math.min(query.limit ?? DEFAULT_PAGE, LIMITS.listLimit);
}

/** year*100+month, or null for no month; both or neither must be given. */
function monthOf(query: ArchiveQuery): number | null {
  if ((query.year === undefined) !== (query.month === undefined)) {
    throw new BlogError('invalid-argument', 'A month of the archive needs both year and month.');
  }
  return query.year === undefined ? null : query.year * 100 + query.month!;
}

/** The statement behind listArchive (exported so a test can check its query plan). Fetches limit + 1 rows. */
export function archiveSql(db: DatabaseSync, query: ArchiveQuery): { sql: string; params: SQLInputValue[]; limit: number } {
  const filter = resolveFilter(db, query);
  const limit = pageLimit(query);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, 'archive');
  const month = monthOf(query);

  // The driving index, then the other filters as plain conditions.
  const singleTerm =
    filter.tagPk !== null ? filter.tagPk : filter.categoryPks?.length === 1 ? filter.categoryPks[0]! : null;
  const driver: Driver =
    singleTerm !== null ? (filter.tagPk !== null ? 'tag' : 'category') : month !== null ? 'month' : filter.statuses.length === 1 ? 'status' : 'none';
  const rest = filterSql(filter, driver);
  // Conditions and their parameters are appended together, in order: the driving index's first.
  const { where, params, add } = conditions();
  let from = 'posts p';
  let order = 'p.sort_date DESC, p.pk DESC';
  if (singleTerm !== null) {
    from = 'post_terms d CROSS JOIN posts p ON p.pk = d.post_pk';
    order = 'd.sort_date DESC, d.post_pk DESC';
    add('d.term_pk = ?', singleTerm);
    if (after) add('(d.sort_date, d.post_pk) < (?, ?)', after[0]!, after[1]!);
  } else if (after) {
    add('(p.sort_date, p.pk) < (?, ?)', after[0]!, after[1]!);
  }
  if (month !== null) add('p.archive_month = ?', month);
  where.push(...rest.where);
  params.push(...rest.params);
  const sql = `SELECT ${ENTRY_COLUMNS} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
  return { sql, params: [...params, limit + 1], limit };
}

export function archiveCounts(db: DatabaseSync, filter: CountFilter = {}): ArchiveCounts {
  const resolved = resolveFilter(db, { blogId: filter.blogId, statuses: filter.statuses });
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  if (resolved.statuses.length < POST_STATUSES.length) {
    where.push(`status IN (${resolved.statuses.map(() => '?').join(', ')})`);
    params.push(...resolved.statuses);
  }
  if (resolved.blogId !== null) {
    where.push('blog_id = ?');
    params.push(resolved.blogId);
  }
  // INDEXED BY: the covering (archive_month, status, blog_id) index answers this without reading a post.
  const rows = stmt(
    db,
    `SELECT archive_month AS m, count(*) AS n FROM posts INDEXED BY posts_month_counts
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY archive_month ORDER BY archive_month DESC`,
  ).all(...params) as { m: number; n: number }[];
  const years: { year: number; count: number; months: { month: number; count: number }[] }[] = [];
  let total = 0;
  for (const { m, n } of rows) {
    const year = Math.floor(m / 100);
    let bucket = years[years.length - 1];
    if (!bucket || bucket.year !== year) {
      bucket = { year, count: 0, months: [] };
      years.push(bucket);
    }
    bucket.count += n;
    bucket.months.push({ month: m % 100, count: n });
    total += n;
  }
  return { total, years };
}

export function statusCounts(db: DatabaseSync, filter: { blogId?: string } = {}): Record<PostStatus, number> {
  resolveFilter(db, { blogId: filter.blogId });
  const rows = (
    filter.blogId === undefined
      ? stmt(db, 'SELECT status, count(*) AS n FROM posts GROUP BY status').all()
      : stmt(db, 'SELECT status, count(*) AS n FROM posts WHERE blog_id = ? GROUP BY status').all(filter.blogId)
  ) as { status: PostStatus; n: number }[];
  const counts = Object.fromEntries(POST_STATUSES.map((s) => [s, 0])) as Record<PostStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
