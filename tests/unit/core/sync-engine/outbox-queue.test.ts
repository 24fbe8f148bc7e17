// Queue discipline on real SQLite: one open row per post, folding, per-post order, conflicts hold a post.
import { describe, expect, test } from 'vitest';
import { addBlog } from '../../../../electron/core/library/blogs.ts';
import { openDatabase, transaction } from '../../../../electron/core/storage/database.ts';
import { SqlitePostStore } from '../../../../electron/core/posts/post-store.ts';
import { enqueue, nextRunnable, recoverInFlight, saveState } from '../../../../electron/core/sync/engine/store-outbox.ts';
import { start } from '../../../../electron/core/sync/engine/outbox-machine.ts';
import { writeConflict } from '../../../../electron/core/sync/engine/store-sync.ts';
import { parseFields } from '../../../../electron/core/sync/engine/fields.ts';

function setup() {
  const db = openDatabase(':memory:');
  const blog = transaction(db, () => addBlog(db, { url: 'https://blogg.example', userName: 'anna' }, 1));
  const posts = new SqlitePostStore(db);
  const a = posts.create({ blogId: blog.id, title: 'Ett' });
  const b = posts.create({ blogId: blog.id, title: 'Två' });
  const q = (postId: string, action: Parameters<typeof enqueue>[1]['action'], at?: number) =>
    transaction(db, () => enqueue(db, { blogId: blog.id, postId, action, params: at === undefined ? {} : { at } }, 10));
  return { db, blog, a, b, q };
}

describe('outbox queue', () => {
  test('a later request folds into the open row: the last status action wins, update rides along', () => {
    const { a, q } = setup();
    const first = q(a.id, 'publish');
    expect(q(a.id, 'update').id).toBe(first.id);
    expect(q(a.id, 'update').action).toBe('publish');
    const second = q(a.id, 'unpublish');
    expect(second).toMatchObject({ id: first.id, action: 'unpublish' });
    expect(q(a.id, 'schedule', 99)).toMatchObject({ id: first.id, action: 'schedule', params: { at: 99 } });
  });

  test('rows of one post run in order; other posts are not held up by it', () => {
    const { db, blog, a, b, q } = setup();
    const ra = q(a.id, 'publish');
    transaction(db, () => saveState(db, ra.id, start(ra), 11));
    const ra2 = q(a.id, 'update');
    expect(ra2.id).not.toBe(ra.id);
    const rb = q(b.id, 'publish');
    expect(nextRunnable(db, blog.id, 20)?.id).toBe(rb.id);
    // The crashed in-flight row of `a` comes back first; `a`'s second row waits behind it.
    expect(recoverInFlight(db, 30)).toBe(1);
    expect(nextRunnable(db, blog.id, 40)?.id).toBe(ra.id);
  });

  test('a row waits for its next attempt time, and a post in conflict is held', () => {
    const { db, blog, a, q } = setup();
    const row = q(a.id, 'publish');
    transaction(db, () => saveState(db, row.id, { ...row, nextAttemptAt: 100 }, 11));
    expect(nextRunnable(db, blog.id, 50)).toBeNull();
    expect(nextRunnable(db, blog.id, 100)?.id).toBe(row.id);
    const pk = (db.prepare('SELECT pk FROM posts WHERE id = ?').get(a.id) as { pk: number }).pk;
    const side = { remoteId: '5', modifiedGmt: '2026-01-01T00:00:00Z', fields: parseFields({}) };
    transaction(db, () => writeConflict(db, { postPk: pk, blogId: blog.id, detectedAt: 1, base: side, mine: side.fields, theirs: side, conflictingBlocks: 1 }));
    expect(nextRunnable(db, blog.id, 100)).toBeNull();
  });
});
