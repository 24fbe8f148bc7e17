import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BlogError } from '../../common/errors.ts';

/**
 * The media file store: `<dataDir>/media/<first two hex>/<sha256>`, content-addressed, so the same bytes are
 * stored once whatever they are called and whichever posts use them. A file is written to a temporary name,
 * fsynced and renamed into place (then the directory is fsynced): a crash leaves either no file or the whole
 * file, never a torn one under its final name. The file is written *before* the database row that refers to
 * it commits, so the database never points at a file that is not there (an orphan file is harmless).
 */
export const MEDIA_DIR = 'media';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function mediaPath(dataDir: string, hash: string): string {
  return join(dataDir, MEDIA_DIR, hash.slice(0, 2), hash);
}

/** Stores the bytes (once) and returns their hash. */
export function putFile(dataDir: string, bytes: Uint8Array): string {
  const hash = sha256(bytes);
  const target = mediaPath(dataDir, hash);
  if (existsSync(target) && statSync(target).size === bytes.byteLength) return hash;
  const dir = join(dataDir, MEDIA_DIR, hash.slice(0, 2));
  const temp = join(dir, `.incoming-${randomUUID()}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, 'w');
    try {
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    syncDirectory(dir);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fileError(error, 'store the media file');
  }
  return hash;
}

export function readMediaFile(dataDir: string, hash: string, label: string): Buffer {
  const path = mediaPath(dataDir, hash);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BlogError('not-found', `The file of ${label} is missing from the library folder (expected at ${path}).`);
    }
    throw fileError(error, `read the file of ${label}`);
  }
  if (sha256(bytes) !== hash) {
    throw new BlogError('storage', `The file of ${label} is damaged: its content no longer matches what was stored (${path}).`);
  }
  return bytes;
}

export function hasMediaFile(dataDir: string, hash: string): boolean {
  return existsSync(mediaPath(dataDir, hash));
}

function syncDirectory(dir: string): void {
  // Makes the rename itself durable. Not possible on every platform (Windows): there the rename is as
  // durable as the OS makes it.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* see above */
  }
}

export function fileError(error: unknown, doing: string): BlogError {
  if (error instanceof BlogError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the library folder is not writable'
        : (error as Error).message;
  return new BlogError('storage', `Could not ${doing}: ${why}; nothing was saved.`);
}
