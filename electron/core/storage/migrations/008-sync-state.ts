import type { Migration } from './index.ts';

/**
 * Per-blog sync state and conflict records (see electron/core/sync/engine/).
 *
 * blog_sync: a connected blog (its REST root; the password lives in the SecretStore, never here), the pull
 * cursor (`modified_after` of the next incremental pull, UTC ISO), the resumable first pull, the last id sweep
 * and the last problem, as the status bar shows it.
 *
 * sync_conflicts: a post whose local and web edits overlap. base, mine and theirs are kept whole (JSON of the
 * remote fields) until the user resolves it; nothing in a conflict is ever overwritten by a sync.
 */
export const migration008: Migration = {
  version: 8,
  name: 'sync: blog state and conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE blog_sync (
        blog_id TEXT PRIMARY KEY REFERENCES blogs(id) ON DELETE CASCADE,
        rest_root TEXT NOT NULL,
        account TEXT NOT NULL,
        pull_cursor TEXT,
        first_pull_done INTEGER NOT NULL DEFAULT 0 CHECK (first_pull_done IN (0,1)),
        first_pull_page INTEGER NOT NULL DEFAULT 1,
        first_pull_started TEXT,
        last_sweep_at INTEGER,
        last_success_at INTEGER,
        last_attempt_at INTEGER,
        syncs_since_sweep INTEGER NOT NULL DEFAULT 0,
        problem_kind TEXT CHECK (problem_kind IS NULL OR problem_kind IN ('offline','re-authenticate','server-error','rate-limited')),
        problem_message TEXT,
        connected_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sync_conflicts (
        post_pk INTEGER PRIMARY KEY REFERENCES posts(pk) ON DELETE CASCADE,
        blog_id TEXT NOT NULL REFERENCES blogs(id) ON DELETE CASCADE,
        detected_at INTEGER NOT NULL,
        base TEXT NOT NULL CHECK (json_valid(base)),
        mine TEXT NOT NULL CHECK (json_valid(mine)),
        theirs TEXT NOT NULL CHECK (json_valid(theirs)),
        conflicting_blocks INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sync_conflicts_by_blog ON sync_conflicts (blog_id, detected_at);
    `);
  },
};
