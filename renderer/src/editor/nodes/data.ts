import { createState } from 'lexical';
import type { EmbedBlock, ImageAlign, ImageBlock, MoreBlock, OpaqueBlock } from '../../../../electron/common/document.ts';

/**
 * The data of the editor's block decorators, kept in NodeState (so cloning, undo and JSON come for free).
 * Values can arrive from the clipboard as JSON another page wrote, so every parser checks the shape and
 * falls back to an empty value rather than trusting it.
 */
type Fields<T> = Omit<T, 'kind' | 'source' | 'index' | 'changed' | 'blockName' | 'attrs' | 'tagAttrs'>;

export type ImageData = Fields<ImageBlock>;
export type EmbedData = Fields<EmbedBlock>;
export type MoreData = Fields<MoreBlock>;
export type OpaqueData = Fields<OpaqueBlock> & { readonly source: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
const ALIGNS: readonly ImageAlign[] = ['left', 'center', 'right', 'none', 'wide', 'full'];

/** Copies only the defined entries, so `{ a: undefined }` never appears in JSON or fingerprints. */
function defined<T extends Obj>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function parseImage(v: unknown): ImageData {
  if (!isObj(v)) return { src: '', alt: '' };
  const extra = Array.isArray(v['imgExtra'])
    ? v['imgExtra'].filter((p): p is [string, string] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string')
    : undefined;
  const classes = Array.isArray(v['imgClassExtra']) ? v['imgClassExtra'].filter((c): c is string => typeof c === 'string') : undefined;
  return defined({
    src: str(v['src']) ?? '',
    alt: str(v['alt']) ?? '',
    caption: str(v['caption']),
    align: ALIGNS.find((a) => a === v['align']),
    width: int(v['width']),
    height: int(v['height']),
    wpImageId: int(v['wpImageId']),
    sizeSlug: str(v['sizeSlug']),
    linkHref: str(v['linkHref']),
    imgExtra: extra?.length ? extra : undefined,
    imgClassExtra: classes?.length ? classes : undefined,
  });
}

export function parseEmbed(v: unknown): EmbedData {
  if (!isObj(v)) return { url: '' };
  return defined({ url: str(v['url']) ?? '', provider: str(v['provider']), caption: str(v['caption']) });
}

export function parseMore(v: unknown): MoreData {
  if (!isObj(v)) return {};
  return defined({ customText: str(v['customText']), noTeaser: v['noTeaser'] === true ? true : undefined });
}

export function parseOpaque(v: unknown): OpaqueData {
  if (!isObj(v)) return { source: '', label: 'html' };
  return { source: str(v['source']) ?? '', label: str(v['label']) ?? 'html' };
}

export const imageState = createState('lhImage', { parse: parseImage });
export const embedState = createState('lhEmbed', { parse: parseEmbed });
export const moreState = createState('lhMore', { parse: parseMore });
export const opaqueState = createState('lhOpaque', { parse: parseOpaque });
export const inlineHtmlState = createState('lhHtml', { parse: (v) => (typeof v === 'string' ? v : '') });

/** Local media (inserted from disk) has this src until sync uploads it; see electron/common/document.ts. */
export const LOCAL_MEDIA_PREFIX = 'longhand://media/';

export function localMediaId(src: string): string | null {
  return src.startsWith(LOCAL_MEDIA_PREFIX) ? src.slice(LOCAL_MEDIA_PREFIX.length) : null;
}

const VIDEO = [
  { slug: 'youtube', name: 'YouTube', re: /^https?:\/\/(?:(?:www\.|m\.)?youtube\.com\/(?:watch|shorts\/|live\/|embed\/|v\/)|youtu\.be\/)/i },
  { slug: 'vimeo', name: 'Vimeo', re: /^https?:\/\/(?:www\.|player\.)?vimeo\.com\/\S/i },
] as const;

/** The video service of a URL the editor turns into an embed when pasted on its own line. */
export function videoProvider(url: string): { slug: string; name: string } | null {
  const hit = VIDEO.find((p) => p.re.test(url.trim()));
  return hit ? { slug: hit.slug, name: hit.name } : null;
}
