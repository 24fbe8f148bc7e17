import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, screenshotPath } from './support/browser.ts';
import { type RunningHarness, startHarness } from '../harness/launch.ts';

/**
 * The walking skeleton end to end: the real renderer in real Chromium, on real storage through the harness.
 * Write a post with a bold word and a list, see "Sparat", reload → identical; kill the process, start a new
 * one on the same data dir → identical.
 */
let browser: Browser;
let harness: RunningHarness | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'longhand-e2e-'));

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await harness?.stop();
  await browser?.close();
});

const TITLE = 'Vecka 17 – nära mig 🙂';

async function openApp(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, locale: 'sv-SE' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByRole('button', { name: 'Nytt inlägg' }).waitFor();
  expect(errors).toEqual([]);
  return page;
}

async function snapshot(page: Page) {
  return {
    title: await page.getByLabel('Rubrik', { exact: true }).inputValue(),
    body: await page.getByLabel('Brödtext').innerHTML(),
  };
}

test('a post written in the UI survives a reload and a restart of the process', async () => {
  harness = await startHarness(dataDir);
  let page = await openApp(harness.url);
  await expect.poll(() => page.getByText('Inga inlägg än', { exact: false }).count()).toBe(1);

  await page.getByRole('button', { name: 'Nytt inlägg' }).click();
  const title = page.getByLabel('Rubrik', { exact: true });
  await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
  await title.pressSequentially(TITLE);
  await title.press('Enter'); // Enter in the title moves to the body

  const body = page.getByLabel('Brödtext');
  await page.keyboard.type('Sårbarhet är en styrka, skrev hon – och det är ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('modigt');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' att säga ”jag vet inte”.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Punktlista' }).click();
  await page.keyboard.type('Vad gör vi bra?');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Vad kan bli bättre?');

  await expect.poll(() => body.locator('strong, b').first().textContent()).toBe('modigt');
  await expect.poll(() => body.locator('li').count()).toBe(2);
  await expect.poll(() => page.getByRole('status').getAttribute('data-status')).toBe('saved');
  await expect.poll(() => page.getByRole('listbox').getByRole('option').first().textContent()).toContain(TITLE);

  const written = await snapshot(page);
  expect(written.title).toBe(TITLE);
  await page.screenshot({ path: screenshotPath('skeleton-written') });

  // Reload: the page is new, the data comes back from storage.
  await page.reload();
  await page.getByRole('option', { name: new RegExp(TITLE) }).click();
  await page.getByLabel('Brödtext').locator('li').first().waitFor();
  expect(await snapshot(page)).toEqual(written);
  await page.close();

  // Crash the process (SIGKILL: no chance to flush anything) and start a new one on the same data dir.
  await harness.stop('SIGKILL');
  harness = await startHarness(dataDir);
  page = await openApp(harness.url);
  await page.getByRole('option', { name: new RegExp(TITLE) }).click();
  await page.getByLabel('Brödtext').locator('li').first().waitFor();
  expect(await snapshot(page)).toEqual(written);
  await page.screenshot({ path: screenshotPath('skeleton-restarted') });
  await page.close();
});

test('deleting a post asks first, and Cancel keeps it', async () => {
  harness ??= await startHarness(dataDir);
  const page = await openApp(harness.url);
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  const before = await page.getByRole('listbox').getByRole('option').count();
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.getByRole('button', { name: 'Ta bort…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ta bort inlägget?' });
  await dialog.waitFor();
  await page.screenshot({ path: screenshotPath('skeleton-confirm-delete') });
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  expect(await page.getByRole('listbox').getByRole('option').count()).toBe(before);

  await page.getByRole('button', { name: 'Ta bort…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort', exact: true }).click();
  await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(before - 1);
  await page.close();
});

test('Ctrl/Cmd+N makes a new post from anywhere in the window', async () => {
  harness ??= await startHarness(dataDir);
  const page = await openApp(harness.url);
  await page.locator('.post-list, .empty-list').first().waitFor(); // the list has loaded, empty or not
  const before = await page.getByRole('listbox').getByRole('option').count();
  await page.locator('body').press('ControlOrMeta+n');
  await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(before + 1);
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.close();
});

test('the UI follows the chosen language at once, and the choice survives a restart', async () => {
  harness ??= await startHarness(dataDir);
  const page = await openApp(harness.url);
  await page.getByRole('button', { name: 'Inställningar', exact: true }).click();
  await page.getByRole('dialog', { name: 'Inställningar' }).getByLabel('Språk').selectOption('en');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'New post' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.screenshot({ path: screenshotPath('skeleton-english') });

  await page.reload();
  await page.getByRole('button', { name: 'New post' }).waitFor();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Language').selectOption('sv');
  await page.getByRole('button', { name: 'Klar' }).click();
  await page.getByRole('button', { name: 'Nytt inlägg' }).waitFor();
  await page.close();
});
