import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { BlogApi } from '../../../electron/common/api.ts';
import { screenshotPath } from '../support/browser.ts';
import { listedTitles as titlesOn, useDeskWorld } from './desk-world.ts';

/**
 * The desk's commands from the keyboard (the same list the shell's menu is built from), the list's order by
 * date or title, and a layout that fits a 1280 and a 1024 px wide window with a post and its settings open.
 */
const world = useDeskWorld('longhand-commands-');
let api: BlogApi;
let page: Page;
beforeAll(() => {
  ({ api, page } = world());
});

const listedTitles = () => titlesOn(page);
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);
const sortButton = (name: string) => page.getByRole('group', { name: 'Sortera' }).getByRole('button', { name });

test('the list sorts by title (Swedish order, å ä ö after z) and back by date; the order is kept after a reload', async () => {
  const byDate = (await api.listArchive({ limit: 100 })).items.map((p) => p.title.trim() || 'Utan rubrik');
  const byTitle = (await api.listArchive({ limit: 100, sort: 'title' })).items.map((p) => p.title.trim());
  expect(byTitle).not.toEqual(byDate);
  await expect.poll(listedTitles).toEqual(byDate.slice(0, (await listedTitles()).length));

  await sortButton('Titel').click();
  await expect.poll(async () => (await listedTitles()).slice(0, 5)).toEqual(byTitle.slice(0, 5));
  expect(await sortButton('Titel').getAttribute('aria-pressed')).toBe('true');
  await page.screenshot({ path: screenshotPath('desk-sort-title') });

  await page.reload();
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await expect.poll(async () => (await listedTitles()).slice(0, 5)).toEqual(byTitle.slice(0, 5));

  await sortButton('Datum').click();
  await expect.poll(async () => (await listedTitles()).slice(0, 5)).toEqual(byDate.slice(0, 5));
});

test('Ctrl/Cmd+F focuses the list’s search in the current view; Ctrl/Cmd+Shift+F searches all posts', async () => {
  const drafts = page.getByRole('navigation').getByRole('button', { name: /^Utkast/ });
  await drafts.click();
  await expect.poll(() => drafts.getAttribute('aria-current')).toBe('page');
  await page.getByRole('listbox').getByRole('option').first().click();

  await page.keyboard.press('ControlOrMeta+f');
  await expect.poll(focusedLabel).toBe('Sök');
  expect(await drafts.getAttribute('aria-current')).toBe('page');

  await page.getByRole('listbox').getByRole('option').first().focus();
  await page.keyboard.press('ControlOrMeta+Shift+f');
  await expect.poll(focusedLabel).toBe('Sök');
  await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: /^Alla inlägg/ }).getAttribute('aria-current')).toBe('page');
});

test('shortcuts pressed in the list run their commands: settings panel, history, publish pre-flight, go to a view', async () => {
  const first = page.getByRole('listbox').getByRole('option').first();
  await first.click();
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).inputValue()).not.toBe('');
  const toggle = page.getByRole('button', { name: /Dölj inställningarna|Visa inställningar för inlägget/ });
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

  await first.focus();
  await page.keyboard.press('ControlOrMeta+Shift+e');
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
  expect(await page.locator('.inspector').count()).toBe(0);

  // History opens the panel again, on its History tab.
  await first.focus();
  await page.keyboard.press('ControlOrMeta+Shift+h');
  await expect.poll(() => page.getByRole('tab', { name: 'Historik' }).getAttribute('aria-selected')).toBe('true');

  // Publish or Update goes through the same pre-flight as the publish bar's button; cancelling it sends nothing.
  await page.keyboard.press('ControlOrMeta+Shift+e');
  await expect.poll(() => page.locator('.inspector').count()).toBe(0);
  await first.focus();
  await page.keyboard.press('ControlOrMeta+Shift+b');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.screenshot({ path: screenshotPath('desk-command-preflight') });
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  expect(await api.listOutbox()).toEqual([]);

  await page.keyboard.press('ControlOrMeta+2');
  await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: /^Utkast/ }).getAttribute('aria-current')).toBe('page');
  await page.keyboard.press('ControlOrMeta+1');
  await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: /^Alla inlägg/ }).getAttribute('aria-current')).toBe('page');
});

test.each([1280, 1024])('no horizontal overflow at %i px wide with a post and its settings open', async (width) => {
  await page.setViewportSize({ width, height: 800 });
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.locator('.inspector').waitFor();
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement!;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && el.getClientRects().length > 0)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  await page.screenshot({ path: screenshotPath(`desk-${width}`) });
  expect(overflow.wide).toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
});
