import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../common/errors.ts';
import { LIMITS, type NewTerm, type Taxonomy, type Term, type TermId, type TermPatch } from '../../common/models.ts';
import type { TermQuery } from '../../common/api/library.ts';
import { stmt } from '../storage/statements.ts';
import { reindexPost } from './search-index.ts';
import { slugify, uniqueSlug } from './slug.ts';

/**
 * Categories and tags. Callers run these inside a transaction (library.ts does). Invariants kept here: a slug
 * is unique per (blog, taxonomy); only categories have parents, of the same blog, never forming a cycle; a tag's
 * name is part of its posts' search text, so renaming or deleting a tag reindexes those posts.
 */
interface TermRow {
  pk: number;
  id: string;
  blog_id: string | null;
  taxonomy: Taxonomy;
  remote_id: number | null;
  parent_pk: number | null;
  parent_id: string | null;
  name: string;
  slug: string;
  description: string;
  count: number;
}

/**
 * A term's count is its posts minus the trashed and deleted ones, computed as "all − hidden": counting a
 * range of post_terms' primary key is cheap, while checking each post's status would read 100,000 post rows
 * for the sidebar of a big archive. Hidden posts are few, so subtracting them is cheap too.
 */
const COLUMNS = `t.pk, t.id, t.blog_id, t.taxonomy, t.remote_id, t.parent_pk, parent.id AS parent_id, t.name, t.slug, t.description`;
const HIDDEN = `SELECT pt.term_pk, count(*) AS n FROM posts p INDEXED BY posts_by_status CROSS JOIN post_terms pt ON pt.post_pk = p.pk
  WHERE p.status IN ('trashed', 'deleted') GROUP BY pt.term_pk`;
const COUNTED = `WITH hidden AS MATERIALIZED (${HIDDEN})
  SELECT ${COLUMNS}, (SELECT count(*) FROM post_terms pt WHERE pt.term_pk = t.pk)
    - ifnull((SELECT n FROM hidden WHERE hidden.term_pk = t.pk), 0) AS count
  FROM terms t LEFT JOIN terms parent ON parent.pk = t.parent_pk`;

export function listTerms(db: DatabaseSync, query: TermQuery = {}): Term[] {
  const where: string[] = [];
  const params: (string | null)[] = [];
  if (query.blogId !== undefined) {
    where.push('t.blog_id IS ?');
    params.push(query.blogId);
  }
  if (query.taxonomy !== undefined) {
    where.push('t.taxonomy = ?');
    params.push(query.taxonomy);
  }
  const sql = `${COUNTED} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.taxonomy, t.name COLLATE NOCASE, t.pk`;
  return (stmt(db, sql).all(...params) as unknown as TermRow[]).map(toTerm);
}

export function getTerm(db: DatabaseSync, id: TermId): Term {
  const row = stmt(db, `${COUNTED} WHERE t.id = ?`).get(id) as TermRow | undefined;
  if (!row) throw notFound(id);
  return toTerm(row);
}

/** The term's row without its count (what filters and writers need, and cheap). */
export function requireTerm(db: DatabaseSync, id: TermId): TermRow {
  const row = stmt(db, `SELECT ${COLUMNS}, 0 AS count FROM terms t LEFT JOIN terms parent ON parent.pk = t.parent_pk WHERE t.id = ?`).get(id) as
    | TermRow
    | undefined;
  if (!row) throw notFound(id);
  return row;
}

function notFound(id: TermId): BlogError {
  return new BlogError('not-found', `There is no category or tag with id ${JSON.stringify(id)}.`);
}

export interface TermRecord extends NewTerm {
  readonly id?: TermId;
  readonly remoteId?: number | null;
  /** Keep `slug` as given (a blog's own slug may be percent-encoded or upper case); made unique if taken. */
  readonly keepSlug?: boolean;
}

