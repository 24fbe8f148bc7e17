import { readFileSync, statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type {
  ArchiveCounts,
  ArchiveEntry,
  ArchiveQuery,
  CountFilter,
  ExportReport,
  ImportReport,
  MediaContent,
  NewMedia,
  Page,
  SearchPage,
  SearchQuery,
  TermQuery,
  WxrSource,
} from '../../common/api/library.ts';
import { BlogError } from '../../common/errors.ts';
import { LIMITS, type Blog, type Media, type MediaId, type MediaPatch, type NewBlog, type NewTerm, type PostId, type PostStatus, type Revision, type RevisionId, type Term, type TermId, type TermPatch } from '../../common/models.ts';
import { requireRow } from '../posts/post-row.ts';
import type { Clock } from '../posts/post-store.ts';
import { getRevision } from '../posts/revisions.ts';
import { transaction } from '../storage/database.ts';
import { archiveCounts, listArchive, statusCounts } from './archive.ts';
import { addBlog, listBlogs } from './blogs.ts';
import { exportArchive } from './export/export.ts';
import { importArchive } from './export/import-folder.ts';
import { addFileRow, attachFileRow, getMedia, listMedia, relate, requireMediaRow, updateMedia } from './media.ts';
import { putFile, readMediaFile } from './media-files.ts';
import { search } from './search.ts';
import { createTerm, deleteTerm, listTerms, updateTerm } from './terms.ts';
import { importWxr } from './wxr/import.ts';

/**
 * The library beyond single posts (posts: posts/post-store.ts), synchronous like node:sqlite: each write is
 * one transaction; reads need none. api/library-api.ts wraps this in promises and events.
 */
export class Library {
  readonly db: DatabaseSync;
  readonly dataDir: string;
  private readonly clock: Clock;

  constructor(db: DatabaseSync, dataDir: string, clock: Clock) {
    this.db = db;
    this.dataDir = dataDir;
    this.clock = clock;
  }

  listBlogs(): Blog[] {
    return listBlogs(this.db);
  }

  addBlog(init: NewBlog): Blog {
    return transaction(this.db, () => addBlog(this.db, init, this.clock()));
  }

  search(query: SearchQuery): SearchPage {
    return search(this.db, query);
  }

  listArchive(query?: ArchiveQuery): Page<ArchiveEntry> {
    return listArchive(this.db, query);
  }

  archiveCounts(filter?: CountFilter): ArchiveCounts {
    return archiveCounts(this.db, filter);
  }

  statusCounts(filter?: { blogId?: string }): Record<PostStatus, number> {
    return statusCounts(this.db, filter);
  }

  listTerms(query?: TermQuery): Term[] {
    return listTerms(this.db, query);
  }

  createTerm(init: NewTerm): Term {
    return transaction(this.db, () => createTerm(this.db, init, this.clock()));
  }

  updateTerm(id: TermId, patch: TermPatch): Term {
    return transaction(this.db, () => updateTerm(this.db, id, patch, this.clock()));
  }

  deleteTerm(id: TermId): void {
    transaction(this.db, () => deleteTerm(this.db, id));
  }

  /** The file is stored (fsynced) before the row that names it commits. */
  addMedia(input: Omit<NewMedia, 'data'> & { bytes: Uint8Array }): Media {
    if (input.bytes.byteLength > LIMITS.mediaBytes) throw new BlogError('invalid-argument', `The file is larger than ${LIMITS.mediaBytes} bytes.`);
    const post = input.postId === undefined ? null : requireRow(this.db, input.postId);
    const hash = putFile(this.dataDir, input.bytes);
    return transaction(this.db, () => {
      const { media } = addFileRow(this.db, hash, input.bytes, input, this.clock());
      if (post) relate(this.db, post.pk, requireMediaRow(this.db, media.id).pk);
      return media;
    });
  }

  /** Gives a reference (an imported attachment) its file, e.g. once sync downloaded it. */
  attachMediaFile(id: MediaId, bytes: Uint8Array): Media {
    requireMediaRow(this.db, id);
    const hash = putFile(this.dataDir, bytes);
    return transaction(this.db, () => attachFileRow(this.db, id, hash, bytes, this.clock()));
  }

  getMedia(id: MediaId): Media {
    return getMedia(this.db, id);
  }

  listMedia(query: { postId?: PostId; limit?: number; cursor?: string } = {}): Page<Media> {
    const postPk = query.postId === undefined ? undefined : requireRow(this.db, query.postId).pk;
    return listMedia(this.db, { ...query, postPk });
  }

  updateMedia(id: MediaId, patch: MediaPatch): Media {
    return transaction(this.db, () => updateMedia(this.db, id, patch, this.clock()));
  }

  readMedia(id: MediaId): MediaContent & { bytes: Buffer } {
    const media = getMedia(this.db, id);
    const label = `media ${JSON.stringify(media.fileName || id)}`;
    if (media.sha256 === null) {
      throw new BlogError('not-found', `The file of ${label} is not in the library yet (it is on the blog: ${media.remotes[0]?.url ?? 'no address'}).`);
    }
    const bytes = readMediaFile(this.dataDir, media.sha256, label);
    return { mimeType: media.mimeType, data: bytes.toString('base64'), bytes };
  }

  getRevision(id: RevisionId): Revision {
    const { postPk: _postPk, ...revision } = getRevision(this.db, id);
    return revision;
  }

  importWxr(source: WxrSource): ImportReport {
    const xml = 'xml' in source ? source.xml : readText(source.path, LIMITS.wxrChars);
    return importWxr(this.db, xml, { blogId: source.blogId, now: this.clock });
  }

  exportArchive(path: string): ExportReport {
    return exportArchive(this.db, this.dataDir, path);
  }

  importArchive(path: string): ImportReport {
    return importArchive(this.db, this.dataDir, path, this.clock());
  }
}

function readText(path: string, maxChars: number): string {
  try {
    if (statSync(path).size > maxChars * 4) throw new BlogError('invalid-argument', `${path} is too large to be a WordPress export.`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof BlogError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BlogError(code === 'ENOENT' ? 'not-found' : 'storage', `Cannot read ${path}: ${(error as Error).message}`);
  }
}
