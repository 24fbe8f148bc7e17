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
  type PostSummary,
  type RevisionId,
  type RevisionReason,
  type RevisionSummary,
} from '../../common/models.ts';
import { carryTerms } from '../library/terms.ts';
import { transaction } from '../storage/database.ts';
import { stmt } from '../storage/statements.ts';
import { htmlToPlainText } from '../text/plain-text.ts';
import { SNIPPET_CHARS } from '../storage/migrations/002-post-snippets.ts';
import { type PostRow, findRow, getPost, loadPost, requireRow, summaryOf } from './post-row.ts';
import { checkFields } from './post-validate.ts';
import { erasePost, writePost } from './post-writer.ts';
import { PAUSE_MS, getRevision, listRevisions, revisionSummary, snapshot } from './revisions.ts';

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

const DEFAULT_LIST_LIMIT = 200;

/**
 * Durability of a save: the transaction commits with WAL + synchronous=FULL before `save` returns, so an
 * acknowledged save survives kill -9 and power loss (tests/unit/core/library/durability.test.ts). With the
 * renderer's autosave (renderer/src/posts/autosave.ts: handed over ≤ 500 ms after the first unsaved change),
 * a crash loses at most ~500 ms of typing plus one save (p95 a few ms; see `npm run bench library`).
 */
export class SqlitePostStore implements PostStore {
  private readonly db: DatabaseSync;
  private readonly clock: Clock;

  constructor(db: DatabaseSync, clock: Clock = monotonicClock()) {
    this.db = db;
    this.clock = clock;
  }

  list(query: ListPostsQuery = {}): PostSummary[] {
    const limit = Math.min(query.limit ?? DEFAULT_LIST_LIMIT, LIMITS.listLimit);
    const rows = stmt(this.db, `SELECT id, title, snippet, status, modified_at FROM posts ORDER BY modified_at DESC, id DESC LIMIT ?`).all(
      limit,
    ) as unknown as PostRow[];
    return rows.map(summaryOf);
  }

  get(id: PostId): Post {
    return getPost(this.db, id);
  }

  create(init: NewPost = {}): Post {
    checkFields(init);
    const now = this.clock();
    const post: Post = {
      id: randomUUID(),
      blogId: init.blogId ?? null,
      remoteId: null,
      title: init.title ?? '',
      html: init.html ?? '',
      editorState: init.editorState ?? null,
      slug: init.slug ?? '',
      excerpt: init.excerpt ?? '',
      status: 'draft',
      publishedAt: init.publishedAt ?? null,
      createdAt: now,
      modifiedAt: now,
      remoteModifiedAt: null,
      format: init.format ?? 'standard',
      featuredMediaId: init.featuredMediaId ?? null,
      commentStatus: init.commentStatus ?? 'open',
      sticky: init.sticky ?? false,
      categoryIds: init.categoryIds ?? [],
      tagIds: init.tagIds ?? [],
      mediaIds: init.mediaIds ?? [],
      version: 1,
    };
    return transaction(this.db, () => {
      writePost(this.db, post);
      return this.get(post.id);
    });
  }

  save(id: PostId, patch: PostPatch): Post {
    checkFields(patch);
    return transaction(this.db, () => {
      const row = requireRow(this.db, id);
      const current = loadPost(this.db, row);
      if (patch.baseVersion !== undefined && patch.baseVersion !== current.version) {
        throw new BlogError(
          'conflict',
          `The post was saved elsewhere in the meantime (version ${current.version}, this edit started from ${patch.baseVersion}).`,
        );
      }
      const now = this.clock();
      if (now - row.modified_at >= PAUSE_MS) snapshot(this.db, row, 'pause', now);
      const next = this.merge(current, patch, now);
      writePost(this.db, next, { row, post: current });
      return this.get(id);
    });
  }

  delete(id: PostId): void {
    transaction(this.db, () => {
      const row = findRow(this.db, id);
      if (!row) throw new BlogError('not-found', `There is no post with id ${JSON.stringify(id)}.`);
      erasePost(this.db, row.pk);
    });
  }

  /** A snapshot now (`manual`, or `publish`/`sync` from the sync engine before it overwrites). */
  takeRevision(id: PostId, reason: RevisionReason = 'manual'): RevisionSummary | null {
    return transaction(this.db, () => {
      const revision = snapshot(this.db, requireRow(this.db, id), reason, this.clock());
      return revision === null ? null : revisionSummary(this.db, revision);
    });
  }

  revisions(id: PostId): RevisionSummary[] {
    return listRevisions(this.db, requireRow(this.db, id).pk);
  }

  /** Puts a revision's text back as a new version, after snapshotting the text it replaces. */
  restore(id: PostId, revisionId: RevisionId, baseVersion?: number): Post {
    return transaction(this.db, () => {
      const row = requireRow(this.db, id);
      const revision = getRevision(this.db, revisionId);
      if (revision.postPk !== row.pk) throw new BlogError('invalid-argument', `Revision ${revisionId} is not a revision of this post.`);
      if (baseVersion !== undefined && baseVersion !== row.version) {
        throw new BlogError('conflict', `The post was saved elsewhere in the meantime (version ${row.version}, not ${baseVersion}).`);
      }
      const now = this.clock();
      snapshot(this.db, row, 'restore', now);
      const current = loadPost(this.db, row);
      const next = { ...current, title: revision.title, excerpt: revision.excerpt, html: revision.html, editorState: revision.editorState };
      writePost(this.db, { ...next, modifiedAt: now, version: current.version + 1 }, { row, post: current });
      return this.get(id);
    });
  }

  private merge(current: Post, patch: PostPatch, now: number): Post {
    let { blogId, categoryIds, tagIds } = current;
    if (patch.blogId !== undefined && patch.blogId !== current.blogId) {
      if (current.remoteId !== null) {
        throw new BlogError('invalid-argument', 'This post is on its blog already; it cannot be moved to another blog.');
      }
      blogId = patch.blogId;
      categoryIds = carryTerms(this.db, categoryIds, blogId, now);
      tagIds = carryTerms(this.db, tagIds, blogId, now);
    }
    return {
      ...current,
      blogId,
      title: patch.title ?? current.title,
      html: patch.html ?? current.html,
      editorState: patch.editorState === undefined ? current.editorState : patch.editorState,
      slug: patch.slug ?? current.slug,
      excerpt: patch.excerpt ?? current.excerpt,
      publishedAt: patch.publishedAt === undefined ? current.publishedAt : patch.publishedAt,
      format: patch.format ?? current.format,
      commentStatus: patch.commentStatus ?? current.commentStatus,
      sticky: patch.sticky ?? current.sticky,
      featuredMediaId: patch.featuredMediaId === undefined ? current.featuredMediaId : patch.featuredMediaId,
      categoryIds: patch.categoryIds ?? categoryIds,
      tagIds: patch.tagIds ?? tagIds,
      mediaIds: patch.mediaIds ?? current.mediaIds,
      modifiedAt: now,
      version: current.version + 1,
    };
  }
}

export function snippetOf(html: string): string {
  return htmlToPlainText(html).slice(0, SNIPPET_CHARS);
}

export function toSummary(post: Post): PostSummary {
  return { id: post.id, title: post.title, snippet: snippetOf(post.html), status: post.status, modifiedAt: post.modifiedAt };
}
