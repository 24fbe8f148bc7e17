import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePost } from '../../../electron/core/fidelity/index.ts';
import { screenshotPath } from '../support/browser.ts';
import { type EditorWorld, BLOCKS, body, caretAtEndOfBlock, openApp, openPost, paste, startWorld, waitForSave } from './support.ts';
import { XSS_PAYLOADS, xssPost } from './xss-corpus.ts';

/**
 * No HTML that came from outside the keyboard may run script: posts opened with an XSS corpus as their
 * body, and the same corpus pasted, in real Chromium with the page's CSP switched off (so the test proves
 * the sanitising, not the CSP behind it). A canary global and alert() must stay untouched while the test
 * hovers and clicks everything; and the opaque blocks still write their original HTML back.
 */
let world: EditorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

async function hostilePage() {
  const opened = await openApp(world, { bypassCSP: true });
  const dialogs: string[] = [];
  opened.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await opened.page.evaluate(() => {
    (window as unknown as { __xss?: number }).__xss = undefined;
  });
  return { ...opened, dialogs };
}

/**
 * Hover and click every block, link and image preview, as a curious writer would (but not the block action
 * bars that clicking opens: aligning an image is an edit, and the test wants the blocks unedited).
 */
async function poke(page: Page): Promise<void> {
  await body(page).evaluate((root) => {
    for (const el of root.querySelectorAll('a, img, span, .lh-block, td')) el.setAttribute('data-poke', '');
  });
  const targets = body(page).locator('[data-poke]');
  const count = Math.min(await targets.count(), 120);
  for (let i = 0; i < count; i++) {
    const target = targets.nth(i);
    if (!(await target.isVisible())) continue;
    await target.hover({ timeout: 2000 }).catch(() => undefined);
    await target.click({ timeout: 2000, modifiers: ['ControlOrMeta'] }).catch(() => undefined);
  }
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
}

const canary = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);

describe.each(['classic', 'blocks'] as const)('a %s post made of hostile HTML', (dialect) => {
  test('opens without running anything, and writes the original HTML back', async () => {
    const raw = xssPost(dialect);
    const post = await world.api.createPost({ title: `XSS ${dialect}`, html: raw });
    const { page, dialogs } = await hostilePage();
    await openPost(page, post);
    await poke(page);
    expect(await canary(page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(await page.locator('.editor-body script, .editor-body iframe, .editor-body object, .editor-body embed, .editor-body svg:not(.icon), .editor-body style').count()).toBe(0);
    expect(await page.locator('.editor-body [onerror], .editor-body [onload], .editor-body [onmouseover], .editor-body [ontoggle]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath(`editor-xss-${dialect}`) });

    // Touch an ordinary paragraph and save: every hostile block is still its exact original bytes.
    await caretAtEndOfBlock(page, 0);
    await page.keyboard.type(' Redigerat.');
    const saved = await waitForSave(page, world.api, post);
    await expect.poll(async () => (await world.api.getPost(post.id)).html).toContain('Redigerat.');
    const html = (await world.api.getPost(post.id)).html;
    const before = parsePost(raw).blocks.slice(1).map((b) => b.source);
    const after = parsePost(html).blocks.slice(1).map((b) => b.source);
    expect(after).toEqual(before);
    expect(saved.version).toBeGreaterThan(post.version);
    expect(await canary(page)).toBeNull();
    await page.context().close();
  });
});

test('pasting the corpus as HTML and as text runs nothing', async () => {
  const post = await world.api.createPost({ title: 'XSS inklistrat', html: 'Början.' });
  const { page, dialogs } = await hostilePage();
  await openPost(page, post);
  for (const payload of XSS_PAYLOADS) {
    await caretAtEndOfBlock(page, 0);
    await page.keyboard.press('Enter');
    await paste(page, { 'text/html': `<meta charset="utf-8">${payload}`, 'text/plain': payload });
  }
  await caretAtEndOfBlock(page, 0);
  await page.keyboard.press('Enter');
  await paste(page, { 'text/plain': XSS_PAYLOADS.join('\n') });
  await poke(page);
  expect(await canary(page)).toBeNull();
  expect(dialogs).toEqual([]);
  expect(await body(page).locator(BLOCKS).count()).toBeGreaterThan(5);
  expect(await page.locator('.editor-body [onerror], .editor-body [onload], .editor-body a[href^="javascript" i]').count()).toBe(0);
  const saved = await waitForSave(page, world.api, post);
  // What was pasted is content now, written fresh by the editor: no script, no handlers, no javascript: links
  // in any tag (the payloads pasted as plain text are text, escaped, and may say what they like).
  const tags = saved.html.match(/<[a-z][^>]*>/gi) ?? [];
  expect(tags.filter((tag) => /^<(script|iframe|object|embed|svg|style|math)|\son\w+=|javascript:/i.test(tag))).toEqual([]);
  await page.context().close();
});
