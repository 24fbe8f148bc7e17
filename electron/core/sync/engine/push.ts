/**
 * Running one outbox entry for a post. Steps, each safe to repeat after a failure at any point:
 *
 * 1. terms and media the post uses go up first (terms-sync.ts, media-sync.ts: found again, never made twice);
 * 2. a post not on the blog is created exactly once (create.ts);
 * 3. NEVER OVERWRITE A WEB EDIT: the server's current version is fetched and merged three-way with the sync base
 *    and the local post (merge.ts). Only the web changed → the local post takes it (nothing of ours to send but
 *    the action); both changed, apart → the merge goes up; both changed the same block → the post is put in
 *    conflict, with base, mine and theirs kept, and the entry waits for the user;
 * 4. one update with just the fields that differ from the server (plus the action's status, slug and date),
 *    or the trash request; its answer becomes the new sync base (WordPress moved modified_gmt).
 * The window between the GET of step 3 and the update is small but real, and WordPress' REST API has no
 * conditional update to close it: race.ts checks the post's revisions after the update and, when a web edit
 * slipped in, puts it back and runs step 3 again against it.
 */
import type { Post } from '../../../common/models.ts';
import { findRow, getPost } from '../../posts/post-row.ts';
import { transaction } from '../../storage/database.ts';
import type { PostPatch } from '../adapter.ts';
import { type BlogContext, reading } from './context.ts';
import { ensureCreated, finishCreate, remoteIds } from './create.ts';
import { type RemoteFields, type ServerVersion, isProvisionalSlug, isoOf, versionOf } from './fields.ts';
import { localMediaRefs, mineOf } from './local-form.ts';
import { mergeFields, patchOf } from './merge.ts';
import { pushMedia } from './media-sync.ts';
import { land, markGone } from './store-posts.ts';
import type { OutboxRow } from './store-outbox.ts';
import { checkUpdate } from './race.ts';
import { type StoredBase, readBase, setPostSync, writeConflict } from './store-sync.ts';
import { pushTerms } from './terms-sync.ts';

export type EntryOutcome = { readonly kind: 'done' } | { readonly kind: 'conflict' } | { readonly kind: 'failed'; readonly message: string };

const STATUS_ACTIONS = new Set(['publish', 'schedule', 'make-private', 'unpublish', 'save-draft']);

export async function runEntry(ctx: BlogContext, row: OutboxRow): Promise<EntryOutcome> {
  const { db, adapter, blogId } = ctx;
  if (row.postId === null || !findRow(db, row.postId)) return { kind: 'done' };
  let post = getPost(db, row.postId);
  if (post.blogId !== blogId) return { kind: 'failed', message: 'The post belongs to another blog now.' };
  if (row.action === 'trash' && post.remoteId === null) return { kind: 'done' };

  await pushTerms(db, adapter, blogId, [...post.categoryIds, ...post.tagIds], ctx.now);
  const media = [...localMediaRefs(post.html), ...(post.featuredMediaId ? [post.featuredMediaId] : [])];
  if (media.length > 0) {
    ctx.progress({ phase: 'media', done: 0, total: media.length, current: post.title });
    ctx.tally.mediaChanged += (await pushMedia(db, ctx.dataDir, adapter, blogId, media, ctx.now)).uploaded;
  }
  post = getPost(db, post.id);

  let server: ServerVersion | null;
  let rawSlug = '';
  if (post.remoteId === null) {
    const created = await ensureCreated(ctx, post, mineOf(db, post));
    post = created.post;
    server = versionOf(created.fresh);
    rawSlug = created.fresh.slug;
  } else {
    const remote = await adapter.getPost(String(post.remoteId));
    server = remote && versionOf(remote);
    rawSlug = remote?.slug ?? '';
  }
  if (server === null) {
    transaction(db, () => markGone(db, post, 'deleted', ctx.now()));
    ctx.tally.deletedOnBlog++;
    ctx.tally.changedPosts.add(post.id);
    return row.action === 'trash' ? { kind: 'done' } : { kind: 'failed', message: 'The post was deleted on the blog. Publish it again to put it back as a new post.' };
  }

  const pk = findRow(db, post.id)!.pk;
  const base = readBase(db, pk) ?? server;
  const mine = mineOf(db, post);
  for (let attempt = 1; ; attempt++) {
    const merge = mergeFields(base.fields, mine, server.fields);
    if (merge.merged === null) return inConflict(ctx, pk, base, mine, server, merge);
    const target = withAction(merge.merged, row, post, ctx.now());
    let result: ServerVersion = server;
    let sentText = false;
    if (row.action === 'trash') {
      if (server.fields.status !== 'trash') result = versionOf(await adapter.trashPost(server.remoteId));
    } else {
      const patch = toPatch(server.fields, target, row.action, isProvisionalSlug(rawSlug));
      sentText = patch.title !== undefined || patch.content !== undefined || patch.excerpt !== undefined;
      if (Object.keys(patch).length > 0) result = versionOf(await adapter.updatePost(server.remoteId, patch));
    }
    const check = sentText ? await checkUpdate(ctx, server, result) : null;
    if (check?.kind === 'overwritten') {
      // A web edit slipped in between our read and our write (race.ts): undo our write with its text and run
      // the merge again against it. After MAX_RACES the post waits in conflict instead, both versions kept.
      // The same patch again is harmless, so it is retried like a read while the retries are short.
      const restored = { ...server.fields, ...check.lost };
      const undo = toPatch(result.fields, restored, 'update');
      server = versionOf(await reading(ctx, () => adapter.updatePost(result.remoteId, undo)));
      if (attempt >= MAX_RACES) return inConflict(ctx, pk, base, mine, server, { conflicting: ['content'], conflictingBlocks: 1 });
      continue;
    }
    // The trash renames the slug (`<slug>__trashed`); the local post keeps its own.
    const landed = result.fields.status === 'trash' ? { ...result.fields, slug: target.slug } : result.fields;
    const stored = transaction(db, () => land(db, post, landed, result, ctx.now(), { ancestor: mine, open: false }));
    if (stored) {
      ctx.tally.changedPosts.add(post.id);
      await finishCreate(ctx, stored);
    }
    return { kind: 'done' };
  }
}

