import { afterAll, beforeAll, expect, test } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { type EditorWorld, body, openApp, openPost, startWorld, waitForSave } from './support.ts';

/**
 * A heading made inside a quote from the toolbar: it stays in the quote (with the rest of the quote and
 * its attribution), the toolbar shows both, the shortcut turns it back, one undo brings it again, and the
 * saved post has the heading inside the blockquote.
 */
let world: EditorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

test('H3 on a paragraph in a quote makes a heading inside the quote, and it is saved there', async () => {
  const html = 'Före.\n\n<blockquote><p>Beslut om <strong>arbetstider</strong></p><p>Flextiden utökas till kl. 19.</p><cite>Protokoll 14</cite></blockquote>\n\nEfter.';
  const post = await world.api.createPost({ title: 'Rubrik i citatet', html });
  const { page, errors } = await openApp(world);
  await openPost(page, post);
  const quote = body(page).locator('blockquote');
  const shape = () => quote.locator(':scope > *').evaluateAll((els) => els.map((e) => e.tagName.toLowerCase()));
  const h3 = page.getByRole('button', { name: 'H3 – rubrik nivå 3' });
  const quoteButton = page.getByRole('button', { name: 'Citat', exact: true });

  await quote.locator('p').first().click();
  await h3.click();
  await expect.poll(shape).toEqual(['h3', 'p', 'cite']);
  expect(await quote.locator('h3').innerHTML()).toMatch(/^<span[^>]*>Beslut om <\/span><strong[^>]*>arbetstider<\/strong>$/);
  expect(await body(page).locator('blockquote').count()).toBe(1);
  await expect.poll(() => h3.getAttribute('aria-pressed')).toBe('true');
  expect(await quoteButton.getAttribute('aria-pressed')).toBe('true');

  await waitForSave(page, world.api, post);
  // Whitespace between the quote's blocks is core's to choose; the heading must be inside the blockquote.
  const expected = /^Före\.\n\n<blockquote><h3>Beslut om <strong>arbetstider<\/strong><\/h3>\s*<p>Flextiden utökas till kl\. 19\.<\/p>\s*<cite>Protokoll 14<\/cite><\/blockquote>\n\nEfter\.$/;
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toMatch(expected);
  await page.screenshot({ path: screenshotPath('editor-quote-heading') });

  // The paragraph shortcut turns it back inside the quote; one undo makes it the heading again.
  await page.keyboard.press('ControlOrMeta+Alt+0');
  await expect.poll(shape).toEqual(['p', 'p', 'cite']);
  await expect.poll(() => h3.getAttribute('aria-pressed')).toBe('false');
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(shape).toEqual(['h3', 'p', 'cite']);
  await expect.poll(() => page.getByRole('status').first().getAttribute('data-status')).toBe('saved');
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toMatch(expected);
  expect(errors).toEqual([]);
  await page.context().close();
});
