/**
 * getPreview: a post as its blog would show it, as a self-contained document (document.ts) that loads
 * nothing. Images come from the local media store as `data:` URLs — local media by id, a pulled post's remote
 * image when the library downloaded that file — and are placeholders otherwise (never fetched).
 */
import type { PostPreview } from '../../common/api/preview.ts';
import type { Media, Post } from '../../common/models.ts';
import type { Library } from '../library/library.ts';
import { LOCAL_MEDIA_PREFIX } from '../sync/engine/local-form.ts';
import { previewDocument } from './document.ts';
import { publishedBody } from './render.ts';
import { sanitizePreviewHtml } from './sanitize.ts';
import { readBlogStyle } from './style-cache.ts';

/** Per image and per document: a preview stays a reasonable string to hand over IPC. */
const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
const IMAGES_MAX_BYTES = 48 * 1024 * 1024;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$/i;

export function buildPreview(post: Post, library: Library, dataDir: string): PostPreview {
  const style = post.blogId ? readBlogStyle(dataDir, post.blogId) : null;
  const image = imageResolver(post, library);
  const body = sanitizePreviewHtml(publishedBody(post.html), { image });
  const titleHtml = sanitizePreviewHtml(post.title, { image: () => null });
  const html = previewDocument({ titleHtml, body, blogCss: style?.css ?? null, markup: style?.meta.markup ?? null });
  return { html, hasBlogStyle: style !== null, ...(style ? { styleFetchedAt: style.meta.fetchedAt } : {}) };
}

function imageResolver(post: Post, library: Library): (src: string) => string | null {
  let budget = IMAGES_MAX_BYTES;
  let media: readonly Media[] | null = null;
  const postMedia = (): readonly Media[] => (media ??= safe(() => library.listMedia({ postId: post.id, limit: 500 }).items) ?? []);
  const inline = (id: string): string | null => {
    const item = safe(() => library.readMedia(id));
    if (!item || !item.mimeType.startsWith('image/') || item.bytes.byteLength > Math.min(IMAGE_MAX_BYTES, budget)) return null;
    budget -= item.bytes.byteLength;
    return `data:${item.mimeType};base64,${item.data}`;
  };
  return (src) => {
    if (src.startsWith(LOCAL_MEDIA_PREFIX)) return inline(src.slice(LOCAL_MEDIA_PREFIX.length));
    if (src.startsWith('data:')) return DATA_IMAGE.test(src) ? src : null;
    const items = postMedia().filter((m) => m.sha256 !== null);
    const key = fileKey(src);
    const hit = items.find((m) => m.remotes.some((r) => r.url === src)) ?? (key ? items.find((m) => m.remotes.some((r) => fileKey(r.url) === key)) : undefined);
    return hit ? inline(hit.id) : null;
  };
}

/** A URL's file name without WordPress' size suffix, so `bild-300x200.jpg` finds the downloaded `bild.jpg`. */
export function fileKey(src: string): string {
  const name = safe(() => decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '')) ?? '';
  return name.replace(/-\d+x\d+(?=\.[a-z0-9]+$)/i, '').toLowerCase();
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
