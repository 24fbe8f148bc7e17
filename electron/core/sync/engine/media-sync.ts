/**
 * Media between the blog and the library.
 *
 * Pull: the media a pulled post uses (featured image, `wp-image-N`, image blocks' ids) become library items
 * known by their place on the blog (metadata always); their files are downloaded for offline reading when no
 * larger than the user's limit (SyncSettings.mediaDownloadMaxBytes; 0 = metadata only). A file already in the
 * library (same bytes) merges with the reference instead of being stored twice.
 *
 * Push: before a post goes up, each local file it uses goes up once: looked up by content hash first
 * (findMediaBySha256, which also finds an upload whose response was lost), uploaded only if absent. The remote
 * URL is recorded with the item, so the published HTML can point at it while the local body keeps its
 * `longhand://media/<id>` names.
 */
import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../../common/errors.ts';
import { addReference, attachFileRow, requireMediaRow, setRemote } from '../../library/media.ts';
import { putFile, readMediaFile } from '../../library/media-files.ts';
import { transaction } from '../../storage/database.ts';
import { stmt } from '../../storage/statements.ts';
import type { BlogAdapter, RemoteMedia } from '../adapter.ts';
import { SyncError } from '../errors.ts';

/** Remote media ids the library has no item for on this blog. */
export function unknownMedia(db: DatabaseSync, blogId: string, ids: readonly string[]): string[] {
  return [...new Set(ids)].filter((id) => !stmt(db, 'SELECT 1 FROM media_remote WHERE blog_id = ? AND remote_id = ?').get(blogId, Number(id)));
}

/** Records the blog's media items as library references (call inside a transaction). */
export function recordMedia(db: DatabaseSync, blogId: string, items: readonly RemoteMedia[], now: number): void {
  for (const item of items) {
    const name = decodeName(item.sourceUrl.split(/[?#]/)[0]!.split('/').pop() ?? '') || `media-${item.id}`;
    addReference(
      db,
      { blogId, remoteId: Number(item.id), url: item.sourceUrl, fileName: name, mimeType: item.mime, alt: item.alt, caption: item.caption },
      now,
    );
  }
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Items of this blog the library knows only by URL (no file yet), among `remoteIds`. */
export function filesMissing(db: DatabaseSync, blogId: string, remoteIds: readonly string[]): { id: string; url: string; size: number | null }[] {
  if (remoteIds.length === 0) return [];
  return stmt(
    db,
    `SELECT m.id, r.url, m.size FROM media_remote r JOIN media m ON m.pk = r.media_pk
     WHERE r.blog_id = ? AND r.remote_id IN (SELECT value FROM json_each(?)) AND m.sha256 IS NULL AND r.url != ''`,
  ).all(blogId, JSON.stringify(remoteIds.map(Number))) as { id: string; url: string; size: number | null }[];
}

/** Downloads what fits the limit; a file that fails is left for a later sync. Returns how many were stored. */
export async function downloadFiles(
  db: DatabaseSync,
  dataDir: string,
  adapter: BlogAdapter,
  items: readonly { id: string; url: string }[],
  maxBytes: number,
  now: () => number,
  progress: (done: number, total: number, current: string) => void,
): Promise<number> {
  if (maxBytes <= 0) return 0;
  let stored = 0;
  for (const [i, item] of items.entries()) {
    progress(i, items.length, item.url);
    let bytes: Uint8Array | null;
    try {
      bytes = await adapter.downloadMedia(item.url, maxBytes);
    } catch (error) {
      if (error instanceof SyncError && error.action !== 'retry' && error.action !== 'fail-entry') throw error;
      continue;
    }
    if (!bytes) continue;
    const hash = putFile(dataDir, bytes);
    transaction(db, () => attachFileRow(db, item.id, hash, bytes, now()));
    stored++;
  }
  progress(items.length, items.length, '');
  return stored;
}

/**
 * Uploads the post's local files that are not on the blog yet (lookup by hash first). Each item's remote place
 * commits as soon as it is known, so a retry never uploads it again.
 */
export async function pushMedia(
  db: DatabaseSync,
  dataDir: string,
  adapter: BlogAdapter,
  blogId: string,
  mediaIds: readonly string[],
  now: () => number,
): Promise<{ uploaded: number; reused: number }> {
  let uploaded = 0;
  let reused = 0;
  for (const id of new Set(mediaIds)) {
    const row = requireMediaRow(db, id);
    const there = stmt(db, `SELECT 1 FROM media_remote WHERE media_pk = ? AND blog_id = ? AND remote_id IS NOT NULL AND url != ''`).get(row.pk, blogId);
    if (there) continue;
    if (row.sha256 === null) {
      throw new BlogError('not-found', `The image “${row.file_name}” is not on this computer, so it cannot be uploaded.`);
    }
    let remote = await adapter.findMediaBySha256(row.sha256);
    if (remote) reused++;
    else {
      const bytes = readMediaFile(dataDir, row.sha256, `media ${JSON.stringify(row.file_name)}`);
      remote = await adapter.uploadMedia(bytes, {
        filename: row.file_name || 'bild',
        mime: row.mime_type,
        sha256: row.sha256,
        ...(row.alt ? { alt: row.alt } : {}),
        ...(row.caption ? { caption: row.caption } : {}),
      });
      uploaded++;
    }
    const found = remote;
    const sha = row.sha256;
    transaction(db, () => {
      // A pull may already know that remote item as a reference without a file: it merges into this item.
      const holder = stmt(db, 'SELECT m.id, m.sha256 FROM media_remote r JOIN media m ON m.pk = r.media_pk WHERE r.blog_id = ? AND r.remote_id = ?').get(
        blogId,
        Number(found.id),
      ) as { id: string; sha256: string | null } | undefined;
      if (holder && holder.id !== id && holder.sha256 === null) attachFileRow(db, holder.id, sha, readMediaFile(dataDir, sha, id), now());
      else if (!holder) setRemote(db, row.pk, blogId, Number(found.id), found.sourceUrl);
    });
  }
  return { uploaded, reused };
}
