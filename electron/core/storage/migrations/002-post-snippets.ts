import { htmlToPlainText } from '../../text/plain-text.ts';
import type { Migration } from './index.ts';

/** The post list shows a snippet; keeping it in a column means listing never reads a body. */
export const SNIPPET_CHARS = 200;

export const migration002: Migration = {
  version: 2,
  name: 'post snippets',
  up(db) {
    db.exec(`ALTER TABLE posts ADD COLUMN snippet TEXT NOT NULL DEFAULT ''`);
    const update = db.prepare('UPDATE posts SET snippet = ? WHERE id = ?');
    for (const row of db.prepare('SELECT id, html FROM posts').iterate() as Iterable<{ id: string; html: string }>) {
      update.run(htmlToPlainText(row.html).slice(0, SNIPPET_CHARS), row.id);
    }
  },
};
