// A local post in the blog's terms and back (real SQLite, no network): media names, terms, status, dates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createStores } from '../../../../electron/core/core.ts';
import { setRemote, requireMediaRow } from '../../../../electron/core/library/media.ts';
import { openDatabase, transaction } from '../../../../electron/core/storage/database.ts';
import { applyFields, fromRemoteHtml, mineOf, toRemoteHtml } from '../../../../electron/core/sync/engine/local-form.ts';
import { solidPng } from '../../../support/png.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'longhand-localform-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'longhand.sqlite'));
  const stores = createStores(db, dir, { timeZone: 'Europe/Stockholm' });
  const blog = stores.library.addBlog({ url: 'https://blogg.example', userName: 'anna' });
  return { ...stores, blog };
}

describe('local form', () => {
  test('local image names become the blog\'s URLs once uploaded, and come back the same', () => {
    const { db, library, blog } = setup();
    const media = library.addMedia({ fileName: 'sjö.png', bytes: solidPng([1, 2, 3]) });
    const html = `<p>Bild:</p>\n\n<img src="longhand://media/${media.id}" alt="">`;
    expect(toRemoteHtml(db, blog.id, html)).toBe(html);
    const url = 'https://blogg.example/wp-content/uploads/2026/01/0123456789abcdef-sjo.png';
    transaction(db, () => setRemote(db, requireMediaRow(db, media.id).pk, blog.id, 77, url));
    const remote = toRemoteHtml(db, blog.id, html);
    expect(remote).toBe(html.replace(`longhand://media/${media.id}`, url));
    expect(fromRemoteHtml(db, blog.id, remote, html)).toBe(html);
    // A body that never named the item locally keeps the blog's URL (the editor finds the file by it).
    expect(fromRemoteHtml(db, blog.id, remote, '')).toBe(remote);
  });

  test('terms not on the blog yet are local: references; status and date in the blog\'s terms', () => {
    const { db, posts, library, blog } = setup();
    const travel = library.createTerm({ blogId: blog.id, taxonomy: 'category', name: 'Resor' });
    const post = posts.create({ blogId: blog.id, title: 'T', html: '<p>x</p>', categoryIds: [travel.id], publishedAt: Date.UTC(2026, 0, 2, 3, 4, 5) });
    expect(mineOf(db, post)).toMatchObject({ status: 'draft', dateGmt: null, categories: [`local:${travel.id}`], slug: '' });
    const published = applyFields(db, post, blog.id, { ...mineOf(db, post), status: 'publish', dateGmt: '2026-01-02T03:04:05Z', slug: 'resa' }, { remoteId: 9, modifiedGmt: '2026-01-02T03:04:06Z' });
    expect(published).toMatchObject({ status: 'published', publishedAt: Date.UTC(2026, 0, 2, 3, 4, 5), slug: 'resa', remoteId: 9, categoryIds: [travel.id] });
    expect(mineOf(db, { ...published })).toMatchObject({ status: 'publish', dateGmt: '2026-01-02T03:04:05Z' });
  });
});
