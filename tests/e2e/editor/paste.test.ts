import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Post } from '../../../electron/common/models.ts';
import { type EditorWorld, body, caretAtEndOfBlock, openApp, openPost, paste, startWorld, waitForSave } from './support.ts';

/**
 * Pasting from the places our author copies from: web pages, Word, Google Docs, Markdown notes and plain
 * text. Structure (headings, lists, links, bold/italic) survives; styles, scripts and junk do not.
 */
let world: EditorWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

async function pasteInto(title: string, data: Record<string, string>): Promise<{ page: Page; post: Post; html: string; errors: string[] }> {
  const post = await world.api.createPost({ title, html: 'Inledning.' });
  const { page, errors } = await openApp(world);
  await openPost(page, post);
  await caretAtEndOfBlock(page, 0);
  await page.keyboard.press('Enter');
  await paste(page, data);
  const saved = await waitForSave(page, world.api, post);
  await page.waitForTimeout(600);
  return { page, post, html: (await world.api.getPost(post.id)).html || saved.html, errors };
}

test('HTML from a web page keeps headings, lists, links, bold and italic; drops styles and scripts', async () => {
  const html = `<html><head><style>p{color:red}</style></head><body>
    <h1 style="font-size:40px">Veckans tips</h1>
    <p class="ingress" style="color:#333;font-family:Comic Sans">Läs <b>det här</b> och <i>det där</i>, och besök <a href="https://exempel.se/sida" onclick="steal()" target="_blank">sidan</a>.</p>
    <ul><li>Första punkten</li><li>Andra <strong>viktiga</strong> punkten</li></ul>
    <script>window.__pasted = 1</script>
    <div><span style="color:red">Röd text utan färg</span></div>
  </body></html>`;
  const { page, html: saved, errors } = await pasteInto('Klistrat från webben', { 'text/html': html, 'text/plain': 'Veckans tips' });
  expect(await body(page).locator('h2').textContent()).toBe('Veckans tips');
  expect(await body(page).locator('li').count()).toBe(2);
  expect(await body(page).locator('[style*="color"], [style*="font-family"], .ingress').count()).toBe(0);
  expect(saved).toContain('<h2>Veckans tips</h2>');
  expect(saved).toContain('Läs <strong>det här</strong> och <em>det där</em>, och besök <a href="https://exempel.se/sida">sidan</a>.');
  expect(saved).toContain('<li>Andra <strong>viktiga</strong> punkten</li>');
  expect(saved).toContain('Röd text utan färg');
  expect(saved).not.toMatch(/style=|class=|onclick|<script|__pasted|Comic/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Google Docs: the all-enclosing <b> is not bold; styled spans become strong/em', async () => {
  const html =
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234abcd"><p dir="ltr" style="line-height:1.38;margin-top:0pt;"><span style="font-size:11pt;font-family:Arial;font-weight:400;">Vanlig text, </span><span style="font-size:11pt;font-family:Arial;font-weight:700;">fet</span><span style="font-size:11pt;font-family:Arial;font-weight:400;"> och </span><span style="font-size:11pt;font-family:Arial;font-style:italic;font-weight:400;">kursiv</span></p><ol><li dir="ltr"><p dir="ltr"><span style="font-size:11pt;">Ett</span></p></li><li dir="ltr"><p dir="ltr"><span style="font-size:11pt;">Två</span></p></li></ol></b>';
  const { page, html: saved, errors } = await pasteInto('Klistrat från Google Docs', { 'text/html': html, 'text/plain': 'Vanlig text, fet och kursiv' });
  expect(saved).toContain('Vanlig text, <strong>fet</strong> och <em>kursiv</em>');
  expect(saved).toMatch(/<ol>\n<li>Ett<\/li>\n<li>Två<\/li>\n<\/ol>/);
  expect(saved).not.toMatch(/<strong>Vanlig/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Word: list paragraphs become a list, Office junk is dropped', async () => {
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>.MsoNormal{}</style></head><body>
    <p class=MsoNormal>Några frågor:<o:p></o:p></p>
    <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span>Vem äger frågan?<o:p></o:p></p>
    <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span>Vad händer <b>sedan</b>?<o:p></o:p></p>
    <!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
  </body></html>`;
  const { page, html: saved, errors } = await pasteInto('Klistrat från Word', { 'text/html': html, 'text/plain': 'Några frågor:' });
  expect(saved).toContain('Några frågor:');
  expect(saved).toMatch(/<ul>\n<li>Vem äger frågan\?<\/li>\n<li>Vad händer <strong>sedan<\/strong>\?<\/li>\n<\/ul>/);
  expect(saved).not.toMatch(/Mso|mso-|o:p|·|OfficeDocument/);
  expect(errors).toEqual([]);
  await page.context().close();
});

/** A Word list paragraph at a nesting level, as Word puts it on the clipboard. */
const wordItem = (text: string, level: number, marker: string) =>
  `<p class=MsoListParagraphCxSpMiddle style='margin-left:${36 * level}pt;text-indent:-18.0pt;mso-list:l0 level${level} lfo1'><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span>${text}<o:p></o:p></p>`;

test('Word: nested list levels (mso-list levelN) become nested lists', async () => {
  const item = wordItem;
  const html = `<html><body>${[item('Mål', 1, '·'), item('kortsiktiga', 2, 'o'), item('första steget', 3, '1.'), item('långsiktiga', 2, 'o'), item('Medel', 1, '·')].join('\n')}</body></html>`;
  const { page, html: saved, errors } = await pasteInto('Klistrat från Word, nästlat', { 'text/html': html, 'text/plain': 'Mål' });
  expect(await body(page).locator('ul ul ol li').textContent()).toBe('första steget');
  expect(saved).toContain('<ul>\n<li>Mål\n<ul>\n<li>kortsiktiga\n<ol>\n<li>första steget</li>\n</ol>\n</li>\n<li>långsiktiga</li>\n</ul>\n</li>\n<li>Medel</li>\n</ul>');
  expect(saved).not.toMatch(/mso-|·/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Markdown text is converted', async () => {
  const markdown = '## Rubrik ur anteckningarna\n\nEtt stycke med **fet** och _kursiv_ text och [en länk](https://exempel.se).\n\n- ett\n- två\n\n> Ett citat.';
  const { page, html: saved, errors } = await pasteInto('Klistrat Markdown', { 'text/plain': markdown });
  expect(saved).toContain('<h2>Rubrik ur anteckningarna</h2>');
  expect(saved).toContain('Ett stycke med <strong>fet</strong> och <em>kursiv</em> text och <a href="https://exempel.se">en länk</a>.');
  expect(saved).toContain('<ul>\n<li>ett</li>\n<li>två</li>\n</ul>');
  expect(saved).toContain('<blockquote>Ett citat.</blockquote>');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('plain text becomes paragraphs; a video link alone becomes an embed', async () => {
  const text = 'Första raden.\nAndra raden med <b>taggar</b> som text.\n\nTredje raden.';
  const { page, post, html: saved, errors } = await pasteInto('Klistrat som text', { 'text/plain': text });
  expect(saved).toBe('Inledning.\n\nFörsta raden.\n\nAndra raden med &lt;b&gt;taggar&lt;/b&gt; som text.\n\nTredje raden.');

  await caretAtEndOfBlock(page, 3);
  await page.keyboard.press('Enter');
  await paste(page, { 'text/plain': 'https://www.youtube.com/watch?v=Qm3vR8sTn2k' });
  await expect.poll(() => body(page).locator('.lh-embed-card').count()).toBe(1);
  expect(await body(page).locator('.lh-embed-card').textContent()).toContain('YouTube');
  await expect.poll(async () => (await world.api.getPost(post.id)).html).toContain('\n\nhttps://www.youtube.com/watch?v=Qm3vR8sTn2k');
  expect(errors).toEqual([]);
  await page.context().close();
});
