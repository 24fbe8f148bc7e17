import { decodeEntities, escapeText } from '../model/entities.ts';

/**
 * Captions are inline HTML in the model. In the image dialog a plain caption is edited as text; one with
 * markup (<em>foto: …</em>) is edited as its HTML, so saving it unchanged never loses the markup.
 */
export interface EditableCaption {
  readonly text: string;
  readonly html: boolean;
}

export function captionForEditing(caption: string | undefined): EditableCaption {
  if (!caption) return { text: '', html: false };
  if (/<[a-z!/]/i.test(caption)) return { text: caption, html: true };
  return { text: decodeEntities(caption), html: false };
}

export function captionFromEditing(edited: EditableCaption): string | undefined {
  const text = edited.text.trim().replace(/\s*\n\s*/g, ' ');
  if (text === '') return undefined;
  return edited.html ? text : escapeText(text);
}

/** WordPress' standard image sizes (the longest side, in pixels); full is the file's own size. */
export const IMAGE_SIZES = { thumbnail: 150, medium: 300, large: 1024 } as const;
export type ImageSize = keyof typeof IMAGE_SIZES | 'full';

/** Width and height for a size, keeping the aspect ratio of what is known (attributes, else the file). */
export function sizedTo(size: ImageSize, known: { width?: number; height?: number }, natural?: { width: number; height: number }): { width?: number; height?: number } {
  const w = known.width ?? natural?.width;
  const h = known.height ?? natural?.height;
  if (size === 'full') return natural ? { width: natural.width, height: natural.height } : { width: w, height: h };
  if (!w || !h) return { width: IMAGE_SIZES[size] };
  const longest = IMAGE_SIZES[size];
  const scale = Math.min(1, longest / Math.max(natural?.width ?? w, natural?.height ?? h));
  const baseW = natural?.width ?? w;
  const baseH = natural?.height ?? h;
  return { width: Math.round(baseW * scale), height: Math.round(baseH * scale) };
}
