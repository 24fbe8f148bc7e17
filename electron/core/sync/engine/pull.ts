/**
 * Pulling a blog: the whole archive once, then only what changed.
 *
 * First pull: categories and tags, then every post in every live status (context=edit, 100 per page, by id),
 * each page written in one transaction and the page number committed with it, so an interrupted first pull
 * resumes where it stopped. The next two pages are requested while the current one is written.
 *
 * Later pulls ask for `modified_after = cursor` (trash included, so a post trashed on the web shows up), which
 * costs the same for 100 or 100,000 posts: one request when nothing changed.
 *
 * The cursor follows the BLOG's clock (the Date header of the first page), minus OVERLAP_MS: `modified_gmt` has
 * whole seconds and `modified_after` is strict, and a post saved while a page was being built may commit with a
 * time just before the answer. Posts seen again are recognised by id and modified time (ingest.ts: 'unchanged').
 * Invariant: every change on the blog with modified_gmt > cursor is still to be pulled.
 *
 * Deletions never appear in `modified_after`: sweep.ts finds them now and then.
 */
import type { DatabaseSync } from 'node:sqlite';
import { indexPending } from '../../library/search-index.ts';
import { transaction } from '../../storage/database.ts';
import { LIVE_STATUSES, type PostPage, type PostStatus, type RemotePost } from '../adapter.ts';
import { type BlogContext, reading } from './context.ts';
import { isoOf, msOf } from './fields.ts';
import { ingestPage } from './ingest.ts';
import { downloadFiles, filesMissing } from './media-sync.ts';
import { requireBlogSync, updateBlogSync } from './store-sync.ts';
import { sweep } from './sweep.ts';
import { upsertTerms } from './terms-sync.ts';

export const PER_PAGE = 100;
export const OVERLAP_MS = 3_000;
/** Page requests in flight ahead of the page being stored (first pull only). */
const AHEAD = 2;
const WITH_TRASH: readonly PostStatus[] = [...LIVE_STATUSES, 'trash'];

interface Fetched {
  readonly page: number;
  readonly promise: Promise<PostPage>;
  result: PostPage | null;
}

export async function pull(ctx: BlogContext): Promise<void> {
  const state = requireBlogSync(ctx.db, ctx.blogId);
  const seenMedia = new Set<string>();
  if (!state.firstPullDone) await firstPull(ctx, state.firstPullPage, state.firstPullStarted, seenMedia);
  else await incremental(ctx, state.pullCursor, seenMedia);
  if (ctx.closed()) return;
  const missing = filesMissing(ctx.db, ctx.blogId, [...seenMedia]);
  if (missing.length > 0) {
    ctx.tally.mediaChanged += await downloadFiles(ctx.db, ctx.dataDir, ctx.adapter, missing, ctx.settings.mediaDownloadMaxBytes, ctx.now, (done, total, current) =>
      ctx.progress({ phase: 'media', done, total, current }),
    );
  }
}

