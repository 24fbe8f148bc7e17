import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { DocumentDraft, DraftBlock, SourceBlock } from '../../../electron/common/document.ts';
import { BlogError } from '../../../electron/common/errors.ts';
import { createDispatcher } from '../../../electron/common/ipc/dispatcher.ts';
import type { PostChangeEvent } from '../../../electron/common/models.ts';
import { type Core, createCore } from '../../../electron/core/core.ts';
import { loadFixtures } from './fidelity/fixtures.ts';

/** DocumentsApi: open → blocks, save → the same post store save, over the real contract validation. */
const cores: Core[] = [];
function freshCore(): Core {
  const core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'longhand-docs-')) });
  cores.push(core);
  return core;
}
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

/** The unchanged form the editor sends for a block it did not touch. */
const kept = (b: SourceBlock): SourceBlock => ({ kind: 'opaque', label: 'unchanged', source: b.source, index: b.index, changed: false });

describe.each(loadFixtures())('$name through DocumentsApi', ({ raw, dialect }) => {
  test('opens as its blocks and saves back byte for byte, edited or not', async () => {
    const { api } = freshCore();
    const post = await api.createPost({ title: 'Fixtur', html: raw });
    const { document } = await api.openDocument(post.id);
    expect(document.dialect).toBe(dialect);

    const draft = (blocks: SourceBlock[]): DocumentDraft => ({ dialect: document.dialect, separators: document.separators, blocks });
    const saved = await api.saveDocument(post.id, { document: draft(document.blocks.map(kept)) });
    expect(saved.html).toBe(raw);

    // One paragraph edited: only its bytes differ.
    const i = document.blocks.findIndex((b) => b.kind === 'paragraph');
    const target = document.blocks[i]!;
    if (target.kind !== 'paragraph') throw new Error('no paragraph');
    const edited: SourceBlock = { ...target, html: `${target.html} Tillägg.`, changed: true };
    const after = await api.saveDocument(post.id, { document: draft(document.blocks.map((b, k) => (k === i ? edited : kept(b)))) });
    const start = raw.indexOf(target.source);
    expect(after.html.slice(0, start)).toBe(raw.slice(0, start));
    expect(after.html.endsWith(raw.slice(start + target.source.length))).toBe(true);
    expect(after.html).toContain('Tillägg.');
  });
});

