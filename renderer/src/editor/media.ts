import { useEffect, useState } from 'react';
import { localMediaId } from './nodes/data.ts';
import { type EditorServices, useEditorServices } from './services.ts';

/**
 * Images are shown from the local media store only (the editor works offline, and the page's CSP allows
 * no remote images): local media by id, and an old post's remote URL when the library holds a file that
 * was downloaded from that URL. Object URLs are made once per media item and kept for the session.
 */
const urls = new Map<string, Promise<string | null>>();

function objectUrl(services: EditorServices, id: string): Promise<string | null> {
  let url = urls.get(id);
  if (!url) {
    url = services.readMedia(id).then(
      ({ mimeType, data }) => URL.createObjectURL(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: mimeType })),
      () => null,
    );
    urls.set(id, url);
  }
  return url;
}

/** The base name of a URL's file without WordPress' size suffix: ".../bild-300x200.jpg" → "bild.jpg". */
export function mediaFileKey(src: string): string {
  const name = decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '');
  return name.replace(/-\d+x\d+(?=\.[a-z0-9]+$)/i, '').toLowerCase();
}

async function resolve(services: EditorServices, src: string): Promise<string | null> {
  const local = localMediaId(src);
  if (local) return objectUrl(services, local);
  if (src.startsWith('data:image/')) return src;
  const media = await services.listPostMedia().catch(() => []);
  const hit =
    media.find((m) => m.sha256 && m.remotes.some((r) => r.url === src)) ??
    media.find((m) => m.sha256 && m.remotes.some((r) => mediaFileKey(r.url) === mediaFileKey(src)));
  return hit ? objectUrl(services, hit.id) : null;
}

/** undefined while looking, null when the image is not on this computer, else a URL the page may show. */
export function useImageUrl(src: string): string | null | undefined {
  const services = useEditorServices();
  const [found, setFound] = useState<{ src: string; url: string | null } | null>(null);
  useEffect(() => {
    if (!services) return;
    let live = true;
    void resolve(services, src).then((url) => live && setFound({ src, url }));
    return () => {
      live = false;
    };
  }, [services, src]);
  if (!services) return null;
  return found?.src === src ? found.url : undefined;
}
