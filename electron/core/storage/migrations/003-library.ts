import { machineTimeZone, monthKey } from '../../library/time.ts';
import type { Migration } from './index.ts';

/**
 * The library's core tables: blogs (accounts), media, and posts rebuilt with every field a blog post has.
 *
 * Why the rebuild: posts get `pk INTEGER PRIMARY KEY`, a rowid that VACUUM never renumbers, so the search index
 * (FTS5 rowid) and the relation tables can point at it with small integers; the UUID `id` stays the public
 * identity. Small columns come first and the body last: reading `status` or `sort_date` must not walk a long
 * post's overflow pages.
 *
 * Room for sync: blog_id + remote_id (unique per blog), remote_modified_at, and `post_sync_base`, the remote
 * fields as last synced (the common ancestor of a three-way merge). The outbox comes with the sync engine.
 */
export const POST_FORMAT_SQL = `'standard','aside','chat','gallery','link','image','quote','status','video','audio'`;

export const migration003: Migration = {
  version: 3,
  name: 'library: blogs, media, posts with all fields, sync base',
  up(db) {
    db.exec(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE blogs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'wordpress' CHECK (kind IN ('wordpress')),
        url TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        user_name TEXT NOT NULL DEFAULT '',
        capabilities TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(capabilities)),
        time_zone TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (url, user_name)
      ) STRICT;

      CREATE TABLE media (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT UNIQUE CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
        size INTEGER,
        width INTEGER,
        height INTEGER,
        mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',
        file_name TEXT NOT NULL DEFAULT '',
        alt TEXT NOT NULL DEFAULT '',
        caption TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        modified_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE media_remote (
        media_pk INTEGER NOT NULL REFERENCES media(pk) ON DELETE CASCADE,
        blog_id TEXT NOT NULL REFERENCES blogs(id) ON DELETE CASCADE,
        remote_id INTEGER,
        url TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (media_pk, blog_id)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX media_remote_by_id ON media_remote (blog_id, remote_id) WHERE remote_id IS NOT NULL;
      CREATE INDEX media_remote_by_url ON media_remote (blog_id, url);

      CREATE TABLE posts_v3 (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        blog_id TEXT REFERENCES blogs(id),
        remote_id INTEGER,
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','pending','scheduled','published','private','trashed','deleted')),
        -- coalesce(published_at, created_at): the date archive views and filters use.
        sort_date INTEGER NOT NULL,
        -- year*100+month of sort_date on the wall clock of the blog's time zone (library's for unassigned).
        archive_month INTEGER NOT NULL,
        published_at INTEGER,
        created_at INTEGER NOT NULL,
        modified_at INTEGER NOT NULL,
        remote_modified_at INTEGER,
        version INTEGER NOT NULL DEFAULT 1,
        format TEXT NOT NULL DEFAULT 'standard' CHECK (format IN (${POST_FORMAT_SQL})),
        comment_status TEXT NOT NULL DEFAULT 'open' CHECK (comment_status IN ('open','closed')),
        sticky INTEGER NOT NULL DEFAULT 0 CHECK (sticky IN (0,1)),
        featured_media_pk INTEGER REFERENCES media(pk) ON DELETE SET NULL,
        slug TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        snippet TEXT NOT NULL DEFAULT '',
        excerpt TEXT NOT NULL DEFAULT '',
        html TEXT NOT NULL DEFAULT '',
        editor_state TEXT,
        CHECK (remote_id IS NULL OR blog_id IS NOT NULL)
      ) STRICT;
      INSERT INTO posts_v3 (id, status, sort_date, archive_month, created_at, modified_at, version, title, snippet, html, editor_state)
        SELECT id, status, created_at, 0, created_at, modified_at, version, title, snippet, html, editor_state
        FROM posts ORDER BY created_at, id;
      DROP TABLE posts;
      ALTER TABLE posts_v3 RENAME TO posts;

      CREATE INDEX posts_by_modified ON posts (modified_at DESC, id DESC);
      CREATE UNIQUE INDEX posts_by_remote_id ON posts (blog_id, remote_id) WHERE remote_id IS NOT NULL;
      CREATE INDEX posts_by_date ON posts (sort_date DESC, pk DESC);
      CREATE INDEX posts_by_month ON posts (archive_month, sort_date DESC, pk DESC);
      CREATE INDEX posts_by_status ON posts (status, sort_date DESC, pk DESC);
      CREATE INDEX posts_by_blog ON posts (blog_id, sort_date DESC, pk DESC);
      -- Covers "counts by month" without touching a row.
      CREATE INDEX posts_month_counts ON posts (archive_month, status, blog_id);
      -- Search checks each full-text hit against the filters here, by key, without reading the post's row
      -- (a page of body text per post): see library/search.ts.
      CREATE INDEX posts_filter ON posts (pk, status, blog_id, sort_date);
      -- Lets a media row be deleted (merged) without scanning every post for the foreign key.
      CREATE INDEX posts_by_featured_media ON posts (featured_media_pk);

      CREATE TABLE post_sync_base (
        post_pk INTEGER PRIMARY KEY REFERENCES posts(pk) ON DELETE CASCADE,
        remote_id INTEGER NOT NULL,
        remote_modified_at INTEGER,
        -- JSON: the blog's raw fields (content.raw, title.raw, excerpt.raw, slug, status, date_gmt, terms…).
        fields TEXT NOT NULL CHECK (json_valid(fields)),
        synced_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE post_media (
        post_pk INTEGER NOT NULL REFERENCES posts(pk) ON DELETE CASCADE,
        media_pk INTEGER NOT NULL REFERENCES media(pk) ON DELETE CASCADE,
        PRIMARY KEY (post_pk, media_pk)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX post_media_by_media ON post_media (media_pk);
    `);
    // Existing posts are unassigned drafts: their month follows the library's zone, which is this machine's.
    const zone = machineTimeZone();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('time_zone', ?)`).run(zone);
    const update = db.prepare('UPDATE posts SET archive_month = ? WHERE pk = ?');
    for (const row of db.prepare('SELECT pk, sort_date FROM posts').all() as { pk: number; sort_date: number }[]) {
      update.run(monthKey(row.sort_date, zone), row.pk);
    }
  },
};
