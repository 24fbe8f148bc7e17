import type { Migration } from './index.ts';

export const migration001: Migration = {
  version: 1,
  name: 'posts',
  up(db) {
    db.exec(`
      CREATE TABLE posts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        html TEXT NOT NULL DEFAULT '',
        editor_state TEXT,
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','pending','scheduled','published','private','trashed','deleted')),
        created_at INTEGER NOT NULL,
        modified_at INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX posts_by_modified ON posts (modified_at DESC, id DESC);
    `);
  },
};
