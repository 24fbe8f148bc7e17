import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { BlogApi } from '../../../electron/common/api.ts';
import { createBlogApiClient } from '../../../electron/common/ipc/client.ts';
import { createHttpTransport } from '../../harness/http-transport.ts';
import { type RunningHarness, startHarness } from '../../harness/launch.ts';
import { launchChromium } from '../support/browser.ts';

export interface DeskWorld {
  readonly harness: RunningHarness;
  readonly api: BlogApi;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * A desk over an imported archive (our WXR fixture) in Swedish, for a test file: the harness on a fresh data dir,
 * Chromium, one page with the list loaded. Registers its own beforeAll/afterAll; read the world inside tests.
 */
export function useDeskWorld(prefix: string, viewport = { width: 1400, height: 860 }): () => DeskWorld {
  let world: DeskWorld | undefined;
  let harness: RunningHarness | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    harness = await startHarness(mkdtempSync(join(tmpdir(), prefix)));
    const api = createBlogApiClient(createHttpTransport(harness.url));
    await api.importWxr({ path: join(process.cwd(), 'tests/fixtures/wxr/kommunbloggen.wxr.xml') });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport, locale: 'sv-SE' });
    await page.goto(harness.url);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    world = { harness, api, browser, page };
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });
  return () => {
    if (!world) throw new Error('the desk world is not started (use it inside a test)');
    return world;
  };
}

/** The titles the post list shows now, in order. */
export async function listedTitles(page: Page): Promise<string[]> {
  return (await page.getByRole('listbox').getByRole('option').locator('.post-item-title').allTextContents()).map((t) => t.trim());
}
