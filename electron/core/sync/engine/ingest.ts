/**
 * One page of pulled posts into the library, in one transaction (a crash mid-page leaves the page unapplied, and
 * the pull cursor only moves after it). Per post:
 *
 * - ours: a post whose slug is the provisional `lh-<key>` of a local post, other than the one that post knows
 *   as its own, is a create whose answer was lost (or a duplicate of one): left to the outbox, which adopts one
 *   and trashes the rest — a pull never makes a second local post of it;
 * - new here: created with its sync base (posts in the trash are not mirrored);
 * - known, unchanged since the base (same modified time and fields): nothing;
 * - known, changed on the blog only: the blog's version replaces the local one (after a revision);
 * - changed on both sides: three-way merge; clean → the merge is kept locally (the local edits stay unpushed, now
 *   on top of the blog's); overlapping → a conflict record (base, mine, theirs) and nothing is overwritten;
 * - in conflict already: the record's "theirs" follows the blog, so a resolution works on its newest version.
 */
import type { DatabaseSync } from 'node:sqlite';
import { markIndexPending } from '../../library/search-index.ts';
import { transaction } from '../../storage/database.ts';
import type { RemotePost } from '../adapter.ts';
import { type BlogContext, reading } from './context.ts';
import { clientKeyOf, sameFields, versionOf } from './fields.ts';
import { mineOf, remoteMediaRefs } from './local-form.ts';
import { recordMedia, unknownMedia } from './media-sync.ts';
import { mergeFields } from './merge.ts';
import { findPostByRemote, insertPulled, isOurCreate, land, markGone } from './store-posts.ts';
import { hasOpenRow } from './store-outbox.ts';
import { readBase, readConflict, setPostSync, writeBase, writeConflict } from './store-sync.ts';
import { requireRow } from '../../posts/post-row.ts';
import { pullAllTerms, unknownTermIds } from './terms-sync.ts';

export type IngestResult = 'skipped' | 'unchanged' | 'created' | 'updated' | 'merged' | 'conflict' | 'gone';

export function ingestPost(ctx: BlogContext, remote: RemotePost, options: { index?: boolean } = {}): IngestResult {
  const { db, blogId } = ctx;
  const local = findPostByRemote(db, blogId, remote.id);
  const key = clientKeyOf(remote.slug);
  if (key && !local && isOurCreate(db, blogId, key)) return 'skipped';
  const server = versionOf(remote);
  const now = ctx.now();
  if (!local) {
    if (remote.status === 'trash') return 'skipped';
    ctx.tally.changedPosts.add(insertPulled(db, blogId, server, now, options));
    return 'created';
  }
  const pk = requireRow(db, local.id).pk;
  const base = readBase(db, pk);
  if (base && base.modifiedGmt === server.modifiedGmt && sameFields(base.fields, server.fields)) return 'unchanged';
  const conflict = readConflict(db, pk);
  if (conflict) {
    writeConflict(db, { ...conflict, theirs: server });
    return 'conflict';
  }
  const open = hasOpenRow(db, local.id);
  const mine = mineOf(db, local);
  if (!base) {
    // Known from an import, never synced: no common ancestor. Equal → just the base; else the blog wins and
    // the local text is kept as a revision (writeLocal snapshots it).
    const landed = land(db, local, server.fields, server, now, { ancestor: null, open });
    if (landed) ctx.tally.changedPosts.add(local.id);
    return 'updated';
  }
  if (sameFields(base.fields, server.fields)) {
    writeBase(db, pk, server, now);
    return 'unchanged';
  }
  const merge = mergeFields(base.fields, mine, server.fields);
  if (merge.merged === null) {
    writeConflict(db, { postPk: pk, blogId, detectedAt: now, base, mine, theirs: server, conflictingBlocks: Math.max(1, merge.conflictingBlocks) });
    setPostSync(db, pk, { state: 'conflict', message: `Changed here and on the blog: ${merge.conflicting.join(', ')}` }, now);
    ctx.tally.conflicts++;
    return 'conflict';
  }
  if (remote.status === 'trash' && sameFields(mine, base.fields)) {
    markGone(db, local, 'trashed', now);
    writeBase(db, pk, server, now);
    ctx.tally.changedPosts.add(local.id);
    return 'gone';
  }
  const landed = land(db, local, merge.merged, server, now, { ancestor: null, open });
  if (landed) ctx.tally.changedPosts.add(local.id);
  return sameFields(mine, base.fields) ? 'updated' : 'merged';
}

