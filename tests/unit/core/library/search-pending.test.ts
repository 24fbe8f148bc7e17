// Deferred search rows (library/search-index.ts): a first pull writes posts without them and marks the index
// pending in the same transaction. Search never misses such a post (it completes the index first), the rows are
// written a chunk at a time after the pull, and a library closed half-way (a crash) finishes them on opening.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Post } from '../../../../electron/common/models.ts';
import { DATABASE_FILE } from '../../../../electron/core/core.ts';
import { search } from '../../../../electron/core/library/search.ts';
import { indexIsPending, indexPending, markIndexPending } from '../../../../electron/core/library/search-index.ts';
import { writePost } from '../../../../electron/core/posts/post-writer.ts';
import { openDatabase, transaction } from '../../../../electron/core/storage/database.ts';
import { indexLater } from '../../../../electron/core/sync/engine/pull.ts';
import { freshCore, tempDir } from './support/core.ts';

function post(i: number): Post {
  return {
    id: crypto.randomUUID(), blogId: null, remoteId: null, title: `Inlägg ${i}`, html: `<p>Kommunens budget, del ${i}: älgstammen.</p>`,
    editorState: null, slug: '', excerpt: '', status: 'draft', publishedAt: null, createdAt: 1_700_000_000_000 + i, modifiedAt: 1_700_000_000_000 + i,
    remoteModifiedAt: null, featuredMediaId: null, format: 'standard', commentStatus: 'open', sticky: false, categoryIds: [], tagIds: [], mediaIds: [], version: 1,
  };
}

/** As a first pull writes a page: posts without search rows, the mark in the same transaction. */
function writeUnindexed(db: ReturnType<typeof openDatabase>, from: number, count: number): void {
  transaction(db, () => {
    markIndexPending(db);
    for (let i = from; i < from + count; i++) writePost(db, post(i), undefined, { index: false });
  });
}

const ftsRows = (db: ReturnType<typeof openDatabase>) => (db.prepare('SELECT count(*) AS n FROM post_fts').get() as { n: number }).n;

describe('deferred search rows', () => {
  test('search completes the pending rows first: no post is missed; the mark is cleared', () => {
    const db = openDatabase(join(tempDir(), 'l.sqlite'));
    writeUnindexed(db, 0, 30);
    expect(ftsRows(db)).toBe(0);
    expect(indexIsPending(db)).toBe(true);
    expect(search(db, { text: 'älgstammen' }).total).toBe(30);
    expect(ftsRows(db)).toBe(30);
    expect(indexIsPending(db)).toBe(false);
    // Accent-insensitive index (external content over post_fts) agrees.
    expect(search(db, { text: 'algstammen', accentInsensitive: true }).total).toBe(30);
    db.close();
  });

  test('chunks: the mark stays until the last chunk', () => {
    const db = openDatabase(join(tempDir(), 'l.sqlite'));
    writeUnindexed(db, 0, 25);
    expect(transaction(db, () => indexPending(db, 10))).toBe(10);
    expect(indexIsPending(db)).toBe(true);
    expect(transaction(db, () => indexPending(db, 10))).toBe(10);
    expect(transaction(db, () => indexPending(db, 10))).toBe(5);
    expect(indexIsPending(db)).toBe(false);
    expect(ftsRows(db)).toBe(25);
    expect(transaction(db, () => indexPending(db, 10))).toBe(0);
    db.close();
  });

  test('a post edited while pending is indexed once, with its new text', () => {
    const db = openDatabase(join(tempDir(), 'l.sqlite'));
    writeUnindexed(db, 0, 3);
    const first = db.prepare('SELECT id FROM posts ORDER BY pk LIMIT 1').get() as { id: string };
    const row = db.prepare('SELECT * FROM posts WHERE id = ?').get(first.id) as never;
    transaction(db, () => writePost(db, { ...post(0), id: first.id, title: 'Omskrivet om skolan' }, { row, post: { ...post(0), id: first.id } }));
    expect(search(db, { text: 'skolan' }).total).toBe(1);
    expect(ftsRows(db)).toBe(3);
    db.close();
  });

  test('indexLater writes the rows in the background; a library closed half-way finishes them when opened', async () => {
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    writeUnindexed(db, 0, 450);
    let closed = false;
    indexLater(db, () => closed);
    await new Promise((resolve) => setTimeout(resolve, 0));
    closed = true; // the app stops after the first chunk
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ftsRows(db)).toBe(200);
    expect(indexIsPending(db)).toBe(true);
    db.close();

    const core = freshCore({ dataDir }); // opening the library (the sync engine) resumes it
    await expect.poll(async () => (await core.api.search({ text: 'älgstammen', limit: 1 })).total, { timeout: 5_000 }).toBe(450);
    const again = openDatabase(join(dataDir, DATABASE_FILE));
    expect(ftsRows(again)).toBe(450);
    expect(indexIsPending(again)).toBe(false);
    again.close();
  });
});
