import type { Migration } from './index.ts';

/**
 * The sync outbox and each post's sync state (see electron/core/sync/engine/).
 *
 * outbox: one row per action that must reach a blog, written in the SAME transaction as the local change it
 * stands for, so a crash can never keep one without the other. A worker drains the rows of a blog in id order,
 * one at a time. States: pending → in-flight → done | failed (| back to pending with a next attempt time).
 * `attempts` counts tries that may have reached the server; it is bumped (and the row set in-flight) in a
 * committed transaction BEFORE the request leaves, so a crash mid-request is seen as "outcome unknown" on restart.
 * At most one pending row per post: a later request for the same post is folded into it (outbox-queue.ts).
 *
 * post_sync: what lists show next to a post (synced / pending / conflict / error) and the exactly-once marker
 * `create_sent_at`: set, committed, before the first create request for the post leaves; while it is set and the
 * post has no remote id, every attempt looks the post up by its client key before creating anything.
 */
export const migration007: Migration = {
  version: 7,
  name: 'sync: outbox and post sync state',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        blog_id TEXT NOT NULL REFERENCES blogs(id) ON DELETE CASCADE,
        post_id TEXT REFERENCES posts(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN
          ('publish','schedule','update','save-draft','unpublish','make-private','trash','upload-media','create-term')),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','in-flight','done','failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        -- The post's client key (its local UUID): names the provisional slug lh-<key> of a create.
        client_key TEXT,
        -- JSON: the action's options ({ at } for schedule).
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        last_error TEXT,
        error_kind TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        done_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_queue ON outbox (blog_id, state, id);
      CREATE INDEX outbox_by_post ON outbox (post_id, state);

      CREATE TABLE post_sync (
        post_pk INTEGER PRIMARY KEY REFERENCES posts(pk) ON DELETE CASCADE,
        state TEXT NOT NULL DEFAULT 'synced' CHECK (state IN ('synced','pending','conflict','error')),
        message TEXT,
        -- posts.modified_at as of the last sync write: a later modified_at means "changed here since".
        synced_at INTEGER,
        create_sent_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX post_sync_by_state ON post_sync (state) WHERE state != 'synced';
    `);
  },
};
