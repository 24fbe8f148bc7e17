// Shared helpers for the editor's end-to-end tests: a harness on a temp dir, a BlogApi client from Node,
// the page opened in Swedish, and ways to put the caret in a block and wait for a save.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BlogApi } from '../../../electron/common/api.ts';
import { createBlogApiClient } from '../../../electron/common/ipc/client.ts';
import type { Post } from '../../../electron/common/models.ts';
import { createHttpTransport } from '../../harness/http-transport.ts';
import { type RunningHarness, startHarness } from '../../harness/launch.ts';
import { encodePng } from '../../support/png.ts';
import { launchChromium } from '../support/browser.ts';

export interface EditorWorld {
  browser: Browser;
  harness: RunningHarness;
  api: BlogApi;
  close(): Promise<void>;
}

export async function startWorld(): Promise<EditorWorld> {
  const browser = await launchChromium();
  const harness = await startHarness(mkdtempSync(join(tmpdir(), 'longhand-editor-')));
  const transport = createHttpTransport(harness.url);
  return {
    browser,
    harness,
    api: createBlogApiClient(transport),
    async close() {
      transport.close();
      await harness.stop();
      await browser.close();
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Uncaught page errors and console errors seen so far (a test ends by expecting none). */
  errors: string[];
}

export async function openApp(world: EditorWorld, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Console errors count, except the browser's own note about a failed load (the favicon): failed loads are
  // recorded by URL instead, so a request the page should never make shows up by name.
  page.on('console', (message) => {
    // Chromium also reports (and blocks) inline handlers in HTML parsed into an inert document, as pasted
    // HTML is before DOMPurify cleans it; nothing ran, so those reports are not errors of the page.
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource') && !text.includes('Content Security Policy')) errors.push(text);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(world.harness.url);
  await page.getByRole('button', { name: 'Nytt inlägg' }).waitFor();
  return { page, errors };
}

export const body = (page: Page): Locator => page.getByLabel('Brödtext');

/** The editor's top-level blocks (Lexical's caret helpers left out), in document order. */
export const BLOCKS = ':scope > :not([data-lexical-decorator-boundary]):not([data-lexical-managed-linebreak])';

/** Opens a post by clicking it in the list, and waits until its body has been built. */
export async function openPost(page: Page, post: Post): Promise<void> {
  await page.getByRole('option', { name: new RegExp(escapeRegExp(post.title)) }).first().click();
  await expect.poll(() => body(page).evaluate((el) => el.children.length)).toBeGreaterThan(0);
  await page.waitForTimeout(50);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Puts the caret at the end of the i-th top-level block (DOM selection; Lexical follows it). */
export async function caretAtEndOfBlock(page: Page, index: number): Promise<void> {
  // Click into the block first (so Lexical has a range selection there), then put the DOM caret at its end.
  await body(page).locator(BLOCKS).nth(index).click();
  await body(page).evaluate((root, i) => {
    const block = [...root.children].filter((c) => !c.matches('[data-lexical-decorator-boundary], [data-lexical-managed-linebreak]'))[i];
    if (!block) throw new Error(`no block ${i}`);
    let last: Node = block;
    while (last.lastChild && !(last.lastChild instanceof HTMLBRElement)) last = last.lastChild;
    const range = document.createRange();
    if (last.nodeType === Node.TEXT_NODE) range.setStart(last, (last.textContent ?? '').length);
    else {
      range.selectNodeContents(last);
      range.collapse(false);
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, index);
  await page.waitForTimeout(30);
}

/** Waits until the post was saved again (a newer version) and the indicator says "Sparat". */
export async function waitForSave(page: Page, api: BlogApi, post: Post): Promise<Post> {
  await expect.poll(async () => (await api.getPost(post.id)).version, { timeout: 10_000 }).toBeGreaterThan(post.version);
  await expect.poll(() => page.getByRole('status').first().getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
  return api.getPost(post.id);
}

/** Dispatches a paste of the given clipboard data on the editor (Chromium's real ClipboardEvent). */
export async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await body(page).evaluate((root, entries) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
    root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
  await page.waitForTimeout(50);
}

/** A small landscape picture (sky, sun, hills, lake) as a PNG, so screenshots show a real image. */
export function landscapePng(width = 480, height = 300): Buffer {
  return encodePng(width, height, (x, y) => {
    const hill = height * 0.62 + Math.sin(x / 55) * 18 + Math.sin(x / 23) * 6;
    const sun = Math.hypot(x - width * 0.72, y - height * 0.28) < height * 0.09;
    if (y > height * 0.8) return [58, 104, 140 + Math.round((y / height) * 30)];
    if (y > hill) return [62 + Math.round((x / width) * 30), 118, 66];
    if (sun) return [250, 214, 120];
    return [150 + Math.round((y / height) * 80), 190 + Math.round((y / height) * 40), 230];
  });
}
