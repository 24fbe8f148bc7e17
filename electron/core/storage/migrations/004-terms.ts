import type { Migration } from './index.ts';

/**
 * Categories (hierarchical) and tags, per blog (blog_id NULL: terms of unassigned drafts). A term made
 * offline has remote_id NULL until sync creates it on the blog.
 *
 * post_terms carries a copy of the post's sort_date so that "posts with this term, newest first" is a range of
 * one index, whatever the term's size; the post store keeps the copy in step inside the same transaction.
 */
export const migration004: Migration = {
  version: 4,
  name: 'terms: categories and tags',
  up(db) {
    db.exec(`
      CREATE TABLE terms (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        blog_id TEXT REFERENCES blogs(id) ON DELETE CASCADE,
        taxonomy TEXT NOT NULL CHECK (taxonomy IN ('category','tag')),
        remote_id INTEGER,
        parent_pk INTEGER REFERENCES terms(pk) ON DELETE SET NULL,
        name TEXT NOT NULL,
        slug TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        modified_at INTEGER NOT NULL,
        CHECK (parent_pk IS NULL OR taxonomy = 'category'),
        CHECK (remote_id IS NULL OR blog_id IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX terms_by_slug ON terms (ifnull(blog_id, ''), taxonomy, slug);
      CREATE UNIQUE INDEX terms_by_remote_id ON terms (blog_id, taxonomy, remote_id) WHERE remote_id IS NOT NULL;
      CREATE INDEX terms_by_parent ON terms (parent_pk);

      CREATE TABLE post_terms (
        term_pk INTEGER NOT NULL REFERENCES terms(pk) ON DELETE CASCADE,
        sort_date INTEGER NOT NULL,
        post_pk INTEGER NOT NULL REFERENCES posts(pk) ON DELETE CASCADE,
        PRIMARY KEY (term_pk, sort_date, post_pk)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX post_terms_by_post ON post_terms (post_pk, term_pk);
    `);
  },
};
