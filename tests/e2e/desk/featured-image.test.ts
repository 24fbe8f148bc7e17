import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Media, Post } from '../../../electron/common/models.ts';
import { screenshotPath } from '../support/browser.ts';
import { type EditorWorld, landscapePng, type OpenedPage, openApp, openPost, startWorld } from '../editor/support.ts';

/** The featured image in the inspector: from disk (stored locally, offline), from the post's own images, removed. */
let world: EditorWorld;
let opened: OpenedPage;
let page: Page;
let post: Post;
let inPost: Media;
const dir = mkdtempSync(join(tmpdir(), 'longhand-featured-'));
const fromDisk = landscapePng(640, 360);

beforeAll(async () => {
  world = await startWorld();
  const { api } = world;
  post = await api.createPost({ title: 'Bryggan en kväll i augusti', html: '<p>Vattnet låg stilla.</p>' });
  // An image already in the post, as the editor stores one (related to the post, referenced from the text).
  inPost = await api.addMedia({ fileName: 'brygga.png', data: landscapePng(200, 150).toString('base64'), alt: 'Bryggan i kvällsljus', postId: post.id });
  post = await api.savePost(post.id, { html: `<p>Vattnet låg stilla.</p>\n\n<img src="longhand://media/${inPost.id}" alt="Bryggan i kvällsljus">` });
  writeFileSync(join(dir, 'solnedgang.png'), fromDisk);
  writeFileSync(join(dir, 'anteckning.txt'), 'inte en bild');
  opened = await openApp(world, { viewport: { width: 1440, height: 1000 } });
  page = opened.page;
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const featured = (p: Page): Locator => p.getByRole('group', { name: 'Utvald bild' });

/** The thumbnail has loaded real pixels (not just an <img> element). */
async function thumbnailWidth(p: Page): Promise<number> {
  return featured(p).locator('.featured-box img').evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));
}

async function chooseFile(p: Page, name: string): Promise<void> {
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), featured(p).getByRole('button', { name: 'Välj bild…' }).click()]);
  await chooser.setFiles(join(dir, name));
}

test('a file from disk becomes the featured image, stored locally, and is still there after a reload', async () => {
  await openPost(page, post);
  await expect.poll(() => featured(page).textContent()).toContain('Ingen utvald bild');
  await page.screenshot({ path: screenshotPath('featured-image-empty') });

  await chooseFile(page, 'solnedgang.png');
  await expect.poll(async () => (await world.api.getPost(post.id)).featuredMediaId).not.toBeNull();
  const id = (await world.api.getPost(post.id)).featuredMediaId!;
  const stored = await world.api.readMedia(id);
  expect(Buffer.from(stored.data, 'base64').equals(fromDisk)).toBe(true);
  expect((await world.api.listMedia({ postId: post.id })).items.map((m) => m.id)).toContain(id);
  await expect.poll(() => thumbnailWidth(page)).toBe(640);

  await page.reload();
  await page.getByRole('button', { name: 'Nytt inlägg' }).waitFor();
  await openPost(page, post);
  await expect.poll(() => thumbnailWidth(page)).toBe(640);
  expect(await featured(page).locator('.featured-box img').getAttribute('alt')).toBe('solnedgang.png');
});

test('a file that is not an image is refused with a message, and the featured image stays', async () => {
  const before = (await world.api.getPost(post.id)).featuredMediaId;
  await chooseFile(page, 'anteckning.txt');
  await expect.poll(() => featured(page).getByRole('alert').textContent()).toContain('”anteckning.txt” är ingen bild');
  expect((await world.api.getPost(post.id)).featuredMediaId).toBe(before);
});

test("one of the post's images is picked with the keyboard, then the featured image is removed (the media stays)", async () => {
  const trigger = featured(page).getByRole('button', { name: 'Välj bland inläggets bilder' });
  await trigger.click();
  const list = featured(page).getByRole('group', { name: 'Inläggets bilder' });
  await expect.poll(() => list.getByRole('button').count()).toBe(2);
  // The list opens with focus on its first image; Escape closes it and gives focus back.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.featured-picker') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => list.count()).toBe(0);
  await expect.poll(() => trigger.evaluate((el) => el === document.activeElement)).toBe(true);

  await page.keyboard.press('Enter');
  await expect.poll(() => list.getByRole('button').count()).toBe(2);
  const target = list.getByRole('button', { name: 'Bryggan i kvällsljus' });
  for (let i = 0; i < 2 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: screenshotPath('featured-image-picker') });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await world.api.getPost(post.id)).featuredMediaId).toBe(inPost.id);
  await expect.poll(() => featured(page).locator('.featured-box img').getAttribute('alt')).toBe('Bryggan i kvällsljus');
  await expect.poll(() => featured(page).textContent()).toContain('Alternativtext: Bryggan i kvällsljus');
  await expect.poll(() => thumbnailWidth(page)).toBe(200);
  await page.screenshot({ path: screenshotPath('featured-image') });

  await featured(page).getByRole('button', { name: 'Ta bort' }).click();
  await expect.poll(async () => (await world.api.getPost(post.id)).featuredMediaId).toBeNull();
  await expect.poll(() => featured(page).textContent()).toContain('Ingen utvald bild');
  expect((await world.api.getMedia(inPost.id)).id).toBe(inPost.id);
  expect(opened.errors).toEqual([]);
});

test('an image file dropped on the empty box becomes the featured image; a too-large one is refused', async () => {
  const box = featured(page).locator('.featured-box');
  const drop = (name: string, bytes: number[] | number) =>
    box.evaluate(
      (el, [fileName, content]) => {
        const transfer = new DataTransfer();
        // A number stands for a file of that many (zero) bytes: enough to test the size check without a real picture.
        const data = typeof content === 'number' ? new ArrayBuffer(content) : new Uint8Array(content);
        transfer.items.add(new File([data], fileName, { type: 'image/png' }));
        const at = { bubbles: true, cancelable: true, dataTransfer: transfer };
        el.dispatchEvent(new DragEvent('dragover', at));
        el.dispatchEvent(new DragEvent('drop', at));
      },
      [name, bytes] as const,
    );
  await drop('enorm.png', 65.5 * 1024 * 1024);
  await expect.poll(() => featured(page).getByRole('alert').textContent()).toContain('”enorm.png” är för stor (65,5 MB). En bild får vara högst 64 MB.');
  expect((await world.api.getPost(post.id)).featuredMediaId).toBeNull();

  await drop('slappt.png', [...landscapePng(160, 90)]);
  await expect.poll(async () => (await world.api.getPost(post.id)).featuredMediaId).not.toBeNull();
  await expect.poll(() => thumbnailWidth(page)).toBe(160);
  expect(await featured(page).getByRole('alert').count()).toBe(0);
  expect(opened.errors).toEqual([]);
});
