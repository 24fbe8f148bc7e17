/**
 * What a file is, from its first bytes: MIME type and, for images, width × height. Enough for PNG, JPEG, GIF,
 * WebP and SVG-by-name — the images a blog has — without an image library. Unknown formats give nulls and the
 * caller's MIME type (or the file name's) is used.
 */
export interface ImageInfo {
  readonly mimeType: string | null;
  readonly width: number | null;
  readonly height: number | null;
}

const NONE: ImageInfo = { mimeType: null, width: null, height: null };

export function sniff(bytes: Uint8Array): ImageInfo {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('ascii', 12, 16) === 'IHDR') {
      return { mimeType: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    }
    if (b.length >= 10 && (b.toString('ascii', 0, 6) === 'GIF87a' || b.toString('ascii', 0, 6) === 'GIF89a')) {
      return { mimeType: 'image/gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
    }
    if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return { mimeType: 'image/jpeg', ...jpegSize(b) };
    if (b.length >= 30 && b.toString('ascii', 0, 4) === 'RIFF' && b.toString('ascii', 8, 12) === 'WEBP') {
      return { mimeType: 'image/webp', ...webpSize(b) };
    }
    if (b.length >= 5 && b.toString('ascii', 0, 5) === '%PDF-') return { mimeType: 'application/pdf', width: null, height: null };
  } catch {
    // A truncated header: we know no more than "some file".
  }
  return NONE;
}

function jpegSize(b: Buffer): { width: number | null; height: number | null } {
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b[offset] !== 0xff) return { width: null, height: null };
    const marker = b[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = b.readUInt16BE(offset + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(offset + 5), width: b.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return { width: null, height: null };
}

function webpSize(b: Buffer): { width: number | null; height: number | null } {
  const chunk = b.toString('ascii', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return { width: null, height: null };
}

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  mov: 'video/quicktime',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};

export function mimeFromName(fileName: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext ? (BY_EXTENSION[ext] ?? null) : null;
}

export function extensionFor(mimeType: string): string {
  const found = Object.entries(BY_EXTENSION).find(([, mime]) => mime === mimeType);
  return found ? `.${found[0]}` : '';
}
