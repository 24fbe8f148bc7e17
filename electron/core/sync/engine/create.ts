/**
 * Putting a post on the blog exactly once. WordPress has no idempotency keys, so:
 *
 * 1. Before the first create leaves, post_sync.create_sent_at is committed. From then on, until the post has a
 *    remote id, every attempt first LOOKS UP the post by its client key (its local UUID, the provisional slug
 *    `lh-<uuid>`): a create whose answer was lost (dropped, reset, timed out, 5xx after the commit) is found and
 *    adopted, never made again.
 * 2. The create is always a DRAFT named `lh-<uuid>`; the remote id and the blog's version (as the sync base)
 *    commit in one transaction as soon as the answer arrives.
 * 3. Publishing is an UPDATE of that draft (status, real slug or '' to derive it, date): repeating an update is
 *    harmless.
 * 4. WordPress 6.1 makes draft slugs unique over REST, so if a retried create did land twice, the look-up finds
 *    `lh-<uuid>` and `lh-<uuid>-2`: the oldest is kept, the others trashed. While create_sent_at stays set (an
 *    attempt's outcome was unknown), the entry ends with one more look-up that trashes any straggler; a create
 *    that succeeded at the first try clears it, so the usual path costs no extra request.
 */
import { requireRow } from '../../posts/post-row.ts';
import type { Post } from '../../../common/models.ts';
import { BlogError } from '../../../common/errors.ts';
import { transaction } from '../../storage/database.ts';
import type { PostInput, RemotePost } from '../adapter.ts';
import type { BlogContext } from './context.ts';
import { LOCAL_REF, type RemoteFields, versionOf } from './fields.ts';
import { adoptRemote } from './store-posts.ts';
import { readPostSync, setPostSync } from './store-sync.ts';

export interface Created {
  readonly post: Post;
  readonly fresh: RemotePost;
}

export async function ensureCreated(ctx: BlogContext, post: Post, mine: RemoteFields): Promise<Created> {
  const { db, adapter } = ctx;
  const pk = requireRow(db, post.id).pk;
  const sentBefore = readPostSync(db, pk)?.createSentAt ?? null;
  if (sentBefore !== null) {
    const found = await adapter.findPostsByClientKey(post.id);
    if (found.length > 0) {
      const [keep, ...extra] = found as [RemotePost, ...RemotePost[]];
      for (const duplicate of extra) await removeDuplicate(ctx, duplicate.id);
      const adopted = transaction(db, () => adoptRemote(db, post, versionOf(keep), ctx.now()));
      return { post: adopted, fresh: keep };
    }
  }
  transaction(db, () => setPostSync(db, pk, { createSentAt: ctx.now(), state: 'pending' }, ctx.now()));
  const created = await adapter.createPost(inputOf(mine), post.id);
  const adopted = transaction(db, () => {
    const stored = adoptRemote(db, post, versionOf(created), ctx.now());
    // A first-try success leaves nothing to clean up; after an unknown outcome the final look-up still runs.
    if (sentBefore === null) setPostSync(db, pk, { createSentAt: null }, ctx.now());
    return stored;
  });
  return { post: adopted, fresh: created };
}

/** After the entry's last step: trashes every other post still carrying this post's client key. */
export async function finishCreate(ctx: BlogContext, post: Post): Promise<void> {
  const pk = requireRow(ctx.db, post.id).pk;
  if ((readPostSync(ctx.db, pk)?.createSentAt ?? null) === null || post.remoteId === null) return;
  const found = await ctx.adapter.findPostsByClientKey(post.id);
  for (const other of found) if (other.id !== String(post.remoteId)) await removeDuplicate(ctx, other.id);
  transaction(ctx.db, () => setPostSync(ctx.db, pk, { createSentAt: null }, ctx.now()));
}

async function removeDuplicate(ctx: BlogContext, remoteId: string): Promise<void> {
  await ctx.adapter.trashPost(remoteId);
  ctx.tally.duplicatesRemoved++;
}

/** What a create sends: the text and metadata, never status or slug (the adapter makes it an `lh-` draft). */
export function inputOf(fields: RemoteFields): PostInput {
  return {
    title: fields.title,
    content: fields.content,
    excerpt: fields.excerpt,
    categories: remoteIds(fields.categories),
    tags: remoteIds(fields.tags),
    ...(fields.featuredMedia === null ? {} : { featuredMedia: remoteIds([fields.featuredMedia])[0]! }),
    commentStatus: fields.commentStatus,
    sticky: fields.sticky,
    format: fields.format,
  };
}

/** Ids that must be on the blog by now (terms and media go up before the post). */
export function remoteIds(ids: readonly string[]): string[] {
  const local = ids.find((id) => id.startsWith(LOCAL_REF));
  if (local) throw new BlogError('internal', `A category, tag or image (${local}) was not on the blog before its post was sent.`);
  return [...ids];
}
