import type { Migration } from './index.ts';

/**
 * Snapshots of a post (see posts/revisions.ts for when they are taken and how they are pruned). A revision is
 * a full copy, not a diff: restoring must work even if every other revision was pruned.
 */
export const migration005: Migration = {
  version: 5,
  name: 'revisions',
  up(db) {
    db.exec(`
      CREATE TABLE revisions (
        pk INTEGER PRIMARY KEY,
        post_pk INTEGER NOT NULL REFERENCES posts(pk) ON DELETE CASCADE,
        reason TEXT NOT NULL CHECK (reason IN ('pause','publish','sync','restore','manual')),
        created_at INTEGER NOT NULL,
        post_version INTEGER NOT NULL,
        words INTEGER NOT NULL,
        -- Of title, excerpt, html, editor_state: a snapshot equal to the newest one is not stored twice.
        content_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        html TEXT NOT NULL,
        editor_state TEXT
      ) STRICT;
      CREATE INDEX revisions_by_post ON revisions (post_pk, created_at DESC, pk DESC);
    `);
  },
};
