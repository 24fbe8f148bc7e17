import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { LibraryFilter } from '../../common/api/library.ts';
import { BlogError } from '../../common/errors.ts';
import { POST_STATUSES, VISIBLE_STATUSES } from '../../common/models.ts';
import { stmt } from '../storage/statements.ts';
import { requireTerm, withDescendants } from './terms.ts';

/**
 * The filters shared by search and the archive views, as SQL over `posts p`. Ids are resolved (and refused
 * with `not-found` when unknown) before any SQL runs. `driver` names the filter whose index the caller's query
 * is built on; the others get a unary `+` where needed, which keeps SQLite from picking their index instead
 * (e.g. walking posts_by_status for five statuses and then sorting 100,000 rows by date).
 */
export interface ResolvedFilter {
  readonly blogId: string | null;
  readonly statuses: readonly string[];
  /** The category and its descendants. */
  readonly categoryPks: readonly number[] | null;
  readonly tagPk: number | null;
  readonly from: number | null;
  readonly to: number | null;
}

export function resolveFilter(db: DatabaseSync, filter: LibraryFilter): ResolvedFilter {
  if (filter.blogId !== undefined && !stmt(db, 'SELECT 1 FROM blogs WHERE id = ?').get(filter.blogId)) {
    throw new BlogError('not-found', `There is no blog with id ${JSON.stringify(filter.blogId)}.`);
  }
  const statuses = filter.statuses ?? VISIBLE_STATUSES;
  if (statuses.length === 0 || statuses.some((s) => !POST_STATUSES.includes(s))) {
    throw new BlogError('invalid-argument', `statuses must name one or more of ${POST_STATUSES.join(', ')}.`);
  }
  let categoryPks: number[] | null = null;
  if (filter.categoryId !== undefined) {
    const term = requireTerm(db, filter.categoryId);
    if (term.taxonomy !== 'category') throw new BlogError('invalid-argument', `${filter.categoryId} is a tag, not a category.`);
    categoryPks = withDescendants(db, term.pk);
  }
  let tagPk: number | null = null;
  if (filter.tagId !== undefined) {
    const term = requireTerm(db, filter.tagId);
    if (term.taxonomy !== 'tag') throw new BlogError('invalid-argument', `${filter.tagId} is a category, not a tag.`);
    tagPk = term.pk;
  }
  for (const key of ['from', 'to'] as const) {
    if (filter[key] !== undefined && !Number.isSafeInteger(filter[key])) throw new BlogError('invalid-argument', `${key} must be epoch milliseconds`);
  }
  return { blogId: filter.blogId ?? null, statuses: [...new Set(statuses)], categoryPks, tagPk, from: filter.from ?? null, to: filter.to ?? null };
}

export type Driver = 'month' | 'status' | 'tag' | 'category' | 'none';

export interface Sql {
  readonly where: string[];
  readonly params: SQLInputValue[];
}

/** Conditions on the posts row `p` (or another alias) for every filter except the one the query is driven by. */
export function filterSql(f: ResolvedFilter, driver: Driver, p = 'p'): Sql {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const plus = driver === 'status' ? '' : '+';
  if (f.statuses.length < POST_STATUSES.length) {
    where.push(`${plus}${p}.status IN (${f.statuses.map(() => '?').join(', ')})`);
    params.push(...f.statuses);
  }
  if (f.blogId !== null) {
    where.push(`${driver === 'none' ? '' : '+'}${p}.blog_id = ?`);
    params.push(f.blogId);
  }
  if (f.from !== null) {
    where.push(`${p}.sort_date >= ?`);
    params.push(f.from);
  }
  if (f.to !== null) {
    where.push(`${p}.sort_date < ?`);
    params.push(f.to);
  }
  if (f.categoryPks !== null && driver !== 'category') {
    where.push(`EXISTS (SELECT 1 FROM post_terms ${p}c WHERE ${p}c.post_pk = ${p}.pk AND ${p}c.term_pk IN (SELECT value FROM json_each(?)))`);
    params.push(JSON.stringify(f.categoryPks));
  }
  if (f.tagPk !== null && driver !== 'tag') {
    where.push(`EXISTS (SELECT 1 FROM post_terms ${p}t WHERE ${p}t.post_pk = ${p}.pk AND ${p}t.term_pk = ?)`);
    params.push(f.tagPk);
  }
  return { where, params };
}

/** The columns of an ArchiveEntry (plus pk and sort_date for the cursor). */
export const ENTRY_COLUMNS = `p.pk, p.id, p.title, p.snippet, p.status, p.modified_at, p.blog_id, p.remote_id, p.slug,
  p.sort_date, p.published_at`;

export interface EntryRow {
  pk: number;
  id: string;
  title: string;
  snippet: string;
  status: (typeof POST_STATUSES)[number];
  modified_at: number;
  blog_id: string | null;
  remote_id: number | null;
  slug: string;
  sort_date: number;
  published_at: number | null;
}

export function toEntry(row: EntryRow) {
  return {
    id: row.id,
    title: row.title,
    snippet: row.snippet,
    status: row.status,
    modifiedAt: row.modified_at,
    blogId: row.blog_id,
    remoteId: row.remote_id,
    slug: row.slug,
    date: row.sort_date,
    publishedAt: row.published_at,
  };
}
