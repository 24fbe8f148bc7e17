// oEmbed providers WordPress core knows, by URL, and URLs recovered from old embedding markup.

import { decodeEntities } from './inline.ts';

export interface Provider {
  slug: string;
  /** The block editor's embed `type` attribute. */
  type: 'video' | 'rich' | 'photo';
  /** Videos the block editor gives a 16:9 aspect-ratio class. */
  aspect16x9?: boolean;
}

const PROVIDERS: Array<[RegExp, Provider]> = [
  [/^https?:\/\/(?:www\.|m\.)?youtube\.com\/(?:watch|playlist|shorts\/|live\/|embed\/|v\/)/i, { slug: 'youtube', type: 'video', aspect16x9: true }],
  [/^https?:\/\/youtu\.be\//i, { slug: 'youtube', type: 'video', aspect16x9: true }],
  [/^https?:\/\/(?:www\.|player\.)?vimeo\.com\//i, { slug: 'vimeo', type: 'video', aspect16x9: true }],
  [/^https?:\/\/(?:www\.)?(?:dailymotion\.com|dai\.ly)\//i, { slug: 'dailymotion', type: 'video', aspect16x9: true }],
  [/^https?:\/\/(?:www\.|embed\.)?ted\.com\/talks\//i, { slug: 'ted', type: 'video', aspect16x9: true }],
  [/^https?:\/\/(?:www\.)?tiktok\.com\//i, { slug: 'tiktok', type: 'video' }],
  [/^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w+\/status(?:es)?\//i, { slug: 'twitter', type: 'rich' }],
  [/^https?:\/\/(?:www\.)?instagram\.com\//i, { slug: 'instagram', type: 'rich' }],
  [/^https?:\/\/(?:www\.)?(?:flickr\.com\/photos\/|flic\.kr\/)/i, { slug: 'flickr', type: 'photo' }],
  [/^https?:\/\/(?:www\.)?soundcloud\.com\//i, { slug: 'soundcloud', type: 'rich' }],
  [/^https?:\/\/open\.spotify\.com\//i, { slug: 'spotify', type: 'rich' }],
  [/^https?:\/\/(?:www\.|[a-z]{2}\.)?slideshare\.net\//i, { slug: 'slideshare', type: 'rich' }],
];

/** The oEmbed provider of a URL, if WordPress core would auto-embed it. */
export function embedProvider(url: string): Provider | undefined {
  for (const [re, p] of PROVIDERS) if (re.test(url)) return p;
  return undefined;
}

/** A URL alone on a line, as WordPress' autoembed matches it. */
export const BARE_URL = /^https?:\/\/[^\s<>"]+$/i;

/**
 * The watch URL behind an old player URL: YouTube's /v/ID (Flash) and /embed/ID (iframe),
 * Vimeo's moogaloop.swf?clip_id=ID and player.vimeo.com/video/ID. Undefined if unrecognised.
 */
export function legacyVideoUrl(rawSrc: string): string | undefined {
  const src = decodeEntities(rawSrc).trim();
  const yt = /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/(?:v|embed)\/([\w-]{6,})/i.exec(src);
  if (yt) return `https://www.youtube.com/watch?v=${yt[1]}`;
  const vimeo =
    /^(?:https?:)?\/\/(?:www\.)?vimeo\.com\/moogaloop\.swf\?(?:.*&)?clip_id=(\d+)/i.exec(src) ??
    /^(?:https?:)?\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return undefined;
}
