import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePost, textContent } from '../../../electron/core/fidelity/index.ts';
import { loadFixtures } from '../../unit/core/fidelity/fixtures.ts';
import { screenshotPath } from '../support/browser.ts';
import { type EditorWorld, body, caretAtEndOfBlock, openApp, openPost, startWorld, waitForSave } from './support.ts';

/**
 * The fidelity contract in the real UI: every fixture post is created with its HTML through BlogApi,
 * opened in the editor in Chromium, and
 * - touched without a change (a letter typed and erased, so a save happens): the HTML stays byte-identical;
 * - one paragraph edited by typing: only that paragraph's bytes differ, and it reads back as typed.
 */
let world: EditorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const fixtures = loadFixtures();

describe.each(fixtures)('$name', ({ name, raw }) => {
  const parsed = parsePost(raw);
  const paragraph = parsed.blocks.findIndex((b) => b.kind === 'paragraph');

  test('opened, typed and erased, saved: byte-identical', async () => {
    const post = await world.api.createPost({ title: `Orörd ${name}`, html: raw });
    const { page, errors } = await openApp(world);
    await openPost(page, post);
    expect(await body(page).evaluate((el) => el.children.length)).toBeGreaterThanOrEqual(parsed.blocks.length);
    await caretAtEndOfBlock(page, Math.max(0, paragraph));
    await page.keyboard.type('x');
    await page.keyboard.press('Backspace');
    const saved = await waitForSave(page, world.api, post);
    expect(saved.html).toBe(raw);
    if (name === 'classic/bilder-fran-invigningen.html' || name === 'blocks/blandat-freeform.html') {
      await page.screenshot({ path: screenshotPath(`editor-fixture-${name.replace(/[/.]/g, '-')}`), fullPage: false });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test.runIf(paragraph >= 0)('one paragraph edited by typing: only its bytes differ', async () => {
    const post = await world.api.createPost({ title: `Redigerad ${name}`, html: raw });
    const { page, errors } = await openApp(world);
    await openPost(page, post);
    await caretAtEndOfBlock(page, paragraph);
    await page.keyboard.type(' Tillägg.');
    const saved = await waitForSave(page, world.api, post);
    await expect.poll(async () => (await world.api.getPost(post.id)).html).toContain('Tillägg.');
    const html = (await world.api.getPost(post.id)).html;

    let start = parsed.separators[0]!.length;
    for (let k = 0; k < paragraph; k++) start += parsed.blocks[k]!.source.length + parsed.separators[k + 1]!.length;
    const original = parsed.blocks[paragraph]!;
    const suffix = raw.slice(start + original.source.length);
    expect(html.slice(0, start)).toBe(raw.slice(0, start));
    expect(html.endsWith(suffix)).toBe(true);
    const again = parsePost(html).blocks[paragraph]!;
    const text = (b: typeof original) => (b.kind === 'paragraph' ? textContent(b.html).replace(/\s+/g, ' ') : b.kind);
    expect(text(again)).toBe(`${text(original)} Tillägg.`);
    expect(saved.version).toBeGreaterThan(post.version);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
