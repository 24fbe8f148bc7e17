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

/** The inspector beside the editor: post settings saved as you change them, and the history with restore. */
let harness: RunningHarness;
let browser: Browser;
let api: BlogApi;
let page: Page;

beforeAll(async () => {
  harness = await startHarness(mkdtempSync(join(tmpdir(), 'longhand-inspector-')));
  api = createBlogApiClient(createHttpTransport(harness.url));
  await api.importWxr({ path: join(process.cwd(), 'tests/fixtures/wxr/kommunbloggen.wxr.xml') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
  await page.goto(harness.url);
  await page.getByRole('listbox').getByRole('option').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

async function openByTitle(title: string) {
  await page.getByRole('searchbox', { name: 'Sök' }).fill(title.split(' ')[0]!);
  await page.getByRole('option', { name: new RegExp(title) }).first().click();
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).inputValue()).toBe(title);
}

test('categories, a new tag, the slug and comments are saved on the post as they are changed', async () => {
  await openByTitle('Sårbarhet är ingen svaghet');
  const id = (await api.search({ text: 'Sårbarhet är ingen svaghet' })).items[0]!.post.id;
  const post = await api.getPost(id);
  const categories = await api.listTerms({ blogId: post.blogId, taxonomy: 'category' });
  const unchecked = categories.find((c) => !post.categoryIds.includes(c.id))!;

  await page.getByRole('checkbox', { name: unchecked.name, exact: true }).check();
  await expect.poll(async () => (await api.getPost(id)).categoryIds).toContain(unchecked.id);

  const tagField = page.getByRole('combobox', { name: 'Etiketter' });
  await tagField.fill('Tillit på tåget');
  await tagField.press('Enter');
  await expect.poll(async () => (await api.listTerms({ blogId: post.blogId, taxonomy: 'tag' })).map((t) => t.name)).toContain('Tillit på tåget');
  const tag = (await api.listTerms({ blogId: post.blogId, taxonomy: 'tag' })).find((t) => t.name === 'Tillit på tåget')!;
  await expect.poll(async () => (await api.getPost(id)).tagIds).toContain(tag.id);

  await page.getByLabel('Adress (slug)').fill('sarbarhet-ar-styrka');
  await expect.poll(async () => (await api.getPost(id)).slug).toBe('sarbarhet-ar-styrka');

  await page.getByRole('checkbox', { name: 'Tillåt kommentarer' }).setChecked(post.commentStatus !== 'open');
  await expect.poll(async () => (await api.getPost(id)).commentStatus).toBe(post.commentStatus === 'open' ? 'closed' : 'open');
  await page.screenshot({ path: screenshotPath('inspector-settings') });
});

test('an earlier version is previewed and restored, and the current one is kept in the history', async () => {
  const post = await api.createPost({ title: 'Historik – test', html: '<p>Första versionen av texten.</p>' });
  await api.takeRevision(post.id);
  await api.savePost(post.id, { html: '<p>Andra versionen, omskriven på tåget.</p>' });
  await openByTitle('Historik – test');
  await expect.poll(() => page.getByLabel('Brödtext').textContent()).toContain('Andra versionen');

  await page.getByRole('tab', { name: 'Historik' }).click();
  await page.locator('.revision-item').first().click();
  await expect.poll(() => page.locator('.revision-body').textContent()).toContain('Första versionen');
  await page.screenshot({ path: screenshotPath('inspector-history') });
  await page.getByRole('button', { name: 'Återställ den här versionen' }).click();

  await expect.poll(() => page.getByLabel('Brödtext').textContent()).toContain('Första versionen');
  await expect.poll(async () => (await api.getPost(post.id)).html).toContain('Första versionen');
  const revisions = await api.listRevisions(post.id);
  const texts = await Promise.all(revisions.map(async (r) => (await api.getRevision(r.id)).html));
  expect(texts.some((html) => html.includes('Andra versionen'))).toBe(true);
});
