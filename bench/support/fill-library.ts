import { join } from 'node:path';
import type { Post } from '../../electron/common/models.ts';
import { createStores, DATABASE_FILE } from '../../electron/core/core.ts';
import { optimizeSearchIndex } from '../../electron/core/library/search-index.ts';
import { writePost } from '../../electron/core/posts/post-writer.ts';
import { openDatabase, transaction } from '../../electron/core/storage/database.ts';
import { SYNTHETIC_CATEGORIES, loadSourceText, syntheticPosts, syntheticTags } from './synthetic-archive.ts';

/**
 * Fills a data dir's library with `size` seeded synthetic Swedish posts by the importers' bulk path (writePost,
 * 1,000 per transaction, one index merge at the end), then closes it, so a harness or the app can open it.
 * Returns the insert time in ms.
 */
export function fillLibrary(dataDir: string, size: number, seed: number): number {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const { library } = createStores(db, dataDir, { timeZone: 'Europe/Stockholm' });
    const source = loadSourceText();
    const blog = library.addBlog({ url: 'https://kommunbloggen.example', name: 'Kommunbloggen' });
    const categoryIds = SYNTHETIC_CATEGORIES.map((name) => library.createTerm({ blogId: blog.id, taxonomy: 'category', name }).id);
    const tagIds = syntheticTags(source).map((name) => library.createTerm({ blogId: blog.id, taxonomy: 'tag', name }).id);
    const posts = syntheticPosts(size, seed, source, blog.id, categoryIds, tagIds);
    const start = performance.now();
    for (let done = 0; done < size; done += 1_000) {
      transaction(db, () => {
        for (let i = 0; i < 1_000 && done + i < size; i++) writePost(db, posts.next().value as Post);
      });
    }
    transaction(db, () => optimizeSearchIndex(db));
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return performance.now() - start;
  } finally {
    db.close();
  }
}