/** Remote media and term ids a page of posts uses (so they can be fetched before the page is written). */
export function referencesOf(posts: readonly RemotePost[]): { media: string[]; categories: string[]; tags: string[] } {
  const media = new Set<string>();
  const categories = new Set<string>();
  const tags = new Set<string>();
  for (const post of posts) {
    if (post.featuredMedia) media.add(post.featuredMedia);
    for (const id of remoteMediaRefs(post.content)) media.add(id);
    for (const id of post.categories) categories.add(id);
    for (const id of post.tags) tags.add(id);
  }
  return { media: [...media], categories: [...categories], tags: [...tags] };
}

/**
 * Writes a page: first the terms and media it names that the library does not know (so ids map), then every
 * post, then `after` — all in one transaction.
 *
 * `firstPull`: the page belongs to a first pull, which the network paces. Two things are left out of its way:
 * - the fsync: if this commit were lost, the next pull would fetch and write the same again (the resume page
 *   `after` writes is in the same transaction). synchronous=NORMAL keeps the commit atomic (WAL), so a power cut
 *   can only roll back whole pages with their resume point, to a state committed before: no local text is lost;
 * - the search rows of new posts: marked pending in this transaction and written a chunk at a time after the
 *   pull (library/search-index.ts); a search completes them first, so none is ever missed.
 */
export async function ingestPage(
  ctx: BlogContext,
  items: readonly RemotePost[],
  seenMedia: Set<string>,
  after: () => void,
  options: { firstPull?: boolean } = {},
): Promise<void> {
  if (items.length === 0) return;
  const refs = referencesOf(items);
  for (const id of refs.media) seenMedia.add(id);
  const termsUnknown =
    unknownTermIds(ctx.db, ctx.blogId, 'category', refs.categories).length + unknownTermIds(ctx.db, ctx.blogId, 'tag', refs.tags).length;
  if (termsUnknown > 0) ctx.tally.termsChanged += await reading(ctx, () => pullAllTerms(ctx.db, ctx.adapter, ctx.blogId, ctx.now));
  const mediaUnknown = unknownMedia(ctx.db, ctx.blogId, refs.media).filter((id) => !ctx.tally.mediaMissing.has(id));
  const media = mediaUnknown.length > 0 ? await reading(ctx, () => ctx.adapter.getMedia(mediaUnknown)) : [];
  for (const id of mediaUnknown) if (!media.some((m) => m.id === id)) ctx.tally.mediaMissing.add(id);
  const firstPull = options.firstPull === true;
  withoutFsync(ctx.db, firstPull, () => transaction(ctx.db, () => {
    if (firstPull) markIndexPending(ctx.db);
    if (media.length > 0) {
      recordMedia(ctx.db, ctx.blogId, media, ctx.now());
      ctx.tally.mediaChanged += media.length;
    }
    for (const post of items) {
      const result = ingestPost(ctx, post, { index: !firstPull });
      if (result !== 'skipped' && result !== 'unchanged') ctx.tally.pulled++;
    }
    after();
  }));
}

/**
 * Runs `write` (one transaction) with synchronous=NORMAL when `relaxed`, FULL again right after. node:sqlite is
 * synchronous, so no other commit of this connection (an autosave, which must be durable) falls in between;
 * and the next FULL commit syncs the WAL, these pages with it.
 */
function withoutFsync(db: DatabaseSync, relaxed: boolean, write: () => void): void {
  if (!relaxed || db.isTransaction) return write();
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    write();
  } finally {
    db.exec('PRAGMA synchronous = FULL');
  }
}

