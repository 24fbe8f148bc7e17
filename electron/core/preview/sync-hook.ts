/**
 * The sync engine's one call into the preview: after a blog's pull succeeded, refresh its cached look
 * (style-cache.ts) when that is stale. Reads the look from the newest published post's page (`/?p=ID`, which
 * WordPress redirects to the permalink: the single-post template and its block styles), else the front page.
 *
 * Never throws and never fails a sync. A failed attempt is not repeated for RETRY_AFTER_MS, so an unreachable
 * front page (a blog behind a proxy that only passes the REST API) costs one attempt an hour, not one per sync.
 */
import type { DatabaseSync } from 'node:sqlite';
import { getBlog } from '../library/blogs.ts';
import { stmt } from '../storage/statements.ts';
import { refreshBlogStyle } from './style-cache.ts';

const RETRY_AFTER_MS = 60 * 60 * 1000;
const failedAt = new Map<string, number>();

export interface AfterPullContext {
  readonly db: DatabaseSync;
  readonly dataDir: string;
  readonly blogId: string;
  readonly now: () => number;
}

export async function refreshStyleAfterPull(ctx: AfterPullContext, fetcher: typeof fetch = fetch, timeoutMs?: number): Promise<void> {
  const key = `${ctx.dataDir}\n${ctx.blogId}`;
  const failed = failedAt.get(key);
  if (failed !== undefined && ctx.now() - failed < RETRY_AFTER_MS) return;
  try {
    const siteUrl = getBlog(ctx.db, ctx.blogId).url;
    const newest = stmt(
      ctx.db,
      `SELECT remote_id FROM posts WHERE blog_id = ? AND status = 'published' AND remote_id IS NOT NULL ORDER BY published_at DESC LIMIT 1`,
    ).get(ctx.blogId) as { remote_id: number } | undefined;
    const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
    const pageUrls = [...(newest ? [`${base}?p=${newest.remote_id}`] : []), base];
    const outcome = await refreshBlogStyle({ dataDir: ctx.dataDir, blogId: ctx.blogId, siteUrl, pageUrls, fetch: fetcher, now: ctx.now, ...(timeoutMs ? { timeoutMs } : {}) });
    if (outcome === 'failed') failedAt.set(key, ctx.now());
    else failedAt.delete(key);
  } catch {
    failedAt.set(key, ctx.now());
  }
}
