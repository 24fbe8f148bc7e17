import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BlogApi } from '../../../../electron/common/api.ts';
import { MANIFEST } from '../../../../electron/core/library/export/format.ts';
import { readFrontMatter } from '../../../../electron/core/library/export/front-matter.ts';
import { WXR_FIXTURE, freshCore, rejection, tempDir } from './support/core.ts';

/** Everything a user would call "the archive", in a comparable form. */
async function snapshot(api: BlogApi) {
  const entries = (await api.listArchive({ statuses: ['draft', 'pending', 'scheduled', 'published', 'private', 'trashed', 'deleted'], limit: 1000 })).items;
  const posts = await Promise.all(entries.map((e) => api.getPost(e.id)));
  const media = (await api.listMedia({ limit: 1000 })).items;
  const files = await Promise.all(media.filter((m) => m.sha256).map(async (m) => [m.id, (await api.readMedia(m.id)).data]));
  return { blogs: await api.listBlogs(), terms: await api.listTerms(), posts, media, files, counts: await api.archiveCounts() };
}

async function buildArchive(api: BlogApi) {
  await api.importWxr({ path: WXR_FIXTURE });
  const image = await api.addMedia({ fileName: 'egen-bild.gif', data: Buffer.from('GIF89a\x10\x00\x08\x00', 'latin1').toString('base64'), alt: 'Min bild' });
  const tag = await api.createTerm({ blogId: null, taxonomy: 'tag', name: 'egna tankar' });
  const draft = await api.createPost({
    title: 'Titel: med ”citat”, #hash och --- streck',
    html: '<p>Första raden</p>\n---\n<p>efter tre streck 🙂 å ä ö</p>\r\n',
    editorState: '{"root":{"children":[]}}',
    excerpt: 'rad ett\nrad två',
    tagIds: [tag.id],
    featuredMediaId: image.id,
  });
  await api.savePost(draft.id, { sticky: true });
}

describe('export to a folder and back', () => {
  test('a re-import of the export into an empty library gives the same archive', async () => {
    const source = freshCore();
    await buildArchive(source.api);
    const folder = join(tempDir(), 'arkiv');
    const report = await source.api.exportArchive({ path: folder });
    expect(report).toEqual({ path: folder, posts: 16, media: 1, mediaWithoutFile: 4 });

    const target = freshCore();
    const back = await target.api.importArchive({ path: folder });
    expect(back).toMatchObject({ posts: { created: 16, updated: 0 }, terms: { created: 17 }, media: { created: 5 } });
    expect(await snapshot(target.api)).toEqual(await snapshot(source.api));

    // Importing the same folder again replaces each record by itself.
    const twice = await target.api.importArchive({ path: folder });
    expect(twice).toMatchObject({ posts: { created: 0, updated: 16 } });
    expect(await snapshot(target.api)).toEqual(await snapshot(source.api));
  });

  test('one readable HTML file per post, filed by year and month, with a JSON-valued front matter', async () => {
    const { api } = freshCore();
    await buildArchive(api);
    const folder = join(tempDir(), 'arkiv');
    await api.exportArchive({ path: folder });
    expect(readdirSync(join(folder, 'posts', '2010')).toSorted()).toEqual(['09', '10', '11', '12']);
    const file = readdirSync(join(folder, 'posts', '2010', '09')).find((f) => f.startsWith('sarbarhet-ar-ingen-svaghet-'))!;
    expect(file).toMatch(/\.html$/);
    const text = readFileSync(join(folder, 'posts', '2010', '09', file), 'utf8');
    expect(text.split('\n').slice(0, 6)).toEqual([
      '---',
      `id: ${JSON.stringify(text.match(/^id: "(.+)"$/m)![1])}`,
      'title: "Sårbarhet är ingen svaghet"',
      'status: "published"',
      'date: "2010-09-24T10:10:00.000Z"',
      'slug: "sarbarhet-ar-ingen-svaghet"',
    ]);
    const { fields, body } = readFrontMatter(text, file);
    expect(fields.categories).toEqual([{ id: expect.any(String), name: 'Personligt ledarskap' }]);
    expect(body.startsWith('”Det modigaste en chef kan säga är')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8'));
    expect(manifest).toMatchObject({ format: 'longhand-archive', version: 1 });
    expect(manifest.posts).toHaveLength(16);
  });

  test('never writes into a folder that has files; refuses a manifest pointing outside its folder', async () => {
    const { api } = freshCore();
    await api.createPost({ title: 'x' });
    const busy = tempDir();
    writeFileSync(join(busy, 'viktigt.txt'), 'rör inte');
    expect((await rejection(api.exportArchive({ path: busy }))).code).toBe('invalid-argument');
    expect(readdirSync(busy)).toEqual(['viktigt.txt']);

    const folder = join(tempDir(), 'arkiv');
    await api.exportArchive({ path: folder });
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8'));
    manifest.posts[0].file = '../../../etc/passwd';
    writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest));
    const target = freshCore();
    expect((await rejection(target.api.importArchive({ path: folder }))).message).toMatch(/outside its folder/);
    expect(await target.api.listPosts()).toEqual([]);

    const empty = join(tempDir(), 'tom');
    mkdirSync(empty);
    expect((await rejection(target.api.importArchive({ path: empty }))).code).toBe('not-found');
    expect(existsSync(join(empty, MANIFEST))).toBe(false);
  });
});
