import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { BlogApi } from '../../../electron/common/api.ts';
import type { Blog } from '../../../electron/common/models.ts';
import { createBlogApiClient } from '../../../electron/common/ipc/client.ts';
import { createHttpTransport } from '../../harness/http-transport.ts';
import { type RunningHarness, startHarness } from '../../harness/launch.ts';
import { requireWordPress, resetWordPress, type WpEnv } from '../../integration/wp-fixture.ts';
import { launchChromium } from './browser.ts';

export interface ConnectedDesk {
  readonly wp: WpEnv;
  readonly harness: RunningHarness;
  readonly api: BlogApi;
  readonly blog: Blog;
  readonly browser: Browser;
  readonly page: Page;
}

export interface ConnectedDeskOptions {
  /** Data dir prefix under the OS temp dir. */
  readonly prefix: string;
  /** Runs on the freshly reset WordPress before the desk connects (posts written "on the web"). */
  readonly seed?: (wp: WpEnv) => Promise<void>;
  /** Runs once connected and synced, before the page opens. */
  readonly prepare?: (api: BlogApi, blog: Blog) => Promise<void>;
  readonly viewport?: { width: number; height: number };
}

/**
 * A desk connected to the real WordPress fixture, for one test file: reset WordPress, seed it, start the harness
 * on a fresh data dir, connect the blog through the API (adding it through the wizard is the journeys' business)
 * and pull, then open Chromium in Swedish with the list loaded. Registers its own hooks; without the fixture the
 * tests are skipped (under CI=true `requireWordPress` fails instead). Read the desk inside tests.
 */
export function useConnectedDesk(options: ConnectedDeskOptions): () => ConnectedDesk {
  let desk: ConnectedDesk | undefined;
  let wp: WpEnv | null = null;
  let harness: RunningHarness | undefined;
  let browser: Browser | undefined;
  let closeTransport: (() => void) | undefined;
  beforeAll(async () => {
    wp = await requireWordPress();
    if (!wp) return;
    await resetWordPress(wp);
    await options.seed?.(wp);
    harness = await startHarness(mkdtempSync(join(tmpdir(), options.prefix)));
    const transport = createHttpTransport(harness.url);
    closeTransport = () => transport.close();
    const api = createBlogApiClient(transport);
    const blog = await api.connectBlog({ url: wp.url, userName: wp.user, appPassword: wp.appPassword });
    await api.syncNow(blog.id);
    await options.prepare?.(api, blog);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'sv-SE' });
    await page.goto(harness.url);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    desk = { wp, harness, api, blog, browser, page };
  });
  beforeEach((ctx) => {
    ctx.skip(wp === null, 'the WordPress fixture is not available here (CI=true would fail instead)');
  });
  afterAll(async () => {
    closeTransport?.();
    await browser?.close();
    await harness?.stop();
  });
  return () => {
    if (!desk) throw new Error('the connected desk is not started (use it inside a test)');
    return desk;
  };
}
