import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Post } from '../../../electron/common/models.ts';
import { screenshotPath } from '../support/browser.ts';
import { type EditorWorld, body, openApp, startWorld, waitForSave } from './support.ts';

/**
 * Writing in the editor: Markdown shortcuts, the toolbar (and that it mirrors the format at the caret),
 * keyboard shortcuts, links, quotes with an attribution, nested lists, counts and undo — each checked in
 * the DOM and in the HTML that is saved.
 */
let world: EditorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

async function newPost(page: Page, title: string): Promise<Post> {
  await page.getByRole('button', { name: 'Nytt inlägg' }).click();
  const input = page.getByLabel('Rubrik', { exact: true });
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  await input.fill(title);
  await body(page).waitFor();
  await input.press('Enter');
  const posts = await world.api.listPosts();
  await expect.poll(async () => (await world.api.listPosts()).find((p) => p.title === title)).toBeTruthy();
  return world.api.getPost((await world.api.listPosts()).find((p) => p.title === title)?.id ?? posts[0]!.id);
}

const pressed = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

test('Markdown shortcuts while typing make headings, quotes, lists, rules and formats', async () => {
  const { page, errors } = await openApp(world);
  const post = await newPost(page, 'Markdown medan jag skriver');
  const k = page.keyboard;
  await k.type('## Veckans rubrik');
  await k.press('Enter');
  await k.type('Ett stycke med **fet** text och _kursiv_ text och `kod` och ~~struket~~ slut.');
  await k.press('Enter');
  await k.type('> Citat ur boken');
  await k.press('Enter');
  await k.press('Enter'); // an empty line leaves the quote
  await k.type('- första');
  await k.press('Enter');
  await k.type('andra');
  await k.press('Enter');
  await k.press('Enter'); // an empty item leaves the list
  await k.type('1. ett');
  await k.press('Enter');
  await k.press('Enter');
  await k.type('---');
  await k.press('Enter');
  await k.type('#### Liten rubrik');

  await expect.poll(() => body(page).locator('h2').textContent()).toBe('Veckans rubrik');
  expect(await body(page).locator('strong').textContent()).toBe('fet');
  expect(await body(page).locator('blockquote').textContent()).toBe('Citat ur boken');
  expect(await body(page).locator('hr').count()).toBe(1);
  const saved = await waitForSave(page, world.api, post);
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toContain('<h4>Liten rubrik</h4>');
  const html = (await world.api.getPost(post.id)).html;
  expect(html).toBe(
    [
      '<h2>Veckans rubrik</h2>',
      'Ett stycke med <strong>fet</strong> text och <em>kursiv</em> text och <code>kod</code> och <s>struket</s> slut.',
      '<blockquote>Citat ur boken</blockquote>',
      '<ul>\n<li>första</li>\n<li>andra</li>\n</ul>',
      '<ol>\n<li>ett</li>\n</ol>',
      '<hr />',
      '<h4>Liten rubrik</h4>',
    ].join('\n\n'),
  );
  expect(saved.title).toBe('Markdown medan jag skriver');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the toolbar applies formats and mirrors them at the caret; shortcuts do the same', async () => {
  const { page, errors } = await openApp(world);
  const post = await newPost(page, 'Verktygsraden');
  const k = page.keyboard;
  await k.type('Vanlig ');
  await page.getByRole('button', { name: 'Fetstil', exact: true }).click();
  await k.type('fet');
  expect(await pressed(page, 'Fetstil')).toBe('true');
  await k.press('ControlOrMeta+b');
  await k.press('ControlOrMeta+i');
  await k.type(' kursiv');
  expect(await pressed(page, 'Kursiv')).toBe('true');
  expect(await pressed(page, 'Fetstil')).toBe('false');
  await k.press('ControlOrMeta+i');
  await page.getByRole('button', { name: 'Genomstruken', exact: true }).click();
  await k.type(' bort');
  await page.getByRole('button', { name: 'Genomstruken', exact: true }).click();
  await k.press('Enter');
  await k.type('Rubrik via kortkommando');
  await k.press('ControlOrMeta+Alt+3');
  await expect.poll(() => pressed(page, 'H3 – rubrik nivå 3')).toBe('true');
  await k.press('Enter');
  await k.type('Länka ordet');
  await body(page).evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf('ordet');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 'ordet'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
  });
  await page.waitForTimeout(50);
  await k.press('ControlOrMeta+k');
  await page.getByRole('dialog', { name: 'Länk' }).getByRole('textbox').fill('exempel.se/ord');
  await page.getByRole('dialog', { name: 'Länk' }).getByRole('button', { name: 'Spara' }).click();
  await expect.poll(() => body(page).locator('a').getAttribute('href')).toBe('https://exempel.se/ord');
  await k.press('End');
  await k.type(' och https://exempel.se/auto blir en länk ');

  await expect.poll(async () => (await world.api.getPost(post.id)).html, { timeout: 10_000 }).toContain('blir en länk');
  await waitForSave(page, world.api, post);
  const html = (await world.api.getPost(post.id)).html;
  expect(html).toContain('Vanlig <strong>fet</strong><em> kursiv</em><s> bort</s>');
  expect(html).toContain('<h3>Rubrik via kortkommando</h3>');
  expect(html).toContain('Länka <a href="https://exempel.se/ord">ordet</a> och <a href="https://exempel.se/auto">https://exempel.se/auto</a> blir en länk');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a quote with an attribution line, nested lists with Tab, undo and redo, counts', async () => {
  const { page, errors } = await openApp(world);
  const post = await newPost(page, 'Citat och listor');
  const k = page.keyboard;
  await k.type('Hon skrev något klokt:');
  await k.press('Enter');
  await k.type('Sårbarhet är en styrka.');
  await page.getByRole('button', { name: 'Citat', exact: true }).click();
  await expect.poll(() => pressed(page, 'Citat')).toBe('true');
  await page.getByRole('button', { name: 'Källa under citatet' }).click();
  await k.type('Karin Ek, veckobrev 12');
  await k.press('Enter'); // Enter in the attribution leaves the quote
  await page.getByRole('button', { name: 'Punktlista' }).click();
  await k.type('skolan');
  await k.press('Enter');
  await k.press('Tab');
  await k.type('förskolan');
  await k.press('Enter');
  await k.press('Shift+Tab');
  await k.type('hemtjänsten');
  await expect.poll(() => body(page).locator('cite').textContent()).toBe('Karin Ek, veckobrev 12');
  await expect.poll(() => body(page).locator('ul ul li').count()).toBe(1);

  await expect.poll(() => page.getByTestId('doc-stats').textContent(), { timeout: 5000 }).toContain('15 ord');
  await body(page).locator('cite').selectText();
  await expect.poll(() => page.getByTestId('doc-stats').textContent()).toContain('Markerat: 4 ord, 22 tecken');
  await page.screenshot({ path: screenshotPath('editor-quote-list') });

  await waitForSave(page, world.api, post);
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toContain('hemtjänsten');
  expect((await world.api.getPost(post.id)).html).toBe(
    'Hon skrev något klokt:\n\n<blockquote>Sårbarhet är en styrka.\n\n<cite>Karin Ek, veckobrev 12</cite></blockquote>\n\n' +
      '<ul>\n<li>skolan\n<ul>\n<li>förskolan</li>\n</ul>\n</li>\n<li>hemtjänsten</li>\n</ul>',
  );

  await body(page).locator('li').last().click();
  await k.press('End');
  await k.type(' och mer');
  await expect.poll(() => body(page).locator('li').last().textContent()).toBe('hemtjänsten och mer');
  // How many undo steps typing makes depends on pauses (steps merge within a second): step until back.
  const last = () => body(page).locator('li').last().textContent();
  for (let i = 0; i < 4 && (await last()) !== 'hemtjänsten'; i++) {
    await k.press('ControlOrMeta+z');
    await page.waitForTimeout(100);
  }
  expect(await last()).toBe('hemtjänsten');
  for (let i = 0; i < 4 && (await last()) !== 'hemtjänsten och mer'; i++) {
    await page.getByRole('button', { name: 'Gör om' }).click();
    await page.waitForTimeout(100);
  }
  await expect.poll(() => body(page).locator('li').last().textContent()).toBe('hemtjänsten och mer');
  expect(errors).toEqual([]);
  await page.context().close();
});
