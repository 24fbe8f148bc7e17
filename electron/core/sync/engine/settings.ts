/**
 * The user's sync settings, in the library's settings table (key `sync`), so the CLI and the app share them.
 * Unknown or out-of-range values fall back to the defaults rather than failing a sync.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { SyncSettings } from '../../../common/api/sync.ts';
import { BlogError } from '../../../common/errors.ts';
import { stmt } from '../../storage/statements.ts';

export const DEFAULT_SETTINGS: SyncSettings = {
  // A photo from a phone is 3–8 MB; a video is not something to fetch unasked.
  mediaDownloadMaxBytes: 20 * 1024 * 1024,
};

/** The largest per-file limit one can set (the library refuses larger media anyway). */
export const MAX_MEDIA_LIMIT = 64 * 1024 * 1024;

export function readSettings(db: DatabaseSync): SyncSettings {
  const row = stmt(db, `SELECT value FROM settings WHERE key = 'sync'`).get() as { value: string } | undefined;
  let stored: Partial<SyncSettings> = {};
  try {
    stored = row ? (JSON.parse(row.value) as Partial<SyncSettings>) : {};
  } catch {
    stored = {};
  }
  const limit = stored.mediaDownloadMaxBytes;
  return {
    mediaDownloadMaxBytes: Number.isSafeInteger(limit) && (limit as number) >= 0 && (limit as number) <= MAX_MEDIA_LIMIT ? (limit as number) : DEFAULT_SETTINGS.mediaDownloadMaxBytes,
  };
}

/** Call inside a transaction. */
export function writeSettings(db: DatabaseSync, patch: Partial<SyncSettings>): SyncSettings {
  const limit = patch.mediaDownloadMaxBytes;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_MEDIA_LIMIT)) {
    throw new BlogError('invalid-argument', `The media download limit is a number of bytes from 0 to ${MAX_MEDIA_LIMIT}.`);
  }
  const next = { ...readSettings(db), ...patch };
  stmt(db, `INSERT INTO settings (key, value) VALUES ('sync', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(next));
  return next;
}