async function firstPull(ctx: BlogContext, fromPage: number, started: string | null, seenMedia: Set<string>): Promise<void> {
  // Terms and the first pages are asked for together; the terms are stored before any post that names them.
  const terms = Promise.all([reading(ctx, () => ctx.adapter.listTerms('category')), reading(ctx, () => ctx.adapter.listTerms('tag'))]);
  terms.catch(() => undefined);
  let serverStart = started;
  let maxModified: string | null = null;
  const totals = new Set<number>();
  let received = 0;
  let requested = fromPage;
  // A queued page remembers its answer, so pages that have already arrived can be stored in one transaction.
  const fetchPage = (page: number): Fetched => {
    const item: Fetched = { page, promise: reading(ctx, () => ctx.adapter.listPosts({ page, perPage: PER_PAGE })), result: null };
    // A failed page must not become an unhandled rejection while another is awaited; it is thrown when its turn comes.
    item.promise.then((result) => (item.result = result), () => undefined);
    return item;
  };
  // The next page is asked for with the first, before the total is known: an archive of more than one page then
  // never waits for the blog to build page 2 after page 1 came. A page past the end is an empty, final page.
  const queue: Fetched[] = [fetchPage(fromPage), fetchPage(++requested)];
  let total: number | null = null;
  const [categories, tags] = await terms;
  ctx.tally.termsChanged += transaction(ctx.db, () => upsertTerms(ctx.db, ctx.blogId, [...categories, ...tags], ctx.now()));
  while (queue.length > 0) {
    const first = queue.shift()!;
    const batch: [number, PostPage][] = [[first.page, await first.promise]];
    while (queue[0]?.result && batch.length < AHEAD) batch.push([queue[0].page, queue.shift()!.result!]);
    // Storing a page costs about what the blog takes to build one, so AHEAD pages are requested while it is
    // stored; without that a first pull would take twice the network's time.
    const [lastPage, newest] = batch.at(-1)!;
    const last = newest.totalPages ?? (newest.hasMore ? requested + 1 : requested);
    while (queue.length < AHEAD && requested < last && !ctx.closed()) queue.push(fetchPage(++requested));
    // Let those requests leave (connect and write need the event loop) before the pages are written synchronously.
    if (queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const items: RemotePost[] = [];
    for (const [page, current] of batch) {
      if (page === fromPage && serverStart === null) serverStart = current.serverTime ?? null;
      if (current.total !== null) totals.add((total = current.total));
      items.push(...current.items);
    }
    received += items.length;
    maxModified = latest(maxModified, items);
    // Pages that arrived together commit together, with the page to resume from (without fsync: ingest.ts).
    await ingestPage(ctx, items, seenMedia, () => updateBlogSync(ctx.db, ctx.blogId, { first_pull_page: lastPage + 1, first_pull_started: serverStart }), {
      firstPull: true,
    });
    ctx.progress({ phase: 'pull', done: (fromPage - 1) * PER_PAGE + received, total, current: null });
    if (ctx.closed()) return;
  }
  const cursor = cursorFrom(serverStart, maxModified, null);
  // Offset paging shifts when a post is deleted meanwhile, so one could slip between two pages: when the totals
  // moved or do not add up, a sweep compares ids and fetches what is missing. Normally it is skipped.
  const consistent = fromPage === 1 && totals.size <= 1 && received === ([...totals][0] ?? received);
  if (!consistent) await sweep(ctx);
  transaction(ctx.db, () =>
    updateBlogSync(ctx.db, ctx.blogId, { first_pull_done: 1, pull_cursor: cursor, last_sweep_at: ctx.now(), syncs_since_sweep: 0 }),
  );
  indexLater(ctx.db, () => ctx.closed());
}

/** Posts per transaction when the search rows a first pull left out are written (~100 ms each, between syncs' work). */
const INDEX_CHUNK = 200;

/**
 * Writes the search rows a first pull left out, a chunk per turn of the event loop, until none are left or the
 * core closes (opening the library again resumes; a search finishes them at once). Never keeps a process alive.
 */
export function indexLater(db: DatabaseSync, closed: () => boolean): void {
  const step = () => {
    if (closed() || !db.isOpen) return;
    if (transaction(db, () => indexPending(db, INDEX_CHUNK)) === INDEX_CHUNK) setTimeout(step, 0).unref();
  };
  setTimeout(step, 0).unref();
}

async function incremental(ctx: BlogContext, cursor: string | null, seenMedia: Set<string>): Promise<void> {
  let serverStart: string | null = null;
  let maxModified: string | null = null;
  for (let page = 1; ; page++) {
    const current = await reading(ctx, () => ctx.adapter.listPosts({ page, perPage: PER_PAGE, statuses: WITH_TRASH, ...(cursor ? { modifiedAfter: cursor } : {}) }));
    if (page === 1) serverStart = current.serverTime ?? null;
    maxModified = latest(maxModified, current.items);
    await ingestPage(ctx, current.items, seenMedia, () => undefined);
    if (current.items.length > 0) ctx.progress({ phase: 'pull', done: (page - 1) * PER_PAGE + current.items.length, total: current.total, current: null });
    if (!current.hasMore || ctx.closed()) break;
  }
  const next = cursorFrom(serverStart, maxModified, cursor);
  if (next !== cursor) transaction(ctx.db, () => updateBlogSync(ctx.db, ctx.blogId, { pull_cursor: next }));
}

function latest(current: string | null, items: readonly RemotePost[]): string | null {
  let out = current;
  for (const item of items) if (item.modifiedGmt && (out === null || item.modifiedGmt > out)) out = item.modifiedGmt;
  return out;
}

/** The next cursor: the blog's clock at the start minus the overlap; never earlier than the previous cursor. */
export function cursorFrom(serverStart: string | null, maxModified: string | null, previous: string | null): string | null {
  const basis = serverStart ?? maxModified;
  if (basis === null) return previous;
  const candidate = isoOf(msOf(basis) - OVERLAP_MS);
  return previous !== null && previous > candidate ? previous : candidate;
}
