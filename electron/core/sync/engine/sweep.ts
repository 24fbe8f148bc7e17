/**
 * The id sweep: finds posts deleted (or trashed) on the blog, which `modified_after` never reports.
 *
 * One cheap listing of ids (`_fields=id`, 100 per page). An id missing from it is only a candidate — offset
 * paging can skip a post when another is deleted during the sweep — so each candidate is confirmed with its own
 * GET: gone (404) → "deleted on blog", in the trash → "trashed". The local text is never deleted. Ids the blog
 * has and the library lacks (a post that slipped between pages of a pull) are fetched and ingested. Then the
 * blog's categories and tags are listed again (terms-sync.ts refreshTerms): renames and deletions of terms
 * change no post's modified time, so only a look at the lists finds them.
 */
import type { DatabaseSync } from 'node:sqlite';
import { stmt } from '../../storage/statements.ts';
import { transaction } from '../../storage/database.ts';
import type { RemotePost } from '../adapter.ts';
import { type BlogContext, reading } from './context.ts';
import { ingestPage } from './ingest.ts';
import { findPostByRemote, markGone } from './store-posts.ts';
import { updateBlogSync } from './store-sync.ts';
import { refreshTerms } from './terms-sync.ts';

/** Sweep when asked, or when the last one is older than this. */
export const SWEEP_EVERY_MS = 12 * 3_600_000;

function localRemoteIds(db: DatabaseSync, blogId: string): Set<string> {
  const rows = stmt(db, `SELECT remote_id FROM posts WHERE blog_id = ? AND remote_id IS NOT NULL AND status NOT IN ('trashed','deleted')`).all(blogId) as {
    remote_id: number;
  }[];
  return new Set(rows.map((r) => String(r.remote_id)));
}

export async function sweep(ctx: BlogContext): Promise<void> {
  const { db, blogId, adapter } = ctx;
  ctx.progress({ phase: 'sweep', done: 0, total: null, current: null });
  const remote = new Set(await reading(ctx, () => adapter.listPostIds()));
  const local = localRemoteIds(db, blogId);
  const candidates = [...local].filter((id) => !remote.has(id));
  const unknown = [...remote].filter((id) => !local.has(id) && !findPostByRemote(db, blogId, id));
  const found: RemotePost[] = [];
  let done = 0;
  for (const id of [...candidates, ...unknown]) {
    if (ctx.closed()) return;
    const post = await reading(ctx, () => adapter.getPost(id));
    done++;
    ctx.progress({ phase: 'sweep', done, total: candidates.length + unknown.length, current: null });
    const mine = findPostByRemote(db, blogId, id);
    if (post === null) {
      if (mine) {
        transaction(db, () => markGone(db, mine, 'deleted', ctx.now()));
        ctx.tally.deletedOnBlog++;
        ctx.tally.changedPosts.add(mine.id);
      }
    } else found.push(post);
  }
  // Still there (paging moved it) or in the trash: ingest decides, like any pulled post.
  await ingestPage(ctx, found, new Set(), () => undefined);
  // Terms renamed, moved or deleted on the web: no post's modified time says so, so the sweep looks.
  ctx.tally.termsChanged += await refreshTerms(ctx);
  transaction(db, () => updateBlogSync(db, blogId, { last_sweep_at: ctx.now(), syncs_since_sweep: 0 }));
}
