import { afterAll, beforeAll, expect, test } from 'vitest';
import { parsePost } from '../../../electron/core/fidelity/index.ts';
import { screenshotPath } from '../support/browser.ts';
import { type EditorWorld, body, caretAtEndOfBlock, landscapePng, openApp, paste, startWorld, waitForSave } from './support.ts';

/**
 * A long Swedish post written the way our author writes: headings, a captioned image, a quote of another
 * writer with the source under it, a list, an embedded film. Screenshots to look at, and the HTML it saves.
 */
let world: EditorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const INTRO =
  'Det här är den tredje anteckningen i serien ”Nära”. Veckan har handlat om ledarskap, om att våga visa sina utkast och om att lyssna innan man bestämmer sig – och om att kaffet nästan räckte till alla.';
const FORUM =
  'Över sextio chefer trängdes i stora salen när höstens första ledarforum drog igång. Vi pratade om lotsarbetet, om samverkansavtalen och om hur vi gör upphandlingarna begripliga för dem som ska leva med dem.';

test('a long post with a quote, a list, a captioned image and an embed looks right and saves as written', async () => {
  const { page, errors } = await openApp(world, { viewport: { width: 1500, height: 1000 } });
  await page.getByRole('button', { name: 'Nytt inlägg' }).click();
  const title = page.getByLabel('Rubrik', { exact: true });
  await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
  await title.fill('Nära mig – vecka 38');
  await body(page).waitFor();
  await title.press('Enter');
  const k = page.keyboard;
  await k.type(INTRO);
  await k.press('Enter');
  await k.type('## Ledarforum i stora salen');
  await k.press('Enter');
  await k.type(FORUM);
  await k.press('Enter');
  await page.locator('.toolbar input[type=file]').setInputFiles({ name: 'kvall-vid-sjon.png', mimeType: 'image/png', buffer: landscapePng(720, 420) });
  const image = body(page).locator('.lh-image img');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(720);
  await image.click();
  await page.getByRole('button', { name: 'Alt-text och bildtext…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bild' });
  await dialog.getByLabel('Alt-text').fill('Kvällsljus över sjön');
  await dialog.getByLabel('Bildtext').fill('Efter forumet: kvällsljus över sjön, tio minuter från stadshuset.');
  await dialog.getByRole('button', { name: 'Använd' }).click();
  await caretAtEndOfBlock(page, 4); // the paragraph after the image
  await k.type('Karin Ek skriver i sitt veckobrev något som jag har burit med mig hela veckan:');
  await k.press('Enter');
  await k.type('> Den som aldrig visar osäkerhet får heller aldrig hjälp. Visa utkastet tidigt, be om invändningar och tacka för det som svider.');
  await page.getByRole('button', { name: 'Källa under citatet' }).click();
  await k.type('Karin Ek, veckobrev 12');
  await k.press('Enter');
  await k.type('Tre frågor jag tar med mig till nästa forum:');
  await k.press('Enter');
  await k.type('- Vem äger frågan?');
  await k.press('Enter');
  await k.type('Vad ska vara avgjort när vi går därifrån?');
  await k.press('Enter');
  await k.type('Vem tar den vidare på måndag?');
  await k.press('Enter');
  await k.press('Enter');
  await k.type('Och här är filmen som flera frågade efter:');
  await k.press('Enter');
  await paste(page, { 'text/plain': 'https://www.youtube.com/watch?v=Qm3vR8sTn2k' });
  await k.type('Trevlig helg! 🙂');

  await expect.poll(() => body(page).locator('.lh-embed-card').count()).toBe(1);
  await page.waitForTimeout(800);
  await page.locator('.editor-scroll').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('editor-long-post-top') });
  await body(page).locator('blockquote').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('editor-long-post-quote') });
  await body(page).locator('.lh-embed-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('editor-long-post-end') });

  const posts = await world.api.listPosts();
  const post = await world.api.getPost(posts.find((p) => p.title === 'Nära mig – vecka 38')!.id);
  await waitForSave(page, world.api, { ...post, version: 0 });
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toContain('Trevlig helg! 🙂');
  const html = (await world.api.getPost(post.id)).html;
  expect(parsePost(html).blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph', 'image', 'paragraph', 'quote', 'paragraph', 'list', 'paragraph', 'embed', 'paragraph']);
  expect(html).toContain('<blockquote>Den som aldrig visar osäkerhet får heller aldrig hjälp. Visa utkastet tidigt, be om invändningar och tacka för det som svider.\n\n<cite>Karin Ek, veckobrev 12</cite></blockquote>');
  expect(html).toContain(' Efter forumet: kvällsljus över sjön, tio minuter från stadshuset.[/caption]');
  expect(html).toContain('\n\nhttps://www.youtube.com/watch?v=Qm3vR8sTn2k\n\n');
  expect(errors).toEqual([]);
  await page.context().close();
});
