import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../common/errors.ts';
import {
  LIMITS,
  type ListPostsQuery,
  type NewPost,
  type Post,
  type PostId,
  type PostPatch,
  type PostStatus,
  type PostSummary,
} from '../../common/models.ts';
import { SNIPPET_CHARS } from '../storage/migrations/002-post-snippets.ts';
import { transaction } from '../storage/database.ts';
import { htmlToPlainText } from '../text/plain-text.ts';

/** Storage of posts. Every method is one transaction; a returned promise means the change is durable. */
export interface PostStore {
  list(query?: ListPostsQuery): PostSummary[];
  get(id: PostId): Post;
  create(init?: NewPost): Post;
  save(id: PostId, patch: PostPatch): Post;
  delete(id: PostId): void;
}

/** Milliseconds since the epoch, strictly increasing within a process so "last modified" never ties. */
export type Clock = () => number;

export function monotonicClock(now: () => number = Date.now): Clock {
  let last = 0;
  return () => {
    last = Math.max(now(), last + 1);
    return last;
  };
}

interface PostRow {
  id: string;
  title: string;
  html: string;
  editor_state: string | null;
  status: PostStatus;
  created_at: number;
  modified_at: number;
  version: number;
}

const DEFAULT_LIST_LIMIT = 200;

export class SqlitePostStore implements PostStore {
  private readonly db: DatabaseSync;
  private readonly clock: Clock;

  constructor(db: DatabaseSync, clock: Clock = monotonicClock()) {
    this.db = db;
    this.clock = clock;
  }

  list(query: ListPostsQuery = {}): PostSummary[] {
    const limit = Math.min(query.limit ?? DEFAULT_LIST_LIMIT, LIMITS.listLimit);
    const rows = this.db
      .prepare(
        `SELECT id, title, snippet, status, modified_at FROM posts
         ORDER BY modified_at DESC, id DESC LIMIT ?`,
      )
      .all(limit) as unknown as { id: string; title: string; snippet: string; status: PostStatus; modified_at: number }[];
    return rows.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet, status: r.status, modifiedAt: r.modified_at }));
  }

  get(id: PostId): Post {
    return toPost(this.requireRow(id));
  }

  create(init: NewPost = {}): Post {
    checkContent(init);
    const id = randomUUID();
    const now = this.clock();
    const html = init.html ?? '';
    transaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO posts (id, title, html, editor_state, snippet, status, created_at, modified_at, version)
           VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, 1)`,
        )
        .run(id, init.title ?? '', html, init.editorState ?? null, snippetOf(html), now, now);
    });
    return this.get(id);
  }

  save(id: PostId, patch: PostPatch): Post {
    checkContent(patch);
    transaction(this.db, () => {
      const current = this.requireRow(id);
      if (patch.baseVersion !== undefined && patch.baseVersion !== current.version) {
        throw new BlogError(
          'conflict',
          `The post was saved elsewhere in the meantime (version ${current.version}, this edit started from ${patch.baseVersion}).`,
        );
      }
      const html = patch.html ?? current.html;
      this.db
        .prepare(
          `UPDATE posts SET title = ?, html = ?, editor_state = ?, snippet = ?, modified_at = ?, version = version + 1
           WHERE id = ?`,
        )
        .run(
          patch.title ?? current.title,
          html,
          patch.editorState === undefined ? current.editor_state : patch.editorState,
          snippetOf(html),
          this.clock(),
          id,
        );
    });
    return this.get(id);
  }

  delete(id: PostId): void {
    transaction(this.db, () => {
      const result = this.db.prepare('DELETE FROM posts WHERE id = ?').run(id);
      if (result.changes === 0) throw notFound(id);
    });
  }

  private requireRow(id: PostId): PostRow {
    if (typeof id !== 'string') throw new BlogError('invalid-argument', 'A post id must be a string.');
    const row = this.db.prepare('SELECT * FROM posts WHERE id = ?').get(id) as PostRow | undefined;
    if (!row) throw notFound(id);
    return row;
  }
}

function notFound(id: PostId): BlogError {
  return new BlogError('not-found', `There is no post with id ${JSON.stringify(id)}.`);
}

function snippetOf(html: string): string {
  return htmlToPlainText(html).slice(0, SNIPPET_CHARS);
}

/** Storage re-checks what the IPC boundary checked: core is also called by the CLI and by tests directly. */
function checkContent(input: NewPost | PostPatch): void {
  const { title, html, editorState } = input;
  if (title !== undefined && typeof title !== 'string') throw new BlogError('invalid-argument', 'title must be a string');
  if (html !== undefined && typeof html !== 'string') throw new BlogError('invalid-argument', 'html must be a string');
  if (editorState !== undefined && editorState !== null && typeof editorState !== 'string') {
    throw new BlogError('invalid-argument', 'editorState must be a string or null');
  }
  if (title !== undefined && title.length > LIMITS.titleChars) {
    throw new BlogError('invalid-argument', `title: too long (${title.length} characters, at most ${LIMITS.titleChars})`);
  }
  if (html !== undefined && html.length > LIMITS.htmlChars) {
    throw new BlogError('invalid-argument', `html: too long (${html.length} characters, at most ${LIMITS.htmlChars})`);
  }
  if (typeof editorState === 'string' && editorState.length > LIMITS.editorStateChars) {
    throw new BlogError('invalid-argument', 'editorState: too long');
  }
}

function toPost(row: PostRow): Post {
  return {
    id: row.id,
    title: row.title,
    html: row.html,
    editorState: row.editor_state,
    status: row.status,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    version: row.version,
  };
}

export function toSummary(post: Post): PostSummary {
  return { id: post.id, title: post.title, snippet: snippetOf(post.html), status: post.status, modifiedAt: post.modifiedAt };
}
