// A new post is written in the dialect of its blog's posts: block markup on a blog that uses the block
// editor, bare paragraphs on a classic blog (issue 4: new posts for a Gutenberg blog).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { type Core, createCore } from '../../../../electron/core/core.ts';
import { dialectForNewPost } from '../../../../electron/core/fidelity/index.ts';
import { fixture } from './fixtures.ts';

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

test('the newest non-empty body decides; none at all is classic', () => {
  expect(dialectForNewPost(['', '  \n', '<!-- wp:paragraph -->\n<p>Hej</p>\n<!-- /wp:paragraph -->', 'Klassiskt.'])).toBe('blocks');
  expect(dialectForNewPost(['Klassiskt stycke.', '<!-- wp:paragraph -->\n<p>Hej</p>\n<!-- /wp:paragraph -->'])).toBe('classic');
  expect(dialectForNewPost([])).toBe('classic');
});

test.each([
  ['blocks/citat-ur-rapporten.html', 'blocks', '<!-- wp:paragraph -->\n<p>Ett nytt inlägg.</p>\n<!-- /wp:paragraph -->'],
  ['classic/citat-om-lon.html', 'classic', 'Ett nytt inlägg.'],
] as const)('after %s a new post opens as %s and is saved in it', async (name, dialect, html) => {
  const core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'longhand-dialect-')) });
  cores.push(core);
  await core.api.createPost({ title: 'Tidigare', html: fixture(name) });
  const fresh = await core.api.createPost({ title: 'Nytt' });
  const { document } = await core.api.openDocument(fresh.id);
  expect(document.dialect).toBe(dialect);
  const saved = await core.api.saveDocument(fresh.id, {
    document: { dialect: document.dialect, separators: document.separators, blocks: [{ kind: 'paragraph', source: '', html: 'Ett nytt inlägg.', changed: true }] },
  });
  expect(saved.html).toBe(html);
});
