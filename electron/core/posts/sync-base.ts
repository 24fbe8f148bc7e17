import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../common/errors.ts';
import type { Post, PostId } from '../../common/models.ts';
import { transaction } from '../storage/database.ts';
import { stmt } from '../storage/statements.ts';
import { getPost, loadPost, requireRow } from './post-row.ts';
import { writePost } from './post-writer.ts';
import { snapshot } from './revisions.ts';

/**
 * What the sync engine (a later issue) stands on: per post, the blog's raw fields as they were at the last
 * successful sync — the common ancestor of a three-way merge — and a way to overwrite the local post with the
 * blog's version that snapshots the local text first. Nothing in the UI calls this directly.
 */
export interface SyncBase {
  readonly remoteId: number;
  readonly remoteModifiedAt: number | null;
  /** content.raw, title.raw, excerpt.raw, slug, status, date_gmt, categories, tags, … as the blog sent them. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly syncedAt: number;
}

export function getSyncBase(db: DatabaseSync, id: PostId): SyncBase | null {
  const { pk } = requireRow(db, id);
  const row = stmt(db, 'SELECT remote_id, remote_modified_at, fields, synced_at FROM post_sync_base WHERE post_pk = ?').get(pk) as
    | { remote_id: number; remote_modified_at: number | null; fields: string; synced_at: number }
    | undefined;
  if (!row) return null;
  return {
    remoteId: row.remote_id,
    remoteModifiedAt: row.remote_modified_at,
    fields: JSON.parse(row.fields) as Record<string, unknown>,
    syncedAt: row.synced_at,
  };
}

function writeSyncBase(db: DatabaseSync, pk: number, base: SyncBase): void {
  stmt(
    db,
    `INSERT INTO post_sync_base (post_pk, remote_id, remote_modified_at, fields, synced_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (post_pk) DO UPDATE SET remote_id = excluded.remote_id, remote_modified_at = excluded.remote_modified_at,
       fields = excluded.fields, synced_at = excluded.synced_at`,
  ).run(pk, base.remoteId, base.remoteModifiedAt, JSON.stringify(base.fields), base.syncedAt);
}

/** Fields of a post the blog decides; everything else keeps its local value. */
export type RemoteVersion = Partial<Omit<Post, 'id' | 'createdAt' | 'modifiedAt' | 'version'>> & {
  readonly remoteId: number;
  readonly blogId: string;
};

/**
 * Overwrites the local post with the blog's version, in one transaction with its new sync base. The local text
 * is snapshotted first (`publish` when this makes the post published, `sync` otherwise), so nothing written
 * here is ever lost to a sync.
 */
export function applyRemote(db: DatabaseSync, id: PostId, remote: RemoteVersion, base: SyncBase, now: number): Post {
  return transaction(db, () => {
    const row = requireRow(db, id);
    if (row.blog_id !== null && row.blog_id !== remote.blogId) {
      throw new BlogError('invalid-argument', 'The remote version belongs to another blog than the post.');
    }
    const current = loadPost(db, row);
    const publishing = remote.status === 'published' && current.status !== 'published';
    snapshot(db, row, publishing ? 'publish' : 'sync', now);
    const pk = writePost(db, { ...current, ...remote, modifiedAt: now, version: current.version + 1 }, { row, post: current });
    writeSyncBase(db, pk, base);
    return getPost(db, id);
  });
}
