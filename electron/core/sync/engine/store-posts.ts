/**
 * The engine's writes to local posts, through the library's own writer (posts/post-writer.ts), so every derived
 * column, relation and search row stays right. Callers hold the transaction.
 *
 * Versions: a write that changes the post's text (title, body, excerpt) snapshots the old text first (revision
 * `sync`, or `publish` when the post becomes published) and bumps `version`, so an editor holding the old text
 * gets `conflict` on its next save and reloads instead of overwriting. A write of server-decided fields only
 * (remote id, status, slug, dates) keeps the version: the editor's next save cannot clobber them, since a save
 * only sends the fields the user edited.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Post } from '../../../common/models.ts';
import { findRow, getPost, loadPost, requireRow } from '../../posts/post-row.ts';
import { writePost } from '../../posts/post-writer.ts';
import { snapshot } from '../../posts/revisions.ts';
import { stmt } from '../../storage/statements.ts';
import { type RemoteFields, type ServerVersion, sameFields } from './fields.ts';
import { applyFields, textChanged } from './local-form.ts';
import { readPostSync, setPostSync, writeBase } from './store-sync.ts';

export function findPostByRemote(db: DatabaseSync, blogId: string, remoteId: string): Post | null {
  const row = stmt(db, 'SELECT id FROM posts WHERE blog_id = ? AND remote_id = ?').get(blogId, Number(remoteId)) as { id: string } | undefined;
  return row ? getPost(db, row.id) : null;
}

/** Whether `clientKey` (a post id) is a local post of `blogId`: a provisional slug naming it is a create of ours. */
export function isOurCreate(db: DatabaseSync, blogId: string, clientKey: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM posts WHERE id = ? AND blog_id = ?').get(clientKey, blogId);
}

/** Writes `next` over `current` (see the header for versions and revisions). Returns the stored post. */
export function writeLocal(db: DatabaseSync, current: Post, next: Post, now: number): Post {
  const row = requireRow(db, current.id);
  const fresh = loadPost(db, row);
  if (textChanged(fresh, next)) {
    snapshot(db, row, next.status === 'published' && fresh.status !== 'published' ? 'publish' : 'sync', now);
    writePost(db, { ...next, modifiedAt: now, version: fresh.version + 1 }, { row, post: fresh });
  } else {
    writePost(db, { ...next, modifiedAt: fresh.modifiedAt, version: fresh.version }, { row, post: fresh });
  }
  return getPost(db, current.id);
}

/** Marks the post as in step with its base as of now (lists compare posts.modified_at with synced_at). */
export function markSynced(db: DatabaseSync, post: Post, now: number, open: boolean): void {
  const pk = requireRow(db, post.id).pk;
  setPostSync(db, pk, { state: open ? 'pending' : 'synced', message: null, syncedAt: post.modifiedAt }, now);
}

/** A post the blog has and this library does not: created with the blog's fields and its sync base. */
export function insertPulled(db: DatabaseSync, blogId: string, server: ServerVersion, now: number, options: { index?: boolean } = {}): string {
  const blank: Post = {
    id: randomUUID(),
    blogId,
    remoteId: null,
    title: '',
    html: '',
    editorState: null,
    slug: '',
    excerpt: '',
    status: 'draft',
    publishedAt: null,
    createdAt: now,
    modifiedAt: now,
    remoteModifiedAt: null,
    format: 'standard',
    featuredMediaId: null,
    commentStatus: 'open',
    sticky: false,
    categoryIds: [],
    tagIds: [],
    mediaIds: [],
    version: 1,
  };
  const post = applyFields(db, blank, blogId, server.fields, { remoteId: Number(server.remoteId), modifiedGmt: server.modifiedGmt });
  const createdAt = post.publishedAt ?? Date.parse(server.modifiedGmt) ?? now;
  const pk = writePost(db, { ...post, createdAt: Number.isNaN(createdAt) ? now : createdAt, modifiedAt: now }, undefined, options);
  writeBase(db, pk, server, now);
  // A new row (a first pull writes thousands): no read-modify-write of the sync state.
  stmt(db, `INSERT INTO post_sync (post_pk, state, synced_at, updated_at) VALUES (?, 'synced', ?, ?)`).run(pk, now, now);
  return post.id;
}

/**
 * The blog's version lands here: the post becomes `target` (the server's fields, or a merge of both sides) and
 * its sync base becomes `server`. `read` is the post as it was when the engine computed `target`; if the user
 * saved since (the version moved on), their text is kept and, when `ancestor` is given, the base becomes that
 * ancestor (tagged with the server's id and time), so the next sync merges the user's new edit with the server's
 * instead of either overwriting the other. Without `ancestor` (a pull) nothing is written: the old base is still
 * the right ancestor and the next pull tries again.
 */
export function land(
  db: DatabaseSync,
  read: Post,
  target: RemoteFields,
  server: ServerVersion,
  now: number,
  options: { ancestor: RemoteFields | null; open: boolean },
): Post | null {
  const row = findRow(db, read.id);
  if (!row) return null;
  const current = loadPost(db, row);
  const blogId = read.blogId!;
  if (current.version !== read.version) {
    if (!options.ancestor) return null;
    const ids = { ...current, remoteId: Number(server.remoteId), remoteModifiedAt: Date.parse(server.modifiedGmt) };
    const stored = writeLocal(db, current, ids, now);
    writeBase(db, row.pk, { ...server, fields: options.ancestor }, now);
    setPostSync(db, row.pk, { state: 'pending', message: null }, now);
    return stored;
  }
  const next = applyFields(db, current, blogId, target, { remoteId: Number(server.remoteId), modifiedGmt: server.modifiedGmt });
  const stored = writeLocal(db, current, next, now);
  writeBase(db, row.pk, server, now);
  // Local edits not on the blog yet (a pull merged around them) keep the post "changed here".
  if (sameFields(target, server.fields)) markSynced(db, stored, now, options.open);
  else setPostSync(db, row.pk, { state: options.open ? 'pending' : 'synced', message: null }, now);
  return stored;
}

/** Gone from the blog (or in its trash): shown as such; the local text is never touched. */
export function markGone(db: DatabaseSync, post: Post, status: 'deleted' | 'trashed', now: number): void {
  if (post.status === status) return;
  writeLocal(db, post, { ...post, status }, now);
  const pk = requireRow(db, post.id).pk;
  const sync = readPostSync(db, pk);
  setPostSync(db, pk, { state: sync?.state === 'conflict' ? 'conflict' : 'synced', message: status === 'deleted' ? 'Deleted on the blog' : null }, now);
}

/** The post's remote id (a create of ours, found or made), with the blog's version as its base. */
export function adoptRemote(db: DatabaseSync, post: Post, server: ServerVersion, now: number): Post {
  const current = getPost(db, post.id);
  const stored = writeLocal(db, current, { ...current, remoteId: Number(server.remoteId), remoteModifiedAt: Date.parse(server.modifiedGmt) }, now);
  writeBase(db, requireRow(db, post.id).pk, server, now);
  return stored;
}
