import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { type EditorWorld, body, openApp, openPost, startWorld, waitForSave } from './support.ts';

/**
 * A long post's blocks far from the viewport are hidden (OffscreenBlocksPlugin, `content-visibility: hidden`)
 * so typing stays cheap. Hidden must never mean lost or unreachable: whatever is scrolled to is rendered, the
 * caret can go anywhere, and edits far away land where they should.
 */
let world: EditorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const PARAGRAPHS = 240;
const paragraph = (i: number) => `Stycke ${i + 1}: veckan på kontoret handlade om samtal, kaffe och en budget som nästan gick ihop – som vanligt.`;
const html = Array.from({ length: PARAGRAPHS }, (_, i) =>
  i === 120 ? `<blockquote>Citat mitt i: den som väntar på vind får ro.</blockquote>\n\n${paragraph(i)}` : paragraph(i),
).join('\n\n');

/** Per top-level block: hidden (marked far) or not, in order. */
const farMarks = (page: Page) => body(page).evaluate((root) => [...root.children].map((c) => c.hasAttribute('data-lh-far')));

/** Whether the point at the middle of the block with this text hit-tests inside it (it is really rendered). */
const renderedAt = (page: Page, text: string) =>
  body(page).evaluate((root, needle) => {
    const block = [...root.children].find((c) => c.textContent?.includes(needle));
    if (!block) return 'missing';
    const box = block.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + 40, box.top + Math.min(box.height / 2, 12));
    return hit !== null && block.contains(hit);
  }, text);

test('far blocks are hidden, and whatever is scrolled to is rendered', async () => {
  const post = await world.api.createPost({ title: 'Långt inlägg att bläddra i', html });
  const { page, errors } = await openApp(world, { viewport: { width: 1280, height: 800 } });
  await openPost(page, post);
  await expect.poll(async () => (await farMarks(page)).at(-1)).toBe(true);
  let marks = await farMarks(page);
  expect(marks[0]).toBe(false);
  // Only a window around the viewport stays rendered: a few screens of a 241-block post.
  expect(marks.filter((far) => !far).length).toBeLessThan(80);

  // Jump to the end (as the scrollbar would): the last blocks are rendered, the first ones hidden. Blocks
  // never shown before have placeholder heights from their length, so one jump lands at the end.
  await page.locator('.editor-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => renderedAt(page, `Stycke ${PARAGRAPHS}:`)).toBe(true);
  marks = await farMarks(page);
  expect(marks.at(-1)).toBe(false);
  expect(marks[0]).toBe(true);
  await page.screenshot({ path: screenshotPath('editor-offscreen-end') });

  // And to the middle, where the quote is.
  await body(page).locator('blockquote').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(() => renderedAt(page, 'Citat mitt i')).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the caret goes to hidden blocks and what is typed there is saved in place; select all reaches every block', async () => {
  const post = await world.api.createPost({ title: 'Långt inlägg att skriva i', html });
  const { page, errors } = await openApp(world, { viewport: { width: 1280, height: 800 } });
  await openPost(page, post);
  await expect.poll(async () => (await farMarks(page)).at(-1)).toBe(true);
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

  await body(page).locator('p').first().click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type(' Slutord.');
  await expect.poll(() => renderedAt(page, 'Slutord.')).toBe(true);
  await page.keyboard.press(`${mod}+Home`);
  await page.keyboard.type('Först: ');
  await expect.poll(() => renderedAt(page, 'Först: Stycke 1:')).toBe(true);

  let saved = await waitForSave(page, world.api, post);
  await expect.poll(async () => (saved = await world.api.getPost(post.id)).html).toContain('Slutord.');
  expect(saved.html.startsWith('Först: Stycke 1:')).toBe(true);
  expect(saved.html.endsWith(`${paragraph(PARAGRAPHS - 1)} Slutord.`)).toBe(true);
  // Nothing else moved: the post is the original with the two edits.
  expect(saved.html).toBe(`Först: ${html} Slutord.`);

  // Select all and delete reaches the hidden blocks too; one undo brings every block back.
  const blocks = await body(page).evaluate((root) => root.children.length);
  await page.keyboard.press(`${mod}+A`);
  await page.keyboard.press('Backspace');
  await expect.poll(() => body(page).evaluate((root) => root.textContent)).toBe('');
  await page.keyboard.press(`${mod}+Z`);
  await expect.poll(() => body(page).evaluate((root) => root.children.length)).toBe(blocks);
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toBe(`Först: ${html} Slutord.`);
  expect(errors).toEqual([]);
  await page.context().close();
});
