// The blog-style cache against a real local HTTP server standing in for a blog's front end: what is fetched,
// what is left out, what is stored, and that a failure keeps the previous cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readBlogStyle, refreshBlogStyle, STYLE_MAX_AGE_MS, STYLE_MAX_BYTES } from '../../../../electron/core/preview/style-cache.ts';

const files = new Map<string, { status?: number; type: string; body: string }>();
const requests: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = files.get((req.url ?? '').split('?')[0]!);
    res.writeHead(file?.status ?? (file ? 200 : 404), { 'content-type': file?.type ?? 'text/plain' });
    res.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  files.clear();
  requests.length = 0;
});

function page(head: string): void {
  files.set('/', {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head>${head}</head><body class="home blog"><div class="site"><article class="post hentry"><h2 class="entry-title">x</h2><div class="entry-content">y</div></article></div></body></html>`,
  });
}

function input(now = Date.parse('2026-11-23T10:00:00Z')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'longhand-style-'));
  dirs.push(dataDir);
  return { dataDir, blogId: 'b1', siteUrl: `${base}/`, fetch, now: () => now };
}

describe('refreshBlogStyle', () => {
  test('stores the cleaned CSS of same-site sheets in page order, with one level of @import', async () => {
    page(`<link rel="stylesheet" href="/theme/style.css"><style>.inline{color:#123}</style><link rel="stylesheet" href="http://other.example/x.css">`);
    files.set('/theme/style.css', { type: 'text/css', body: `@import url(parent.css);\n.entry-title{font-family:Georgia;background:url(/bg.png)}` });
    files.set('/theme/parent.css', { type: 'text/css', body: `@import "grandparent.css";\n.parent-rule{margin:0}` });
    files.set('/theme/grandparent.css', { type: 'text/css', body: '.too-deep{}' });
    const at = input();
    expect(await refreshBlogStyle(at)).toBe('written');
    const cached = readBlogStyle(at.dataDir, 'b1')!;
    const order = ['.parent-rule', '.entry-title{font-family:Georgia;background:none}', '.inline{color:#123}'].map((s) => cached.css.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual(order.toSorted((a, b) => a - b));
    expect(cached.css).not.toContain('too-deep');
    expect(cached.css).not.toContain('/bg.png');
    expect(requests).not.toContain('/theme/grandparent.css');
    expect(cached.meta).toMatchObject({ fetchedAt: '2026-11-23T10:00:00.000Z', pageUrl: `${base}/`, sources: [`${base}/theme/parent.css`, `${base}/theme/style.css`, 'inline'] });
    expect(cached.meta.markup).toMatchObject({ articleClass: 'post hentry', contentClass: 'entry-content', bodyClass: 'single single-post' });
  });

  test('sheets past the size cap are left out and listed as skipped', async () => {
    page(`<link rel="stylesheet" href="/small.css"><link rel="stylesheet" href="/huge.css"><link rel="stylesheet" href="/after.css">`);
    files.set('/small.css', { type: 'text/css', body: '.small{}' });
    files.set('/huge.css', { type: 'text/css', body: `.huge{}${' '.repeat(STYLE_MAX_BYTES)}` });
    files.set('/after.css', { type: 'text/css', body: '.after{}' });
    const at = input();
    await refreshBlogStyle(at);
    const cached = readBlogStyle(at.dataDir, 'b1')!;
    expect(cached.css).toContain('.small{}');
    expect(cached.css).toContain('.after{}');
    expect(cached.css).not.toContain('.huge');
    expect(cached.meta.skipped).toEqual([`${base}/huge.css`]);
    expect(cached.meta.bytes).toBeLessThanOrEqual(STYLE_MAX_BYTES);
  });

  test('a fresh cache is not fetched again; a stale one is; a failure keeps the old one', async () => {
    page(`<link rel="stylesheet" href="/style.css">`);
    files.set('/style.css', { type: 'text/css', body: '.first{}' });
    const at = input();
    await refreshBlogStyle(at);
    requests.length = 0;
    expect(await refreshBlogStyle(at)).toBe('fresh');
    expect(requests).toEqual([]);

    const later = { ...at, now: () => at.now() + STYLE_MAX_AGE_MS + 1 };
    files.set('/', { status: 500, type: 'text/html', body: 'database error' });
    expect(await refreshBlogStyle(later)).toBe('failed');
    expect(readBlogStyle(at.dataDir, 'b1')!.css).toContain('.first{}');

    page(`<link rel="stylesheet" href="/style.css">`);
    files.set('/style.css', { type: 'text/css', body: '.second{}' });
    expect(await refreshBlogStyle(later)).toBe('written');
    expect(readBlogStyle(at.dataDir, 'b1')!.css).toContain('.second{}');
  });

  test('an unreachable blog is a failure, not an exception', async () => {
    const at = { ...input(), siteUrl: 'http://127.0.0.1:9/' };
    expect(await refreshBlogStyle(at)).toBe('failed');
    expect(readBlogStyle(at.dataDir, 'b1')).toBeNull();
  });
});
