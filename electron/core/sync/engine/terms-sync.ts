/**
 * Categories and tags between the blog and the library.
 *
 * Pull: the blog's terms become local terms of the blog, matched by remote id, else adopted from a term made
 * offline with the same slug or name (WordPress' term_exists compares names case-insensitively per parent, so
 * we do too), else created. Parents are set in a second pass (a child may come before its parent).
 *
 * Push: a term made offline (remote id null) is created on the blog before the post that uses it; an existing
 * term of that name is reused (the adapter turns `term_exists` into the existing term). If the library already
 * knows that remote term under another local term, the offline one merges into it (its posts move over).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Taxonomy } from '../../../common/models.ts';
import { reindexPost } from '../../library/search-index.ts';
import { createTerm, deleteTerm, requireTerm, updateTerm } from '../../library/terms.ts';
import { transaction } from '../../storage/database.ts';
import { stmt } from '../../storage/statements.ts';
import type { BlogAdapter, RemoteTerm } from '../adapter.ts';
import { type BlogContext, reading } from './context.ts';
import { readBase, writeBase } from './store-sync.ts';

interface LocalTerm {
  pk: number;
  id: string;
  remote_id: number | null;
  parent_pk: number | null;
  name: string;
  slug: string;
}

function byRemote(db: DatabaseSync, blogId: string, taxonomy: Taxonomy, remoteId: string): LocalTerm | undefined {
  return stmt(db, 'SELECT pk, id, remote_id, parent_pk, name, slug FROM terms WHERE blog_id = ? AND taxonomy = ? AND remote_id = ?').get(
    blogId,
    taxonomy,
    Number(remoteId),
  ) as LocalTerm | undefined;
}

/** Upserts the blog's terms; returns how many local terms were created or changed. Call inside a transaction. */
export function upsertTerms(db: DatabaseSync, blogId: string, terms: readonly RemoteTerm[], now: number): number {
  let changed = 0;
  for (const term of terms) {
    const known = byRemote(db, blogId, term.taxonomy, term.id);
    if (known) {
      const slug = decodeSlug(term.slug);
      if (known.name !== term.name || known.slug !== slug) {
        updateTerm(db, known.id, { name: term.name, slug, keepSlug: true }, now);
        changed++;
      }
      continue;
    }
    const offline = stmt(
      db,
      `SELECT id FROM terms WHERE blog_id = ? AND taxonomy = ? AND remote_id IS NULL AND (slug = ? OR lower(name) = lower(?)) ORDER BY slug = ? DESC LIMIT 1`,
    ).get(blogId, term.taxonomy, decodeSlug(term.slug), term.name, decodeSlug(term.slug)) as { id: string } | undefined;
    if (offline) updateTerm(db, offline.id, { remoteId: Number(term.id) }, now);
    else createTerm(db, { blogId, taxonomy: term.taxonomy, name: term.name, slug: decodeSlug(term.slug), keepSlug: true, remoteId: Number(term.id) }, now);
    changed++;
  }
  for (const term of terms) {
    if (term.taxonomy !== 'category') continue;
    const local = byRemote(db, blogId, 'category', term.id)!;
    const parent = term.parent === null ? null : (byRemote(db, blogId, 'category', term.parent) ?? null);
    if ((parent?.pk ?? null) !== local.parent_pk) {
      try {
        updateTerm(db, local.id, { parentId: parent?.id ?? null }, now);
        changed++;
      } catch {
        // A cycle made by concurrent edits on both sides: the local hierarchy stays as it is.
      }
    }
  }
  return changed;
}

/** WordPress keeps non-ASCII slugs percent-encoded (`%f0%9f%99%82`); the library keeps the text. */
function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** Remote ids the library does not know for this blog (a pull then refreshes the term lists first). */
export function unknownTermIds(db: DatabaseSync, blogId: string, taxonomy: Taxonomy, ids: readonly string[]): string[] {
  return ids.filter((id) => !byRemote(db, blogId, taxonomy, id));
}

/**
 * The blog's terms as they are now, for the sweep (now and then; never in the no-change sync): renames, new
 * slugs and new parents land on the local terms by remote id. A term gone from the blog is deleted here too —
 * unless a post that is not in step with the blog uses it: then it only loses its remote id and becomes a term
 * made here, which that post's next push creates on the blog again. The writer's tagging is never lost.
 * Posts in step with the blog that used a deleted term lose it, as WordPress' copies did; their sync base
 * drops it as well, so that is not mistaken for a local change.
 */
