import { afterAll, beforeAll, expect, test } from 'vitest';
import { parsePost } from '../../../electron/core/fidelity/index.ts';
import { fixture } from '../../unit/core/fidelity/fixtures.ts';
import { screenshotPath } from '../support/browser.ts';
import { type EditorWorld, BLOCKS, body, caretAtEndOfBlock, landscapePng, openApp, openPost, startWorld, waitForSave } from './support.ts';

/**
 * The blocks beyond text: images from disk (into the local media store, shown offline), their alt text,
 * caption and alignment; opaque blocks and "Edit HTML"; the whole-post source view.
 */
let world: EditorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

test('an image from disk goes into the media library, shows offline, and gets a caption and alignment', async () => {
  const post = await world.api.createPost({ title: 'Bild från disken', html: 'Före bilden.' });
  const { page, errors } = await openApp(world);
  await openPost(page, post);
  await caretAtEndOfBlock(page, 0);
  await page.locator('.toolbar input[type=file]').setInputFiles({ name: 'sjon.png', mimeType: 'image/png', buffer: landscapePng() });
  const image = body(page).locator('.lh-image img');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
  expect(await image.getAttribute('src')).toMatch(/^blob:/);

  await image.click();
  await page.getByRole('button', { name: 'Mitten' }).click();
  await page.getByRole('button', { name: 'Alt-text och bildtext…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bild' });
  await dialog.getByLabel('Alt-text').fill('Sjön en stilla kväll');
  await dialog.getByLabel('Bildtext').fill('Kvällsljus över sjön – foto: jag själv');
  await dialog.getByRole('button', { name: 'Använd' }).click();
  await expect.poll(() => body(page).locator('figcaption').textContent()).toBe('Kvällsljus över sjön – foto: jag själv');

  await waitForSave(page, world.api, post);
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toContain('Kvällsljus');
  const saved = await world.api.getPost(post.id);
  const media = await world.api.listMedia({ postId: post.id });
  expect(media.items).toHaveLength(1);
  expect(media.items[0]).toMatchObject({ fileName: 'sjon.png', width: 480, height: 300 });
  expect(saved.html).toBe(
    `Före bilden.\n\n[caption align="aligncenter" width="480"]<img src="longhand://media/${media.items[0]!.id}" alt="Sjön en stilla kväll" width="480" height="300" /> Kvällsljus över sjön – foto: jag själv[/caption]`,
  );
  expect(errors).toEqual([]);
  await page.context().close();
});

