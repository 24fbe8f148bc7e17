import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { web, webPost } from '../../integration/sync/support.ts';
import { screenshotPath } from '../support/browser.ts';
import { useConnectedDesk } from '../support/connected-desk.ts';

/**
 * The preview: the open post in the blog's own look (its stylesheet cached by the first sync), in a frame
 * that never runs the post's scripts and never touches the network. The post is given every way we know to
 * make a page reach out — a script, an onerror handler, a remote image, an iframe, a stylesheet, a background
 * — all pointing at a local server that counts what it is asked; it must be asked nothing.
 */
let canary: Server;
let canaryUrl: string;
const canaryHits: string[] = [];

const TITLE = 'Utsikt från bryggan';

// The counting server starts before the desk's hooks, which seed a post that names it.
beforeAll(async () => {
  canary = createServer((req, res) => {
    canaryHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => (canary ? canary.close(resolve) : resolve(undefined)));
});

const desk = useConnectedDesk({
  prefix: 'longhand-preview-',
  seed: async (wp) => {
    await webPost(web(wp), { title: TITLE, content: '<!-- wp:paragraph -->\n<p>Morgondimma över vattnet.</p>\n<!-- /wp:paragraph -->' });
  },
  prepare: async (api, blog) => {
    const id = (await api.listArchive({ blogId: blog.id, statuses: ['published'], limit: 5 })).items[0]!.id;
    await api.savePost(id, {
      html: [
        '<p>Morgondimma över vattnet. Solen bryter igenom vid sjutiden och bryggan <em>ångar</em>.</p>',
        'Klassisk text utan stycketaggar\nmed en radbrytning.',
        `<script>window.top.canary = 'script'; fetch('${canaryUrl}/script')</script>`,
        `<img src="x" onerror="window.top.canary = 'onerror'; new Image().src = '${canaryUrl}/onerror'" alt="Trasig bild">`,
        `<img src="${canaryUrl}/remote.jpg" srcset="${canaryUrl}/remote-2x.jpg 2x" alt="Bryggan i dimma">`,
        `<iframe src="${canaryUrl}/frame"></iframe>`,
        `<p style="background-image:url(${canaryUrl}/bg.png)">Stycke med bakgrund.</p>`,
        `<link rel="stylesheet" href="${canaryUrl}/style.css"><style>@import url(${canaryUrl}/import.css);</style>`,
        `<p><a href="${canaryUrl}/link">En länk</a> som inte får lämna förhandsvisningen.</p>`,
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ].join('\n\n'),
    });
  },
});
let page: Page;
beforeEach(() => {
  ({ page } = desk());
});

function previewFrame(): Frame {
  const frame = page.frames().find((f) => f.url() === 'about:srcdoc');
  if (!frame) throw new Error('no preview frame');
  return frame;
}

test('the post in the blog’s look, in a frame that runs nothing and asks the network for nothing', async () => {
  await page.getByRole('option', { name: new RegExp(TITLE) }).first().click();
  await expect.poll(() => page.getByLabel('Rubrik', { exact: true }).inputValue()).toBe(TITLE);

  const requests: { url: string; fromPreview: boolean }[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), fromPreview: request.frame().url() === 'about:srcdoc' }));
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const dialog = page.getByRole('dialog', { name: 'Förhandsvisning' });
  await dialog.waitFor();
  const frame = dialog.locator('iframe');
  expect(await frame.getAttribute('sandbox')).toBe('');
  await expect.poll(() => previewFrame().locator('h1').textContent()).toBe(TITLE);

  const inside = previewFrame();
  // The blog's look: Twenty Twenty-Three's global styles and its post-title block class.
  expect(await inside.locator('h1').getAttribute('class')).toContain('wp-block-post-title');
  expect(await inside.locator('body').evaluate((b) => getComputedStyle(b).getPropertyValue('--wp--preset--color--base').trim())).toBe('#ffffff');
  expect(await dialog.getByRole('note').count()).toBe(0);
  expect(await inside.locator('.entry-content p').first().textContent()).toContain('Morgondimma över vattnet');
  expect(await inside.locator('.entry-content').textContent()).toContain('Klassisk text utan stycketaggar');
  expect(await inside.locator('.lh-placeholder[aria-label="Bryggan i dimma"]').count()).toBe(1);
  expect(await inside.locator('.lh-embed-card').textContent()).toContain('YouTube');
  expect(await inside.locator('script, iframe, link, img:not([src^="data:"])').count()).toBe(0);
  await page.screenshot({ path: screenshotPath('preview-desktop') });

  await dialog.getByRole('button', { name: 'Mobil (390 px)' }).click();
  await expect.poll(() => frame.evaluate((f) => (f as HTMLIFrameElement).clientWidth)).toBe(390);
  await page.screenshot({ path: screenshotPath('preview-mobile') });

  // A click on a link stays put (it has no href inside the frame).
  await inside.getByText('En länk').click();
  await page.waitForTimeout(300);
  expect(previewFrame().url()).toBe('about:srcdoc');

  // Nothing ran, nothing was asked for.
  expect(await page.evaluate(() => (window as unknown as { canary?: string }).canary)).toBeUndefined();
  expect(canaryHits).toEqual([]);
  expect(requests.filter((r) => r.fromPreview || r.url.startsWith(canaryUrl))).toEqual([]);

  // Escape closes, even after a click inside the post (keys pressed in the frame would stay there).
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
});
