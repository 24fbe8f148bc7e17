/**
 * What the user asks of a post (publish, schedule, update, unpublish, make private, trash, save as draft),
 * recorded locally at once: the post's new status and date AND the outbox row, in ONE transaction — so the
 * local library and the queue can never disagree, whatever crashes. The network comes later (worker.ts).
 * Before a publish, the post's text is kept as a revision (`publish`).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ActionOptions, OutboxEntry, PostAction, Preflight, PreflightWarning } from '../../../common/api/sync.ts';
import { BlogError } from '../../../common/errors.ts';
import type { Post, PostStatus } from '../../../common/models.ts';
import { getPost, requireRow } from '../../posts/post-row.ts';
import { snapshot } from '../../posts/revisions.ts';
import { transaction } from '../../storage/database.ts';
import { stmt } from '../../storage/statements.ts';
import { diffTokens, toDoc } from './merge-blocks.ts';
import { localMediaRefs, mediaRemotes, mineOf } from './local-form.ts';
import { writeLocal } from './store-posts.ts';
import { enqueue, hasOpenRow, toEntry } from './store-outbox.ts';
import { deleteBase, findBlogSync, readBase, requireBlogSync, setPostSync } from './store-sync.ts';
import { refreshPostState } from './worker.ts';

const PUBLIC: readonly PostAction[] = ['publish', 'schedule', 'make-private'];

function statusAfter(action: PostAction, post: Post, at: number | undefined, now: number): PostStatus {
  switch (action) {
    case 'publish':
      return at !== undefined && at > now ? 'scheduled' : 'published';
    case 'schedule':
      return (at ?? post.publishedAt ?? now) > now ? 'scheduled' : 'published';
    case 'make-private':
      return 'private';
    case 'unpublish':
    case 'save-draft':
      return 'draft';
    case 'trash':
      return 'trashed';
    default:
      return post.status;
  }
}

export function requestAction(db: DatabaseSync, postId: string, action: PostAction, options: ActionOptions, now: number): { entry: OutboxEntry; post: Post } {
  return transaction(db, () => {
    const post = getPost(db, postId);
    if (post.blogId === null) throw new BlogError('invalid-argument', 'Choose the blog this post belongs to first.');
    requireBlogSync(db, post.blogId);
    const at = action === 'schedule' ? (options.at ?? post.publishedAt ?? undefined) : options.at;
    if (action === 'schedule' && at === undefined) throw new BlogError('invalid-argument', 'Scheduling needs the date and time to publish on.');
    if (action === 'update' && post.remoteId === null && !hasOpenRow(db, postId)) {
      throw new BlogError('invalid-argument', 'This post is not on the blog yet: publish it or save it there as a draft first.');
    }
    const row = requireRow(db, postId);
    let current = post;
    if (post.status === 'deleted' && action !== 'trash') {
      // Gone from the blog, asked for again: it goes up as a new post.
      deleteBase(db, row.pk);
      setPostSync(db, row.pk, { createSentAt: null, message: null }, now);
      stmt(db, 'UPDATE posts SET remote_id = NULL, remote_modified_at = NULL WHERE pk = ?').run(row.pk);
      current = getPost(db, postId);
    }
    if (action === 'publish') snapshot(db, row, 'publish', now);
    const status = statusAfter(action, current, at, now);
    const publishedAt = at !== undefined && (action === 'publish' || action === 'schedule') ? at : current.publishedAt;
    const stored = status !== current.status || publishedAt !== current.publishedAt ? writeLocal(db, current, { ...current, status, publishedAt }, now) : current;
    const queued = enqueue(db, { blogId: post.blogId, postId, action, params: at === undefined ? {} : { at } }, now);
    refreshPostState({ db, now: () => now }, postId);
    return { entry: toEntry(queued, stored.title), post: stored };
  });
}

export function preflight(db: DatabaseSync, postId: string, action: PostAction, options: ActionOptions, now: number): Preflight {
  const post = getPost(db, postId);
  const warnings: PreflightWarning[] = [];
  if (post.blogId === null) return { action, warnings: ['no-blog'], changedBlocks: null, mediaToUpload: 0 };
  const state = findBlogSync(db, post.blogId);
  if (!state) warnings.push('not-connected');
  else if (state.problem?.kind === 'offline') warnings.push('offline');
  if (PUBLIC.includes(action) && post.title.trim() === '') warnings.push('empty-title');
  if ((action === 'publish' || action === 'schedule') && post.categoryIds.length === 0) warnings.push('no-category');
  const media = [...localMediaRefs(post.html), ...(post.featuredMediaId ? [post.featuredMediaId] : [])];
  const uploaded = mediaRemotes(db, post.blogId, media);
  const mediaToUpload = new Set(media.filter((id) => !uploaded.get(id)?.remoteId)).size;
  if (mediaToUpload > 0) warnings.push('media-to-upload');
  const at = options.at ?? (action === 'schedule' ? post.publishedAt : null);
  if (action === 'schedule' && (at === null || at <= now)) warnings.push('date-in-past');
  const base = readBase(db, requireRow(db, postId).pk);
  let changedBlocks: number | null = null;
  if (base) {
    const from = toDoc(base.fields.content).tokens;
    const hunks = diffTokens(from, toDoc(mineOf(db, post).content).tokens);
    changedBlocks = hunks.reduce((n, h) => n + Math.max(h.end - h.start, h.tokens.length), 0);
  }
  return { action, warnings, changedBlocks, mediaToUpload };
}