export async function refreshTerms(ctx: BlogContext): Promise<number> {
  const { db, blogId } = ctx;
  const [categories, tags] = await Promise.all([reading(ctx, () => ctx.adapter.listTerms('category')), reading(ctx, () => ctx.adapter.listTerms('tag'))]);
  return transaction(db, () => {
    let changed = upsertTerms(db, blogId, [...categories, ...tags], ctx.now());
    for (const [taxonomy, listed] of [['category', categories], ['tag', tags]] as const) {
      const present = new Set(listed.map((t) => Number(t.id)));
      const local = stmt(db, 'SELECT pk, id, remote_id FROM terms WHERE blog_id = ? AND taxonomy = ? AND remote_id IS NOT NULL').all(blogId, taxonomy) as {
        pk: number;
        id: string;
        remote_id: number;
      }[];
      for (const term of local.filter((t) => !present.has(t.remote_id))) {
        dropRemoteTerm(db, term, taxonomy, ctx.now());
        changed++;
      }
    }
    return changed;
  });
}

/** A post "not in step": local-only, waiting in the outbox, in conflict or error, or edited since its last sync. */
const UNSYNCED_USERS = `SELECT 1 FROM post_terms pt JOIN posts p ON p.pk = pt.post_pk LEFT JOIN post_sync s ON s.post_pk = p.pk
  WHERE pt.term_pk = ? AND (p.remote_id IS NULL OR s.state IS NULL OR s.state != 'synced' OR s.synced_at IS NULL OR p.modified_at > s.synced_at)
  LIMIT 1`;

function dropRemoteTerm(db: DatabaseSync, term: { pk: number; id: string; remote_id: number }, taxonomy: Taxonomy, now: number): void {
  if (stmt(db, UNSYNCED_USERS).get(term.pk)) {
    updateTerm(db, term.id, { remoteId: null }, now);
    return;
  }
  const users = stmt(db, 'SELECT post_pk FROM post_terms WHERE term_pk = ?').all(term.pk) as { post_pk: number }[];
  const key = taxonomy === 'category' ? 'categories' : 'tags';
  for (const { post_pk } of users) {
    const base = readBase(db, post_pk);
    if (base) writeBase(db, post_pk, { ...base, fields: { ...base.fields, [key]: base.fields[key].filter((id) => id !== String(term.remote_id)) } }, now);
  }
  deleteTerm(db, term.id);
}

export async function pullAllTerms(db: DatabaseSync, adapter: BlogAdapter, blogId: string, now: () => number): Promise<number> {
  const categories = await adapter.listTerms('category');
  const tags = await adapter.listTerms('tag');
  return transaction(db, () => upsertTerms(db, blogId, [...categories, ...tags], now()));
}

/**
 * Creates on the blog every term of the post that is not there yet (a category's parents first). Each success
 * commits at once, so a retry after a failure later on does not create the earlier ones again (and if it did,
 * term_exists would hand the same term back).
 */
export async function pushTerms(db: DatabaseSync, adapter: BlogAdapter, blogId: string, termIds: readonly string[], now: () => number): Promise<number> {
  let created = 0;
  const ensure = async (termId: string): Promise<string> => {
    const term = requireTerm(db, termId);
    if (term.remote_id !== null) return String(term.remote_id);
    const parentRemote = term.parent_id ? await ensure(term.parent_id) : null;
    const { term: remote, created: made } = await adapter.createTerm(term.taxonomy, term.name, parentRemote);
    if (made) created++;
    transaction(db, () => adoptTerm(db, blogId, termId, remote, now()));
    return remote.id;
  };
  for (const id of termIds) await ensure(id);
  return created;
}

/** The local term `termId` is the blog's `remote`; merges it into another local term that already is. */
export function adoptTerm(db: DatabaseSync, blogId: string, termId: string, remote: RemoteTerm, now: number): void {
  const term = requireTerm(db, termId);
  const twin = byRemote(db, blogId, remote.taxonomy, remote.id);
  if (!twin) {
    updateTerm(db, termId, { remoteId: Number(remote.id) }, now);
    return;
  }
  if (twin.pk === term.pk) return;
  const posts = stmt(db, 'SELECT post_pk FROM post_terms WHERE term_pk = ?').all(term.pk) as { post_pk: number }[];
  stmt(db, 'UPDATE OR IGNORE post_terms SET term_pk = ? WHERE term_pk = ?').run(twin.pk, term.pk);
  stmt(db, 'UPDATE terms SET parent_pk = ? WHERE parent_pk = ?').run(twin.pk, term.pk);
  stmt(db, 'DELETE FROM terms WHERE pk = ?').run(term.pk);
  if (remote.taxonomy === 'tag') for (const p of posts) reindexPost(db, p.post_pk);
}