/** How many web edits in a row, each slipping in during our update, are undone before the post waits for the user. */
const MAX_RACES = 3;

/** Both sides changed the same thing: base, mine and theirs are kept whole, and the entry waits for the user. */
function inConflict(
  ctx: BlogContext,
  pk: number,
  base: StoredBase | ServerVersion,
  mine: RemoteFields,
  theirs: ServerVersion,
  merge: { readonly conflicting: readonly string[]; readonly conflictingBlocks: number },
): EntryOutcome {
  transaction(ctx.db, () => {
    writeConflict(ctx.db, { postPk: pk, blogId: ctx.blogId, detectedAt: ctx.now(), base, mine, theirs, conflictingBlocks: Math.max(1, merge.conflictingBlocks) });
    setPostSync(ctx.db, pk, { state: 'conflict', message: `Changed here and on the blog: ${merge.conflicting.join(', ')}` }, ctx.now());
  });
  ctx.tally.conflicts++;
  return { kind: 'conflict' };
}

/** The merged fields with what the entry's action decides (status, and the date and slug that go with it). */
export function withAction(merged: RemoteFields, row: OutboxRow, post: Post, now: number): RemoteFields {
  const at = row.params.at;
  switch (row.action) {
    case 'publish':
      return { ...merged, status: 'publish', dateGmt: at !== undefined ? isoOf(at) : merged.dateGmt };
    case 'schedule':
      return { ...merged, status: 'future', dateGmt: isoOf(at ?? post.publishedAt ?? now) };
    case 'make-private':
      return { ...merged, status: 'private' };
    case 'unpublish':
    case 'save-draft':
      return { ...merged, status: 'draft', dateGmt: null };
    case 'trash':
      return { ...merged, status: 'trash' };
    default:
      return merged;
  }
}

/** The update that turns the server's fields into `target`: only what differs, plus what the action must say. */
export function toPatch(server: RemoteFields, target: RemoteFields, action: OutboxRow['action'], provisionalSlug = false): PostPatch {
  const diff = patchOf(server, target);
  const statusAction = STATUS_ACTIONS.has(action);
  const publicAction = action === 'publish' || action === 'schedule' || action === 'make-private';
  const patch: { -readonly [K in keyof PostPatch]: PostPatch[K] } = {};
  if (diff.title !== undefined) patch.title = target.title;
  if (diff.content !== undefined) patch.content = target.content;
  if (diff.excerpt !== undefined) patch.excerpt = target.excerpt;
  // Publishing must name the slug: left out, the provisional `lh-<uuid>` would become the permalink. A draft
  // loses it too (its preview address would show it), once it is ours for sure (this post has the remote id).
  if (publicAction || provisionalSlug || diff.slug !== undefined) patch.slug = target.slug;
  if ((statusAction || diff.status !== undefined) && target.status !== 'trash') patch.status = target.status;
  if ((action === 'schedule' || diff.dateGmt !== undefined) && target.dateGmt !== null) patch.dateGmt = target.dateGmt;
  if (diff.categories !== undefined) patch.categories = remoteIds(target.categories);
  if (diff.tags !== undefined) patch.tags = remoteIds(target.tags);
  if (diff.featuredMedia !== undefined) patch.featuredMedia = target.featuredMedia === null ? null : remoteIds([target.featuredMedia])[0]!;
  if (diff.commentStatus !== undefined) patch.commentStatus = target.commentStatus;
  if (diff.sticky !== undefined) patch.sticky = target.sticky;
  if (diff.format !== undefined) patch.format = target.format;
  return patch;
}
