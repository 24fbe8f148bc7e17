// The inspector's featured image, as it reaches the real WordPress: a file stored locally (offline) and set on
// an existing post is uploaded once, before the post, and becomes its featured_media; later syncs upload
// nothing again; removing it clears featured_media but leaves the attachment on the blog.
import { describe, expect, test } from 'vitest';
import { sha256Hex, solidPng } from '../../support/png.ts';
import { connectedCore, syncClean, useWordPressFixture, web } from './support.ts';

const wp = useWordPressFixture();

/** A fetch that notes each request's method and path, so a test can tell whether a file was uploaded. */
function recordingFetch(): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      requests.push(`${init?.method ?? 'GET'} ${decodeURIComponent(new URL(url).pathname + new URL(url).search)}`);
      return fetch(input, init);
    },
  };
}

const mediaUploads = (requests: readonly string[]) => requests.filter((r) => r.startsWith('POST') && r.includes('/wp/v2/media'));

describe('featured image', () => {
  test('set on a local post, it is uploaded once and becomes the featured_media, with the same bytes', async () => {
    const recorder = recordingFetch();
    const { core, blog } = await connectedCore(wp(), { sync: { fetch: recorder.fetch } });
    const api = core.api;
    const post = await api.createPost({ blogId: blog.id, title: 'Hamnen i gryningen', html: '<p>Båtarna låg stilla.</p>' });
    // What "Välj bild…" does: store the file locally, related to the post, then set it.
    const png = solidPng([200, 120, 40], 64, 48);
    const media = await api.addMedia({ fileName: 'hamnen.png', data: Buffer.from(png).toString('base64'), alt: 'Hamnen i gryningsljus', postId: post.id });
    await api.savePost(post.id, { featuredMediaId: media.id });
    await api.requestAction(post.id, 'publish');
    expect(await syncClean(core)).toMatchObject({ pushed: 1, failed: 0 });
    expect(mediaUploads(recorder.requests)).toHaveLength(1);

    const remoteBlog = web(wp());
    const uploaded = (await remoteBlog.findMediaBySha256(sha256Hex(png)))!;
    expect(uploaded).not.toBeNull();
    const remote = (await remoteBlog.getPost(String((await api.getPost(post.id)).remoteId)))!;
    expect(remote.featuredMedia).toBe(uploaded.id);
    const served = new Uint8Array(await (await fetch(uploaded.sourceUrl)).arrayBuffer());
    expect(sha256Hex(served)).toBe(sha256Hex(png));

    // A later change and sync: the post is updated, the file is not sent again.
    recorder.requests.length = 0;
    await api.savePost(post.id, { excerpt: 'Morgon vid kajen.' });
    await api.requestAction(post.id, 'update');
    expect(await syncClean(core)).toMatchObject({ pushed: 1, failed: 0 });
    expect(recorder.requests.some((r) => r.startsWith('POST') && r.includes('/wp/v2/posts'))).toBe(true);
    expect(mediaUploads(recorder.requests)).toEqual([]);
    expect((await remoteBlog.getPost(remote.id))!.featuredMedia).toBe(uploaded.id);

    // "Ta bort": the post loses its featured image, the blog keeps the attachment, and here the media stays.
    await api.savePost(post.id, { featuredMediaId: null });
    await api.requestAction(post.id, 'update');
    await syncClean(core);
    expect((await remoteBlog.getPost(remote.id))!.featuredMedia).toBeNull();
    expect((await remoteBlog.getMedia([uploaded.id])).map((m) => m.id)).toEqual([uploaded.id]);
    expect((await api.getMedia(media.id)).id).toBe(media.id);
    expect(mediaUploads(recorder.requests)).toEqual([]);
  });
});
