/**
 * The blog's look, cached during sync for the offline preview: `<dataDir>/blog-styles/<blogId>.css` (every
 * stylesheet of a post page, cleaned by css.ts, in page order) and `<blogId>.json` (when, from where, and the
 * classes of the theme's post markup).
 *
 * - Fetched after a successful pull at most once per STYLE_MAX_AGE_MS, so a no-change sync costs no request.
 * - Plain GETs without credentials (the pages are public), same host as the blog only (no CDNs, font services
 *   or trackers), STYLE_MAX_BYTES in all; a sheet that does not fit is left out and the cache says so.
 * - Never throws: a failure keeps the previous cache (files are replaced by rename, so a reader sees the old or
 *   the new pair, never half a file).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadFile, HttpClient } from '../sync/http.ts';
import { type PageMarkup, cleanCss, DEFAULT_MARKUP, findMarkup, findStyleSources, withMedia } from './css.ts';

export const STYLE_DIR = 'blog-styles';
export const STYLE_MAX_BYTES = 2 * 1024 * 1024;
export const STYLE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const PAGE_MAX_BYTES = 4 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

export interface StyleMeta {
  readonly fetchedAt: string;
  readonly pageUrl: string;
  /** The sheets in the cached CSS: URLs, or `inline` for `<style>` elements. */
  readonly sources: readonly string[];
  /** Sheets left out because the cache was full. */
  readonly skipped: readonly string[];
  readonly bytes: number;
  readonly markup: PageMarkup;
}

export interface CachedStyle {
  readonly css: string;
  readonly meta: StyleMeta;
}

export interface RefreshInput {
  readonly dataDir: string;
  readonly blogId: string;
  /** The blog's address (Blog.url). */
  readonly siteUrl: string;
  /** Pages to read the look from, best first (a post's page, then the front page); default the front page. */
  readonly pageUrls?: readonly string[];
  readonly fetch: typeof fetch;
  readonly now: () => number;
  /** Refetch even when the cache is fresh. */
  readonly force?: boolean;
  /** Deadline per request (default 15 s). */
  readonly timeoutMs?: number;
}

function paths(dataDir: string, blogId: string): { css: string; json: string } {
  const safe = blogId.replace(/[^A-Za-z0-9-]/g, '_');
  return { css: join(dataDir, STYLE_DIR, `${safe}.css`), json: join(dataDir, STYLE_DIR, `${safe}.json`) };
}

export function readBlogStyle(dataDir: string, blogId: string): CachedStyle | null {
  const p = paths(dataDir, blogId);
  try {
    const meta = JSON.parse(readFileSync(p.json, 'utf8')) as StyleMeta;
    return { css: readFileSync(p.css, 'utf8'), meta: { ...meta, markup: { ...DEFAULT_MARKUP, ...meta.markup } } };
  } catch {
    return null;
  }
}

/** Fetches and stores the blog's CSS when the cache is missing or stale. */
export async function refreshBlogStyle(input: RefreshInput): Promise<'fresh' | 'written' | 'failed'> {
  try {
    const old = readBlogStyle(input.dataDir, input.blogId);
    if (!input.force && old && input.now() - Date.parse(old.meta.fetchedAt) < STYLE_MAX_AGE_MS) return 'fresh';
    const fresh = await fetchBlogStyle(input);
    if (!fresh) return 'failed';
    const p = paths(input.dataDir, input.blogId);
    mkdirSync(join(input.dataDir, STYLE_DIR), { recursive: true });
    writeFileSync(`${p.css}.tmp`, fresh.css);
    writeFileSync(`${p.json}.tmp`, JSON.stringify(fresh.meta, null, 1));
    renameSync(`${p.css}.tmp`, p.css);
    renameSync(`${p.json}.tmp`, p.json);
    return 'written';
  } catch {
    // The preview falls back to the old cache or the plain look; a sync never fails for its sake.
    return 'failed';
  }
}

/** The cleaned CSS of the first page that answers, or null when none did. */
export async function fetchBlogStyle(input: RefreshInput): Promise<CachedStyle | null> {
  const host = hostOf(input.siteUrl);
  for (const pageUrl of input.pageUrls ?? [input.siteUrl]) {
    const page = await getText(input, pageUrl, PAGE_MAX_BYTES);
    if (!page) continue;
    const parts: string[] = [];
    const sources: string[] = [];
    const skipped: string[] = [];
    let bytes = 0;
    const add = (css: string, media: string, source: string): boolean => {
      const text = withMedia(css, media);
      const size = Buffer.byteLength(text);
      if (bytes + size > STYLE_MAX_BYTES) {
        skipped.push(source);
        return false;
      }
      bytes += size;
      parts.push(`/* ${source.replace(/\*\//g, '')} */\n${text}`);
      sources.push(source);
      return true;
    };
    for (const source of findStyleSources(page.text, page.url)) {
      if (source.kind === 'inline') {
        add(cleanCss(source.css, page.url).css, source.media, 'inline');
        continue;
      }
      if (hostOf(source.url) !== host) continue;
      const sheet = await getText(input, source.url, STYLE_MAX_BYTES - bytes + 1);
      if (!sheet) {
        skipped.push(source.url);
        continue;
      }
      const cleaned = cleanCss(sheet.text, sheet.url);
      // One level of @import: the imported sheets come first, as the browser would apply them.
      for (const imported of cleaned.imports) {
        if (hostOf(imported.url) !== host) continue;
        const inner = await getText(input, imported.url, STYLE_MAX_BYTES - bytes + 1);
        if (inner) add(withMedia(cleanCss(inner.text, null).css, imported.media), source.media, imported.url);
        else skipped.push(imported.url);
      }
      add(cleaned.css, source.media, source.url);
    }
    const meta: StyleMeta = { fetchedAt: new Date(input.now()).toISOString(), pageUrl: page.url, sources, skipped, bytes, markup: findMarkup(page.text) };
    return { css: parts.join('\n\n'), meta };
  }
  return null;
}

/** The host without `www.`, so `blog.se` and `www.blog.se` are one site. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return '';
  }
}

/** A 2xx body as text, at most maxBytes (else null); null on any network error. No credentials are sent. */
async function getText(input: RefreshInput, url: string, maxBytes: number): Promise<{ text: string; url: string } | null> {
  try {
    const client = new HttpClient({ baseUrl: input.siteUrl, fetch: input.fetch });
    const bytes = await downloadFile(client, input.fetch, url, { maxBytes, timeoutMs: input.timeoutMs ?? TIMEOUT_MS });
    return bytes ? { text: new TextDecoder('utf-8').decode(bytes), url } : null;
  } catch {
    return null;
  }
}