export function createTerm(db: DatabaseSync, init: TermRecord, now: number): Term {
  const name = checkName(init.name);
  if (init.taxonomy !== 'category' && init.taxonomy !== 'tag') throw invalid('taxonomy must be category or tag');
  if (init.blogId !== null && !stmt(db, 'SELECT 1 FROM blogs WHERE id = ?').get(init.blogId)) {
    throw new BlogError('not-found', `There is no blog with id ${JSON.stringify(init.blogId)}.`);
  }
  const parentPk = resolveParent(db, init.taxonomy, init.blogId, init.parentId ?? null, null);
  const base = init.keepSlug && init.slug ? init.slug.slice(0, LIMITS.slugChars) : slugify(init.slug || name);
  const slug = uniqueSlug(base, (s) => slugTaken(db, init.blogId, init.taxonomy, s, null));
  const id = init.id ?? randomUUID();
  stmt(
    db,
    `INSERT INTO terms (id, blog_id, taxonomy, remote_id, parent_pk, name, slug, description, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, init.blogId, init.taxonomy, init.remoteId ?? null, parentPk, name, slug, init.description ?? '', now, now);
  return getTerm(db, id);
}

export function updateTerm(db: DatabaseSync, id: TermId, patch: TermPatch & { remoteId?: number | null; keepSlug?: boolean }, now: number): Term {
  const row = requireTerm(db, id);
  const name = patch.name === undefined ? row.name : checkName(patch.name);
  const wanted = patch.keepSlug && patch.slug ? patch.slug.slice(0, LIMITS.slugChars) : slugify(patch.slug || name);
  const slug = patch.slug === undefined ? row.slug : uniqueSlug(wanted, (s) => slugTaken(db, row.blog_id, row.taxonomy, s, row.pk));
  const parentPk =
    patch.parentId === undefined ? row.parent_pk : resolveParent(db, row.taxonomy, row.blog_id, patch.parentId, row.pk);
  stmt(
    db,
    `UPDATE terms SET name = ?, slug = ?, description = ?, parent_pk = ?, remote_id = ?, modified_at = ? WHERE pk = ?`,
  ).run(name, slug, patch.description ?? row.description, parentPk, patch.remoteId === undefined ? row.remote_id : patch.remoteId, now, row.pk);
  if (row.taxonomy === 'tag' && name !== row.name) reindexPostsOf(db, [row.pk]);
  return getTerm(db, id);
}

export function deleteTerm(db: DatabaseSync, id: TermId): void {
  const row = requireTerm(db, id);
  const posts = stmt(db, 'SELECT post_pk FROM post_terms WHERE term_pk = ?').all(row.pk) as { post_pk: number }[];
  // WordPress moves a deleted category's children up to its parent rather than to the top level.
  stmt(db, 'UPDATE terms SET parent_pk = ? WHERE parent_pk = ?').run(row.parent_pk, row.pk);
  stmt(db, 'DELETE FROM terms WHERE pk = ?').run(row.pk);
  if (row.taxonomy === 'tag') for (const p of posts) reindexPost(db, p.post_pk);
}

/** A category and all its descendants (pks): "posts in Ledarskap" includes its subcategories. */
export function withDescendants(db: DatabaseSync, termPk: number): number[] {
  const rows = stmt(
    db,
    `WITH RECURSIVE tree(pk) AS (SELECT ? UNION SELECT t.pk FROM terms t JOIN tree ON t.parent_pk = tree.pk)
     SELECT pk FROM tree`,
  ).all(termPk) as { pk: number }[];
  return rows.map((r) => r.pk);
}

/**
 * The same terms in another blog (by taxonomy and slug), made there when missing: a draft written offline
 * keeps its categories and tags when it is assigned to a blog.
 */
export function carryTerms(db: DatabaseSync, ids: readonly TermId[], blogId: string | null, now: number): TermId[] {
  return ids.map((id) => {
    const term = requireTerm(db, id);
    if (term.blog_id === blogId) return term.id;
    const there = stmt(db, 'SELECT id FROM terms WHERE blog_id IS ? AND taxonomy = ? AND slug = ?').get(
      blogId,
      term.taxonomy,
      term.slug,
    ) as { id: string } | undefined;
    return there?.id ?? createTerm(db, { blogId, taxonomy: term.taxonomy, name: term.name, slug: term.slug }, now).id;
  });
}

function reindexPostsOf(db: DatabaseSync, termPks: number[]): void {
  for (const termPk of termPks) {
    for (const p of stmt(db, 'SELECT post_pk FROM post_terms WHERE term_pk = ?').all(termPk) as { post_pk: number }[]) {
      reindexPost(db, p.post_pk);
    }
  }
}

function resolveParent(db: DatabaseSync, taxonomy: Taxonomy, blogId: string | null, parentId: TermId | null, self: number | null): number | null {
  if (parentId === null) return null;
  if (taxonomy !== 'category') throw invalid('only categories have parents');
  const parent = requireTerm(db, parentId);
  if (parent.taxonomy !== 'category' || parent.blog_id !== blogId) throw invalid('a parent must be a category of the same blog');
  if (self !== null && withDescendants(db, self).includes(parent.pk)) throw invalid('a category cannot be placed under itself');
  return parent.pk;
}

function slugTaken(db: DatabaseSync, blogId: string | null, taxonomy: Taxonomy, slug: string, except: number | null): boolean {
  return !!stmt(db, 'SELECT 1 FROM terms WHERE blog_id IS ? AND taxonomy = ? AND slug = ? AND pk IS NOT ?').get(blogId, taxonomy, slug, except);
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw invalid('a term needs a name');
  if (name.length > LIMITS.termNameChars) throw invalid(`name: too long (at most ${LIMITS.termNameChars} characters)`);
  return name.trim();
}

function invalid(message: string): BlogError {
  return new BlogError('invalid-argument', message);
}

function toTerm(row: TermRow): Term {
  return {
    id: row.id,
    blogId: row.blog_id,
    taxonomy: row.taxonomy,
    name: row.name,
    slug: row.slug,
    description: row.description,
    parentId: row.parent_id,
    remoteId: row.remote_id,
    count: row.count,
  };
}
