import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { BlogApi } from '../../../electron/common/api.ts';
import { screenshotPath } from '../support/browser.ts';
import { listedTitles as titlesOn, useDeskWorld } from './desk-world.ts';

/**
 * The writer's desk over an imported archive (our WXR fixture): browse by month and category, search as you
 * type with highlighted matches, move through the list with the keyboard. What the UI lists is compared with
 * what the library answers through the API, so the test checks the wiring, not numbers copied from a fixture.
 */
const world = useDeskWorld('longhand-desk-');
let api: BlogApi;
let page: Page;
beforeAll(() => {
  ({ api, page } = world());
});

const listedTitles = () => titlesOn(page);
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

  // A quick burst moves the cursor at once and opens only the post where it stops.
  expect(titles.length).toBeGreaterThan(4);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.getByRole('listbox').getByRole('option', { selected: true }).textContent()).toContain(titles[4]);
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).inputValue()).toBe(titles[4]);
});
