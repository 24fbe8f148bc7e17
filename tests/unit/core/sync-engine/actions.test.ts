// requestAction writes the local change and its outbox row in ONE transaction (real SQLite, no network).
import { describe, expect, test } from 'vitest';
import { BlogError } from '../../../../electron/common/errors.ts';
import { addBlog } from '../../../../electron/core/library/blogs.ts';
import { SqlitePostStore } from '../../../../electron/core/posts/post-store.ts';
import { openDatabase, transaction } from '../../../../electron/core/storage/database.ts';
import { preflight, requestAction } from '../../../../electron/core/sync/engine/actions.ts';
import { listEntries } from '../../../../electron/core/sync/engine/store-outbox.ts';
import { upsertBlogSync } from '../../../../electron/core/sync/engine/store-sync.ts';
import { postSyncStates } from '../../../../electron/core/sync/engine/status.ts';
import { cursorFrom } from '../../../../electron/core/sync/engine/pull.ts';

function setup() {
  const db = openDatabase(':memory:');
  const blog = transaction(db, () => addBlog(db, { url: 'https://blogg.example', userName: 'anna' }, 1));
  transaction(db, () => upsertBlogSync(db, blog.id, 'https://blogg.example/wp-json/', 'blog:x:anna', 1));
  const posts = new SqlitePostStore(db);
  return { db, blog, posts };
}

describe('requestAction', () => {
  test('publish: the status, a revision and the outbox row commit together', () => {
    const { db, blog, posts } = setup();
    const post = posts.create({ blogId: blog.id, title: 'Hej', html: '<p>Text.</p>' });
    const { entry, post: after } = requestAction(db, post.id, 'publish', {}, 1_000);
    expect(after.status).toBe('published');
    expect(entry).toMatchObject({ action: 'publish', state: 'pending', postId: post.id, postTitle: 'Hej' });
    expect(posts.revisions(post.id).map((r) => r.reason)).toEqual(['publish']);
    expect(postSyncStates(db, [post.id])).toMatchObject([{ state: 'pending' }]);
    // The text did not change, so the editor's version did not either (its next save is not refused).
    expect(after.version).toBe(post.version);
  });

  test('if the outbox row cannot be written, the local change is rolled back too', () => {
    const { db, blog, posts } = setup();
    const post = posts.create({ blogId: blog.id, title: 'Hej', html: '<p>Text.</p>' });
    db.exec('ALTER TABLE outbox RENAME TO outbox_gone');
    expect(() => requestAction(db, post.id, 'publish', {}, 1_000)).toThrow(/nothing was saved/);
    db.exec('ALTER TABLE outbox_gone RENAME TO outbox');
    expect(posts.get(post.id).status).toBe('draft');
    expect(posts.revisions(post.id)).toEqual([]);
    expect(listEntries(db)).toEqual([]);
  });

  test('refusals change nothing: no blog, not connected, schedule without a date, update of a post not on the blog', () => {
    const { db, blog, posts } = setup();
    const loose = posts.create({ title: 'Utan blogg' });
    const other = transaction(db, () => addBlog(db, { url: 'https://annan.example', userName: 'anna' }, 1));
    const unconnected = posts.create({ blogId: other.id, title: 'Ej ansluten' });
    const post = posts.create({ blogId: blog.id, title: 'Ny' });
    for (const [id, action] of [[loose.id, 'publish'], [unconnected.id, 'publish'], [post.id, 'schedule'], [post.id, 'update']] as const) {
      expect(() => requestAction(db, id, action, {}, 1_000)).toThrow(BlogError);
    }
    expect(listEntries(db)).toEqual([]);
    expect(preflight(db, loose.id, 'publish', {}, 1_000).warnings).toEqual(['no-blog']);
    expect(preflight(db, unconnected.id, 'publish', {}, 1_000).warnings).toContain('not-connected');
    expect(preflight(db, post.id, 'schedule', { at: 500 }, 1_000).warnings).toEqual(expect.arrayContaining(['date-in-past', 'no-category']));
  });

  test('schedule: scheduled locally with its date; a date in the past publishes at once, as WordPress does', () => {
    const { db, blog, posts } = setup();
    const post = posts.create({ blogId: blog.id, title: 'Sen' });
    expect(requestAction(db, post.id, 'schedule', { at: 5_000 }, 1_000).post).toMatchObject({ status: 'scheduled', publishedAt: 5_000 });
    const old = posts.create({ blogId: blog.id, title: 'Tidigare' });
    expect(requestAction(db, old.id, 'schedule', { at: 500 }, 1_000).post).toMatchObject({ status: 'published', publishedAt: 500 });
  });
});

describe('pull cursor', () => {
  test('follows the blog clock minus the overlap, never moves back', () => {
    expect(cursorFrom('2026-01-01T10:00:10Z', '2026-01-01T09:00:00Z', null)).toBe('2026-01-01T10:00:07Z');
    expect(cursorFrom(null, '2026-01-01T09:00:00Z', null)).toBe('2026-01-01T08:59:57Z');
    expect(cursorFrom(null, null, '2026-01-01T08:00:00Z')).toBe('2026-01-01T08:00:00Z');
    expect(cursorFrom('2026-01-01T07:00:00Z', null, '2026-01-01T08:00:00Z')).toBe('2026-01-01T08:00:00Z');
  });
});
