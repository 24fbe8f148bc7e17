import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BlogApi } from '../../../electron/common/api.ts';
import { createBlogApiClient } from '../../../electron/common/ipc/client.ts';
import { createHttpTransport } from '../../harness/http-transport.ts';
import { type RunningHarness, startHarness } from '../../harness/launch.ts';
import { launchChromium, screenshotPath } from '../support/browser.ts';

/**
 * The writer's desk over an imported archive (our WXR fixture): browse by month and category, search as you
 * type with highlighted matches, move through the list with the keyboard. What the UI lists is compared with
 * what the library answers through the API, so the test checks the wiring, not numbers copied from a fixture.
 */
let harness: RunningHarness;
let browser: Browser;
let api: BlogApi;
let page: Page;

beforeAll(async () => {
  harness = await startHarness(mkdtempSync(join(tmpdir(), 'longhand-desk-')));
  api = createBlogApiClient(createHttpTransport(harness.url));
  await api.importWxr({ path: join(process.cwd(), 'tests/fixtures/wxr/kommunbloggen.wxr.xml') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'sv-SE' });
  await page.goto(harness.url);
  await page.getByRole('listbox').getByRole('option').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

const listedTitles = async () => (await page.getByRole('listbox').getByRole('option').locator('.post-item-title').allTextContents()).map((t) => t.trim());
const titlesOf = (items: { title: string }[]) => items.map((p) => p.title.trim());

test('the archive by year and month lists exactly the posts of that month', async () => {
  const counts = await api.archiveCounts();
  const year = counts.years.find((y) => y.months.length > 1) ?? counts.years[0]!;
  const month = year.months[0]!;
  await page.getByRole('button', { name: new RegExp(`^▸?\\s*${year.year}`) }).click();
  const monthName = new Date(2000, month.month - 1, 1).toLocaleDateString('sv-SE', { month: 'long' });
  await page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${monthName}`) }).click();
  const expected = titlesOf((await api.listArchive({ year: year.year, month: month.month })).items);
  expect(expected.length).toBe(month.count);
  await expect.poll(listedTitles).toEqual(expected);
  await page.screenshot({ path: screenshotPath('desk-month') });
});

test('a category lists its posts and those of its subcategories', async () => {
  const categories = await api.listTerms({ taxonomy: 'category' });
  const parent = categories.find((c) => categories.some((child) => child.parentId === c.id))!;
  await page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${parent.name}\\s*\\d`) }).click();
  const expected = titlesOf((await api.listArchive({ categoryId: parent.id })).items);
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(listedTitles).toEqual(expected);
});

test('search as you type finds a Swedish word in any case, highlights it, and opens the post', async () => {
  await page.getByRole('button', { name: /^Alla inlägg/ }).click();
  const search = page.getByRole('searchbox', { name: 'Sök' });
  await search.fill('SÅRBAR');
  await expect.poll(() => page.locator('.post-item mark').count()).toBeGreaterThan(0);
  const marks = await page.locator('.post-item mark').allTextContents();
  expect(marks.every((m) => m.toLowerCase().startsWith('sårbar'))).toBe(true);
  const expected = titlesOf((await api.search({ text: 'SÅRBAR' })).items.map((hit) => hit.post));
  await expect.poll(listedTitles).toEqual(expected);
  await page.screenshot({ path: screenshotPath('desk-search') });

  await search.press('ArrowDown');
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).inputValue()).toBe(expected[0]);

  await search.fill('ordsomintefinns');
  await expect.poll(() => page.getByText('Inget inlägg matchar', { exact: false }).count()).toBe(1);
  await search.press('Escape');
  await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBeGreaterThan(1);
});

test('arrow keys move through the list and open each post', async () => {
  const first = page.getByRole('listbox').getByRole('option').first();
  await first.click();
  const titles = await listedTitles();
  await first.press('ArrowDown');
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).inputValue()).toBe(titles[1]);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).inputValue()).toBe(titles[2]);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).inputValue()).toBe(titles[1]);
});
