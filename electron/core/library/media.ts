import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Page } from '../../common/api/library.ts';
import { BlogError } from '../../common/errors.ts';
import { LIMITS, type Media, type MediaId, type MediaPatch, type MediaRemote } from '../../common/models.ts';
import { stmt } from '../storage/statements.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { mimeFromName, sniff } from './image-info.ts';

/**
 * Media rows (the files themselves: media-files.ts). One row per content hash — adding the same bytes again
 * returns the existing item — plus reference rows (sha256 NULL) for attachments known only by their URL on a
 * blog. When a reference's file arrives and turns out to be a file we already have, the two rows merge.
 * Callers hold the transaction; the file must already be stored (putFile) before a row names its hash.
 */
interface MediaRow {
  pk: number;
  id: string;
  sha256: string | null;
  size: number | null;
  width: number | null;
  height: number | null;
  mime_type: string;
  file_name: string;
  alt: string;
  caption: string;
  created_at: number;
}

export function requireMediaRow(db: DatabaseSync, id: MediaId): MediaRow {
  const row = stmt(db, 'SELECT * FROM media WHERE id = ?').get(id) as MediaRow | undefined;
  if (!row) throw new BlogError('not-found', `There is no media with id ${JSON.stringify(id)}.`);
  return row;
}

export function getMedia(db: DatabaseSync, id: MediaId): Media {
  return toMedia(db, requireMediaRow(db, id));
}

export function listMedia(db: DatabaseSync, query: { postPk?: number; limit?: number; cursor?: string }): Page<Media> {
  const limit = Math.min(query.limit ?? 100, LIMITS.listLimit);
  const after = query.cursor === undefined ? Number.MAX_SAFE_INTEGER : decodeCursor(query.cursor, 'media')[0]!;
  const rows = (
    query.postPk === undefined
      ? stmt(db, 'SELECT * FROM media WHERE pk < ? ORDER BY pk DESC LIMIT ?').all(after, limit + 1)
      : stmt(
          db,
          `SELECT m.* FROM post_media pm JOIN media m ON m.pk = pm.media_pk WHERE pm.post_pk = ? AND m.pk < ?
           ORDER BY m.pk DESC LIMIT ?`,
        ).all(query.postPk, after, limit + 1)
  ) as unknown as MediaRow[];
  const items = rows.slice(0, limit).map((row) => toMedia(db, row));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, next: last ? encodeCursor('media', [last.pk]) : null };
}

export interface FileInput {
  readonly fileName: string;
  readonly mimeType?: string;
  readonly alt?: string;
  readonly caption?: string;
  readonly id?: MediaId;
  readonly createdAt?: number;
}

