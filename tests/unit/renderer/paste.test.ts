// @vitest-environment jsdom
// Pasted HTML cleaned the way the editor does it (jsdom's DOMParser and DOMPurify; the same code runs in
// Chromium in tests/e2e/editor/paste.test.ts).

import { $createParagraphNode, $getRoot } from 'lexical';
import { expect, test } from 'vitest';
import { renderDraft } from '../../../electron/core/api/documents-api.ts';
import { DocumentTracker } from '../../../renderer/src/editor/model/tracker.ts';
import { cleanPastedHtml } from '../../../renderer/src/editor/paste.ts';
import { $pasteHtml, $pasteText } from '../../../renderer/src/editor/plugins/PastePlugin.tsx';
import { sanitizePreview } from '../../../renderer/src/editor/sanitize.ts';
import { headlessEditor, read, update } from './headless.ts';

function pasted(run: (editor: ReturnType<typeof headlessEditor>) => void): string {
  const editor = headlessEditor();
  update(editor, () => {
    const p = $createParagraphNode();
    $getRoot().append(p);
    p.select();
  });
  update(editor, () => run(editor));
  const tracker = new DocumentTracker({ dialect: 'classic', separators: [''] });
  return renderDraft(read(editor, () => tracker.$collect()));
}

test('scripts, styles, classes and handlers never survive the paste filter', () => {
  const body = cleanPastedHtml('<p class="x" style="color:red" onclick="a()">Hej <script>b()</script><a href="javascript:c()">x</a><img src=x onerror=d()></p>');
  expect(body.innerHTML).toBe('<p>Hej <a>x</a></p>');
});

test('Google Docs and Word styles become elements before the styles go', () => {
  const docs = cleanPastedHtml('<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">Fet</span> <span style="font-style:italic">kursiv</span></p></b>');
  expect(docs.innerHTML).toBe('<p><span><strong>Fet</strong></span> <span><em>kursiv</em></span></p>');
  const word = cleanPastedHtml("<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.</span>Ett</p><p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>2.</span>Två</p>");
  expect(word.innerHTML).toBe('<ol><li>Ett</li><li>Två</li></ol>');
});

test('pasted HTML becomes blocks; h1 is demoted (the title is the post’s h1)', () => {
  expect(pasted((editor) => $pasteHtml(editor, '<h1>Stor</h1><h6>Liten</h6><p>Text <b>fet</b></p><ul><li>a</li></ul>'))).toBe(
    '<h2>Stor</h2>\n\n<h4>Liten</h4>\n\nText <strong>fet</strong>\n\n<ul>\n<li>a</li>\n</ul>',
  );
});

test('plain text: lines become paragraphs, Markdown is converted, a video link alone is an embed', () => {
  expect(pasted(() => $pasteText('Ett.\n\nTvå <b>inte fet</b>.'))).toBe('Ett.\n\nTvå &lt;b&gt;inte fet&lt;/b&gt;.');
  expect(pasted(() => $pasteText('### Rubrik\n\n1. ett\n2. två'))).toBe('<h3>Rubrik</h3>\n\n<ol>\n<li>ett</li>\n<li>två</li>\n</ol>');
  expect(pasted(() => $pasteText('https://vimeo.com/15388212'))).toBe('https://vimeo.com/15388212');
});

test('previews drop what could load, navigate or restyle', () => {
  expect(sanitizePreview('<p style="position:fixed" class="a">x <a href="https://e.se">l</a> <img src="https://e.se/a.jpg" alt="a"><iframe src="https://e.se"></iframe></p>')).toBe(
    '<p>x <a>l</a> <img alt="a"></p>',
  );
});

/** A Word list paragraph: `level` from its mso-list style, the marker Word draws in an Ignore span. */
const wordItem = (text: string, level: number, marker: string, list = 'l0') =>
  `<p class=MsoListParagraphCxSpMiddle style='margin-left:${36 * level}pt;text-indent:-18.0pt;mso-list:${list} level${level} lfo1'><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span>${text}<o:p></o:p></p>`;

test('Word: list levels nest (mso-list levelN), and a new Word list starts a new list', () => {
  const html = [
    wordItem('Mål', 1, '·'),
    wordItem('kortsiktiga', 2, 'o'),
    wordItem('första steget', 3, '1.'),
    wordItem('långsiktiga', 2, 'o'),
    wordItem('Medel', 1, '·'),
    '<p class=MsoNormal>Mellan listorna.</p>',
    wordItem('Ett', 1, '1.', 'l1'),
    wordItem('Två', 1, '2.', 'l1'),
  ].join('\n');
  expect(cleanPastedHtml(html).innerHTML.replace(/\n/g, '')).toBe(
    '<ul><li>Mål<ul><li>kortsiktiga<ol><li>första steget</li></ol></li><li>långsiktiga</li></ul></li><li>Medel</li></ul>' +
      '<p>Mellan listorna.</p><ol><li>Ett</li><li>Två</li></ol>',
  );
  expect(pasted((editor) => $pasteHtml(editor, html))).toBe(
    '<ul>\n<li>Mål\n<ul>\n<li>kortsiktiga\n<ol>\n<li>första steget</li>\n</ol>\n</li>\n<li>långsiktiga</li>\n</ul>\n</li>\n<li>Medel</li>\n</ul>\n\n' +
      'Mellan listorna.\n\n<ol>\n<li>Ett</li>\n<li>Två</li>\n</ol>',
  );
});
