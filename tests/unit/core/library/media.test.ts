import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createStores } from '../../../../electron/core/core.ts';
import { mediaPath } from '../../../../electron/core/library/media-files.ts';
import { openDatabase } from '../../../../electron/core/storage/database.ts';
import { WXR_FIXTURE, freshCore, rejection, tempDir } from './support/core.ts';

/** A tiny but real image of each kind, built by hand: only the headers matter to the sniffer. */
function png(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  b.writeUInt32BE(0x89504e47, 0);
  b.writeUInt32BE(0x0d0a1a0a, 4);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}
function jpeg(width: number, height: number): Buffer {
  // SOI, an APP0 segment, then SOF0 with the frame size.
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}
function gif(width: number, height: number): Buffer {
  const b = Buffer.alloc(13);
  b.write('GIF89a', 0, 'ascii');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

describe('media', () => {
  test('a file is stored once by its SHA-256, with type and size read from its bytes', async () => {
    const core = freshCore();
    const { api } = core;
    const bytes = png(800, 533);
    const post = await api.createPost({ title: 'Med bild' });
    const first = await api.addMedia({ fileName: 'torget.png', data: bytes.toString('base64'), alt: 'Torget', caption: 'En blåsig lördag', postId: post.id });
    expect(first).toMatchObject({ fileName: 'torget.png', mimeType: 'image/png', size: bytes.length, width: 800, height: 533, alt: 'Torget', caption: 'En blåsig lördag', remotes: [] });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await api.addMedia({ fileName: 'kopia-av-torget.png', data: bytes.toString('base64') });
    expect(again).toEqual(first);
    const files = readdirSync(join(core.dataDir, 'media', first.sha256!.slice(0, 2)));
    expect(files).toEqual([first.sha256]);
    expect((await api.getPost(post.id)).mediaIds).toEqual([first.id]);
    expect((await api.listMedia({ postId: post.id })).items.map((m) => m.id)).toEqual([first.id]);
    const back = await api.readMedia(first.id);
    expect(back.mimeType).toBe('image/png');
    expect(Buffer.from(back.data, 'base64').equals(bytes)).toBe(true);

    expect(await api.addMedia({ fileName: 'bild.jpg', data: jpeg(1024, 768).toString('base64') })).toMatchObject({ mimeType: 'image/jpeg', width: 1024, height: 768 });
    expect(await api.addMedia({ fileName: 'anim.gif', data: gif(40, 30).toString('base64') })).toMatchObject({ mimeType: 'image/gif', width: 40, height: 30 });
    expect(await api.addMedia({ fileName: 'anteckning.txt', data: Buffer.from('hej').toString('base64') })).toMatchObject({ mimeType: 'text/plain', width: null });
    const updated = await api.updateMedia(first.id, { alt: 'Folk vid tältet på torget' });
    expect(updated.alt).toBe('Folk vid tältet på torget');
  });

  test('a missing or damaged file gives a clear error and changes nothing', async () => {
    const core = freshCore();
    const media = await core.api.addMedia({ fileName: 'torget.png', data: png(10, 10).toString('base64') });
    const path = mediaPath(core.dataDir, media.sha256!);
    writeFileSync(path, 'förstörd');
    const damaged = await rejection(core.api.readMedia(media.id));
    expect(damaged.code).toBe('storage');
    expect(damaged.message).toMatch(/damaged/);
    rmSync(path);
    const missing = await rejection(core.api.readMedia(media.id));
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain('torget.png');
    expect(missing.message).toContain(path);
    expect(await core.api.getMedia(media.id)).toEqual(media);
    // Adding the same bytes again puts the file back.
    await core.api.addMedia({ fileName: 'torget.png', data: png(10, 10).toString('base64') });
    expect((await core.api.readMedia(media.id)).mimeType).toBe('image/png');
  });

  test('imported attachments are references; when a file arrives that we already have, the two become one', () => {
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, 'lib.sqlite'));
    const { library, posts } = createStores(db, dataDir, { timeZone: 'Europe/Stockholm' });
    const { blogId } = library.importWxr({ path: WXR_FIXTURE });
    const all = library.listMedia().items;
    const torget = all.find((m) => m.fileName === 'medborgardialog-torget.jpg')!;
    expect(torget).toMatchObject({
      sha256: null,
      size: null,
      width: 800,
      height: 533,
      mimeType: 'image/jpeg',
      alt: 'Människor samlade vid ett tält på torget',
      caption: 'Dialog på torget en blåsig lördag',
      remotes: [{ blogId, remoteId: 101, url: 'http://kommunbloggen.example/wp-content/uploads/2010/09/medborgardialog-torget.jpg' }],
    });
    expect(() => library.readMedia(torget.id)).toThrow(expect.objectContaining({ code: 'not-found', message: expect.stringMatching(/not in the library yet/) }));

    const bytes = jpeg(800, 533);
    const local = library.addMedia({ fileName: 'egen-kopia.jpg', bytes });
    const post = posts.list().find((p) => p.title === 'Bilder från medborgardialogen')!;
    const merged = library.attachMediaFile(torget.id, bytes);
    expect(merged.id).toBe(local.id);
    expect(merged.remotes).toEqual(torget.remotes);
    const after = posts.get(post.id);
    expect(after.featuredMediaId).toBe(local.id);
    expect(after.mediaIds).toContain(local.id);
    expect(() => library.getMedia(torget.id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    db.close();
  });
});