/** The row for stored bytes: the existing one with this hash, or a new one. */
export function addFileRow(db: DatabaseSync, hash: string, bytes: Uint8Array, input: FileInput, now: number): { media: Media; created: boolean } {
  const existing = stmt(db, 'SELECT * FROM media WHERE sha256 = ?').get(hash) as MediaRow | undefined;
  if (existing) return { media: toMedia(db, existing), created: false };
  const info = sniff(bytes);
  const id = input.id ?? randomUUID();
  stmt(
    db,
    `INSERT INTO media (id, sha256, size, width, height, mime_type, file_name, alt, caption, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    hash,
    bytes.byteLength,
    info.width,
    info.height,
    info.mimeType ?? input.mimeType ?? mimeFromName(input.fileName) ?? 'application/octet-stream',
    input.fileName,
    input.alt ?? '',
    input.caption ?? '',
    input.createdAt ?? now,
    now,
  );
  return { media: getMedia(db, id), created: true };
}

export interface ReferenceInput extends FileInput {
  readonly blogId: string;
  readonly remoteId: number | null;
  readonly url: string;
  readonly width?: number | null;
  readonly height?: number | null;
}

/**
 * A media item known by its place on a blog (an imported attachment): found again by remote id or URL.
 * `changed` says whether an existing item was actually different (re-importing the same file changes nothing).
 */
export function addReference(db: DatabaseSync, input: ReferenceInput, now: number): { media: Media; created: boolean; changed: boolean } {
  const found = (
    input.remoteId !== null
      ? stmt(db, 'SELECT media_pk FROM media_remote WHERE blog_id = ? AND remote_id = ?').get(input.blogId, input.remoteId)
      : stmt(db, 'SELECT media_pk FROM media_remote WHERE blog_id = ? AND url = ?').get(input.blogId, input.url)
  ) as { media_pk: number } | undefined;
  if (found === undefined) {
    const { pk } = stmt(
      db,
      `INSERT INTO media (id, sha256, width, height, mime_type, file_name, alt, caption, created_at, modified_at)
       VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`,
    ).get(
      input.id ?? randomUUID(),
      input.width ?? null,
      input.height ?? null,
      input.mimeType ?? mimeFromName(input.fileName) ?? 'application/octet-stream',
      input.fileName,
      input.alt ?? '',
      input.caption ?? '',
      input.createdAt ?? now,
      now,
    ) as { pk: number };
    setRemote(db, pk, input.blogId, input.remoteId, input.url);
    return { media: toMedia(db, stmt(db, 'SELECT * FROM media WHERE pk = ?').get(pk) as unknown as MediaRow), created: true, changed: true };
  }
  const before = stmt(db, 'SELECT * FROM media WHERE pk = ?').get(found.media_pk) as unknown as MediaRow;
  const remote = stmt(db, 'SELECT url FROM media_remote WHERE media_pk = ? AND blog_id = ?').get(found.media_pk, input.blogId) as { url: string };
  const changed =
    before.file_name !== input.fileName || before.alt !== (input.alt ?? '') || before.caption !== (input.caption ?? '') || remote.url !== input.url;
  if (changed) {
    stmt(db, 'UPDATE media SET file_name = ?, alt = ?, caption = ?, modified_at = ? WHERE pk = ?').run(
      input.fileName,
      input.alt ?? '',
      input.caption ?? '',
      now,
      found.media_pk,
    );
    setRemote(db, found.media_pk, input.blogId, input.remoteId, input.url);
  }
  return { media: toMedia(db, stmt(db, 'SELECT * FROM media WHERE pk = ?').get(found.media_pk) as unknown as MediaRow), created: false, changed };
}

export function setRemote(db: DatabaseSync, mediaPk: number, blogId: string, remoteId: number | null, url: string): void {
  stmt(
    db,
    `INSERT INTO media_remote (media_pk, blog_id, remote_id, url) VALUES (?, ?, ?, ?)
     ON CONFLICT (media_pk, blog_id) DO UPDATE SET remote_id = excluded.remote_id, url = excluded.url`,
  ).run(mediaPk, blogId, remoteId, url);
}

/**
 * Gives a reference row its (already stored) file. If another row has these bytes, the reference merges into
 * it — remotes, posts and featured images move over — and the surviving item is returned.
 */
export function attachFileRow(db: DatabaseSync, id: MediaId, hash: string, bytes: Uint8Array, now: number): Media {
  const row = requireMediaRow(db, id);
  const twin = stmt(db, 'SELECT * FROM media WHERE sha256 = ? AND pk != ?').get(hash, row.pk) as MediaRow | undefined;
  if (!twin) {
    const info = sniff(bytes);
    stmt(db, 'UPDATE media SET sha256 = ?, size = ?, width = ?, height = ?, mime_type = ?, modified_at = ? WHERE pk = ?').run(
      hash,
      bytes.byteLength,
      info.width ?? row.width,
      info.height ?? row.height,
      info.mimeType ?? row.mime_type,
      now,
      row.pk,
    );
    return getMedia(db, id);
  }
  // UPDATE OR IGNORE: where the twin already has a place on that blog, it keeps its own (the reference's goes
  // with the reference row below).
  stmt(db, 'UPDATE OR IGNORE media_remote SET media_pk = ? WHERE media_pk = ?').run(twin.pk, row.pk);
  stmt(db, 'INSERT OR IGNORE INTO post_media (post_pk, media_pk) SELECT post_pk, ? FROM post_media WHERE media_pk = ?').run(twin.pk, row.pk);
  stmt(db, 'UPDATE posts SET featured_media_pk = ? WHERE featured_media_pk = ?').run(twin.pk, row.pk);
  stmt(db, 'DELETE FROM media WHERE pk = ?').run(row.pk);
  return getMedia(db, twin.id);
}

export function updateMedia(db: DatabaseSync, id: MediaId, patch: MediaPatch, now: number): Media {
  const row = requireMediaRow(db, id);
  for (const key of ['fileName', 'alt', 'caption'] as const) {
    if (patch[key] !== undefined && typeof patch[key] !== 'string') throw new BlogError('invalid-argument', `${key} must be a string`);
  }
  stmt(db, 'UPDATE media SET file_name = ?, alt = ?, caption = ?, modified_at = ? WHERE pk = ?').run(
    patch.fileName ?? row.file_name,
    patch.alt ?? row.alt,
    patch.caption ?? row.caption,
    now,
    row.pk,
  );
  return getMedia(db, id);
}

export function relate(db: DatabaseSync, postPk: number, mediaPk: number): void {
  stmt(db, 'INSERT OR IGNORE INTO post_media (post_pk, media_pk) VALUES (?, ?)').run(postPk, mediaPk);
}

function toMedia(db: DatabaseSync, row: MediaRow): Media {
  const remotes = stmt(db, 'SELECT blog_id, remote_id, url FROM media_remote WHERE media_pk = ? ORDER BY blog_id').all(row.pk) as {
    blog_id: string;
    remote_id: number | null;
    url: string;
  }[];
  return {
    id: row.id,
    sha256: row.sha256,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    remotes: remotes.map((r): MediaRemote => ({ blogId: r.blog_id, remoteId: r.remote_id, url: r.url })),
    createdAt: row.created_at,
  };
}
