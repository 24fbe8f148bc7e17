/** What the status bar and `longhand status` show per blog, and what lists show per post. */
import type { DatabaseSync } from 'node:sqlite';
import type { BlogSyncStatus, PostSyncInfo } from '../../../common/api/sync.ts';
import { stmt } from '../../storage/statements.ts';
import { countByState } from './store-outbox.ts';
import { type BlogSyncRow, countConflicts } from './store-sync.ts';

export function blogStatus(db: DatabaseSync, row: BlogSyncRow, syncing: boolean, weakSecretStorage: boolean): BlogSyncStatus {
  const { open, failed } = countByState(db, row.blogId);
  return {
    blogId: row.blogId,
    online: row.problem?.kind !== 'offline',
    syncing,
    lastSyncAt: row.lastSuccessAt,
    outbox: open,
    conflicts: countConflicts(db, row.blogId),
    failed,
    problem: row.problem,
    weakSecretStorage,
  };
}

/**
 * Per post: the stored state (synced / pending / conflict / error), whether it changed here since its last sync
 * (posts.modified_at > post_sync.synced_at), and 'local' for a post that was never on a blog.
 */
export function postSyncStates(db: DatabaseSync, postIds: readonly string[]): PostSyncInfo[] {
  if (postIds.length === 0) return [];
  const rows = stmt(
    db,
    `SELECT p.id, p.remote_id, p.blog_id, p.modified_at, p.status, s.state, s.message, s.synced_at
     FROM posts p LEFT JOIN post_sync s ON s.post_pk = p.pk WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(postIds)) as {
    id: string;
    remote_id: number | null;
    blog_id: string | null;
    modified_at: number;
    status: string;
    state: PostSyncInfo['state'] | null;
    message: string | null;
    synced_at: number | null;
  }[];
  return rows.map((r) => ({
    postId: r.id,
    state: r.state ?? (r.remote_id === null ? 'local' : 'synced'),
    changedHere: r.remote_id !== null && (r.synced_at === null || r.modified_at > r.synced_at),
    deletedOnBlog: r.status === 'deleted',
    message: r.message,
  }));
}