describe('documents', () => {
  test('a new post opens as an empty classic document; new blocks are written fresh', async () => {
    const { api } = freshCore();
    const post = await api.createPost({});
    const { document } = await api.openDocument(post.id);
    expect(document).toEqual({ dialect: 'classic', blocks: [], separators: [''], base: expect.stringMatching(/^[\w-]+\.0$/) as string });
    const saved = await api.saveDocument(post.id, {
      title: 'Ny',
      document: {
        ...document,
        blocks: [
          { kind: 'heading', level: 2, html: 'Rubrik', source: '', changed: true },
          { kind: 'paragraph', html: 'Hej <strong>då</strong> – 🙂', source: '', changed: true },
          { kind: 'list', ordered: false, items: [{ html: 'ett' }, { html: 'två', children: { ordered: true, items: [{ html: 'a' }] } }], source: '' },
        ],
      },
    });
    expect(saved.title).toBe('Ny');
    expect(saved.html).toBe('<h2>Rubrik</h2>\n\nHej <strong>då</strong> – 🙂\n\n<ul>\n<li>ett</li>\n<li>två\n<ol>\n<li>a</li>\n</ol>\n</li>\n</ul>');
    expect(saved.editorState).toBeNull();
  });

  test('a save fires the saved event, keeps the title when left out, and honours baseVersion', async () => {
    const { api } = freshCore();
    const events: PostChangeEvent[] = [];
    api.onDidChangePost((e) => events.push(e));
    const post = await api.createPost({ title: 'Titel', html: 'Ett stycke.' });
    const { document } = await api.openDocument(post.id);
    const saved = await api.saveDocument(post.id, { document: { ...document, blocks: document.blocks.map(kept) }, baseVersion: post.version });
    expect(saved).toMatchObject({ title: 'Titel', html: 'Ett stycke.', version: post.version + 1 });
    expect(events.at(-1)).toMatchObject({ kind: 'saved', post: { id: post.id } });
    const stale = await api.saveDocument(post.id, { document, baseVersion: post.version }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(BlogError);
    expect((stale as BlogError).code).toBe('conflict');
  });

  test('render and parse do not save', async () => {
    const { api } = freshCore();
    const parsed = await api.parseDocument('<!-- wp:paragraph -->\n<p>Hej</p>\n<!-- /wp:paragraph -->\n');
    expect(parsed.dialect).toBe('blocks');
    expect(await api.renderDocument(parsed)).toBe('<!-- wp:paragraph -->\n<p>Hej</p>\n<!-- /wp:paragraph -->\n');
    expect(await api.renderDocument({ ...parsed, blocks: [{ ...parsed.blocks[0]!, changed: true, kind: 'paragraph', html: 'Nej' }] as SourceBlock[] })).toBe(
      '<!-- wp:paragraph -->\n<p>Nej</p>\n<!-- /wp:paragraph -->\n',
    );
    expect(await api.listPosts()).toEqual([]);
  });
});

describe('compact drafts: unchanged blocks by index, while core holds the base', () => {
  test('save only what changed; a base core does not hold is refused, the full draft then works', async () => {
    const { api } = freshCore();
    const raw = loadFixtures().find((f) => f.name === 'classic/nara-vecka-17.html')!.raw;
    const post = await api.createPost({ title: 'Kompakt', html: raw });
    const { document } = await api.openDocument(post.id);
    const blocks: DraftBlock[] = document.blocks.map((b, i) => (i === 3 && b.kind === 'paragraph' ? { ...b, html: `${b.html} Nytt.`, changed: true } : { kind: 'kept', index: i }));
    const saved = await api.saveDocument(post.id, { document: { dialect: document.dialect, base: document.base, blocks } });
    expect(saved.html).toBe(raw.replace(document.blocks[3]!.source, `${document.blocks[3]!.source} Nytt.`));

    const unknown = await api.renderDocument({ dialect: 'classic', base: 'okand.12', blocks: [{ kind: 'kept', index: 0 }] }).catch((e: unknown) => e);
    expect((unknown as BlogError).code).toBe('not-found');
    const withoutSeparators = await api.renderDocument({ dialect: 'classic', blocks: [] }).catch((e: unknown) => e);
    expect((withoutSeparators as BlogError).code).toBe('not-found');
    const past = await api.renderDocument({ dialect: 'classic', base: document.base, blocks: [{ kind: 'kept', index: 999 }] }).catch((e: unknown) => e);
    expect((past as BlogError).code).toBe('invalid-argument');
  });

  test('a base is named by content: the same HTML opened twice shares it', async () => {
    const { api } = freshCore();
    const a = await api.createPost({ html: 'Samma.' });
    const b = await api.createPost({ html: 'Samma.' });
    expect((await api.openDocument(a.id)).document.base).toBe((await api.openDocument(b.id)).document.base);
    expect((await api.parseDocument('Annat.')).base).not.toBe((await api.openDocument(a.id)).document.base);
  });
});

describe('the contract refuses hostile drafts', () => {
  const dispatcher = () => createDispatcher(freshCore().api);
  const draft = (over: Record<string, unknown>) => ({ dialect: 'classic', separators: ['', ''], blocks: [], ...over });

  test.each([
    ['an unknown block kind', draft({ blocks: [{ kind: 'script', source: '' }] })],
    ['an unknown field', draft({ blocks: [{ kind: 'paragraph', source: '', html: 'x', onclick: 'y' }] })],
    ['a wrong field type', draft({ blocks: [{ kind: 'heading', source: '', html: 'x', level: 9 }] })],
    ['a separator that is not whitespace', draft({ separators: ['<script>', ''] })],
    ['no separators', draft({ separators: [] })],
    ['an index past the separators', draft({ blocks: [{ kind: 'separator', source: '', index: 5 }] })],
    ['an unknown dialect', draft({ dialect: 'markdown' })],
    ['lists nested too deeply', draft({ blocks: [{ kind: 'list', source: '', ordered: false, items: [deepItem(40)] }] })],
    ['attributes nested too deeply', draft({ blocks: [{ kind: 'paragraph', source: '', html: '', attrs: deepObject(20) }] })],
    ['a non-JSON attribute value', draft({ blocks: [{ kind: 'paragraph', source: '', html: '', attrs: { a: Number.NaN } }] })],
    ['an over-long URL', draft({ blocks: [{ kind: 'embed', source: '', url: 'x'.repeat(40_000) }] })],
  ])('%s', async (_name, value) => {
    expect(await dispatcher().invoke('renderDocument', [value])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  test('a well-formed draft with every kind passes', async () => {
    const envelope = await dispatcher().invoke('renderDocument', [
      draft({
        separators: ['', '\n\n', ''],
        blocks: [
          { kind: 'image', source: '', src: 'longhand://media/abc', alt: 'Alt', caption: 'Bild', align: 'center', width: 300, height: 200, imgExtra: [['title', 'T']] },
          { kind: 'embed', source: '', url: 'https://vimeo.com/1', provider: 'vimeo' },
          { kind: 'quote', source: '', paragraphs: ['Citat'], citation: 'Någon' },
          { kind: 'more', source: '', customText: 'Läs mer' },
          { kind: 'separator', source: '' },
          { kind: 'opaque', source: '[gallery]', label: '[gallery]', index: 1, attrs: { ids: [1, 2], nested: { a: null } } },
        ],
      }),
    ]);
    expect(envelope).toMatchObject({ ok: true });
  });
});

function deepItem(depth: number): unknown {
  return depth === 0 ? { html: 'x' } : { html: 'x', children: { ordered: false, items: [deepItem(depth - 1)] } };
}

function deepObject(depth: number): unknown {
  return depth === 0 ? {} : { a: deepObject(depth - 1) };
}