test('an opaque block shows a preview, and "Edit HTML" changes only it', async () => {
  const raw = fixture('classic/budget-i-siffror.html');
  const post = await world.api.createPost({ title: 'Tabell', html: raw });
  const { page, errors } = await openApp(world);
  await openPost(page, post);
  const table = body(page).locator('.lh-opaque').filter({ hasText: 'Skatteintäkter' }).first();
  expect(await table.locator('td').first().textContent()).toBe('Skatteintäkter');
  await table.getByRole('button', { name: 'Redigera HTML' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redigera HTML' });
  const source = await dialog.getByRole('textbox').inputValue();
  expect(raw).toContain(source);
  await dialog.getByRole('textbox').fill(source.replace('1 412', '1 413'));
  await dialog.getByRole('button', { name: 'Använd' }).click();
  await expect.poll(() => table.locator('td').nth(1).textContent()).toBe('1 413');
  await waitForSave(page, world.api, post);
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toBe(raw.replace('1 412', '1 413'));
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the source view shows the exact HTML and applies an edit without reformatting the rest', async () => {
  const raw = fixture('blocks/blandat-freeform.html');
  const post = await world.api.createPost({ title: 'Källkod', html: raw });
  const { page, errors } = await openApp(world);
  await openPost(page, post);
  await page.getByRole('button', { name: 'Källkod (HTML)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Källkod (HTML)' });
  const textarea = dialog.getByRole('textbox');
  // (A textarea shows CR LF as LF; applying puts the post's own line endings back.)
  expect(await textarea.inputValue()).toBe(raw.replace(/\r\n/g, '\n'));
  await page.screenshot({ path: screenshotPath('editor-source-view') });
  const edited = raw.replace('Vänster spalt: det som fungerar.', 'Vänster spalt: det som fungerar bra.').replace('<h2 class="sektion" id="vad-hander">Vad händer nu?</h2>', '<h2 class="sektion" id="vad-hander">Vad händer sedan?</h2>');
  await textarea.fill(edited);
  await dialog.getByRole('button', { name: 'Använd' }).click();
  await expect.poll(() => body(page).locator('h2').textContent()).toBe('Vad händer sedan?');
  await waitForSave(page, world.api, post);
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toBe(edited);

  // And the editor goes on from the applied source: an edit after it changes only that block.
  const parsed = parsePost(edited);
  const last = parsed.blocks.length - 1;
  await caretAtEndOfBlock(page, last);
  await page.keyboard.type(' Slut.');
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toContain('Slut.');
  const html = (await world.api.getPost(post.id)).html;
  expect(html.slice(0, edited.lastIndexOf('<!-- wp:paragraph -->'))).toBe(edited.slice(0, edited.lastIndexOf('<!-- wp:paragraph -->')));
  expect(await body(page).locator(BLOCKS).count()).toBeGreaterThanOrEqual(parsed.blocks.length);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('images can be pasted and dropped too, and land where the writer is', async () => {
  const post = await world.api.createPost({ title: 'Klistra och släpp bilder', html: 'Första stycket.\n\nAndra stycket.' });
  const { page, errors } = await openApp(world);
  await openPost(page, post);
  const png = [...landscapePng(120, 80)];
  await caretAtEndOfBlock(page, 0);
  await body(page).evaluate((root, bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'urklipp.png', { type: 'image/png' }));
    root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, png);
  await expect.poll(() => body(page).locator('.lh-image img').count()).toBe(1);
  // Dropped on the last paragraph: the image goes after it.
  const target = body(page).locator(BLOCKS).last();
  await target.evaluate((el, bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'slappt.png', { type: 'image/png' }));
    const rect = el.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: rect.left + 5, clientY: rect.top + 5 };
    el.dispatchEvent(new DragEvent('dragover', at));
    el.dispatchEvent(new DragEvent('drop', at));
  }, [...landscapePng(90, 60)]);
  await expect.poll(() => body(page).locator('.lh-image img').count()).toBe(2);
  await waitForSave(page, world.api, post);
  await expect.poll(async () => (await world.api.getPost(post.id)).html.match(/longhand:\/\/media\//g)?.length ?? 0).toBe(2);
  const kinds = parsePost((await world.api.getPost(post.id)).html).blocks.map((b) => b.kind);
  expect(kinds).toEqual(['paragraph', 'image', 'paragraph', 'image']);
  expect((await world.api.listMedia({ postId: post.id })).items.map((m) => m.fileName).sort()).toEqual(['slappt.png', 'urklipp.png']);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a quote holding a heading and a list opens as one, and typing inside keeps its structure', async () => {
  const html = 'Före.\n\n<blockquote><h3>Beslut</h3><ul><li>Flextid till kl. 19</li><li>Fria fredagar</li></ul><p>Vi följer upp i höst.</p><cite>Protokoll 14</cite></blockquote>\n\nEfter.';
  const post = await world.api.createPost({ title: 'Citat med struktur', html });
  const { page, errors } = await openApp(world);
  await openPost(page, post);
  const quote = body(page).locator('blockquote');
  expect(await quote.locator(':scope > *').evaluateAll((els) => els.map((e) => e.tagName.toLowerCase()))).toEqual(['h3', 'ul', 'p', 'cite']);
  await quote.locator('p').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Och i vår.');
  await waitForSave(page, world.api, post);
  await expect
    .poll(async () => (await world.api.getPost(post.id)).html)
    // Only the edited paragraph differs: the quote's other blocks and its spacing stay as written.
    .toBe(html.replace('höst.</p>', 'höst. Och i vår.</p>'));
  await page.screenshot({ path: screenshotPath('editor-quote-structure') });
  expect(errors).toEqual([]);
  await page.context().close();
});
