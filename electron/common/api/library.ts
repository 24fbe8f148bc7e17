import type { Disposer, Listener } from '../events.ts';
import type {
  Blog,
  BlogId,
  Media,
  MediaId,
  MediaPatch,
  NewBlog,
  NewTerm,
  Post,
  PostId,
  PostStatus,
  PostSummary,
  Revision,
  RevisionId,
  RevisionSummary,
  Taxonomy,
  Term,
  TermId,
  TermPatch,
} from '../models.ts';

/**
 * The whole archive on this machine: blogs, terms, media, revisions, search, archive views, import/export.
 * Lists that can be long are pages with an opaque keyset cursor (`next`): asking for the next page costs the
 * same at row 100,000 as at row 0, and a post saved meanwhile never makes a row appear twice.
 */
export interface LibraryApi {
  listBlogs(): Promise<Blog[]>;
  addBlog(init: NewBlog): Promise<Blog>;

  /** Ranked (bm25) full-text search with highlighted title and snippet, combinable with the filters. */
  search(query: SearchQuery): Promise<SearchPage>;
  /** Posts newest first (by date) or by title, filtered by month, category, tag, status, blog, date range. */
  listArchive(query?: ArchiveQuery): Promise<Page<ArchiveEntry>>;
  /** Posts per year and month (the sidebar's "Arkiv"). */
  archiveCounts(filter?: CountFilter): Promise<ArchiveCounts>;
  /** Posts per status (trashed and deleted included). */
  statusCounts(filter?: { readonly blogId?: BlogId }): Promise<Record<PostStatus, number>>;

  listTerms(query?: TermQuery): Promise<Term[]>;
  createTerm(init: NewTerm): Promise<Term>;
  updateTerm(id: TermId, patch: TermPatch): Promise<Term>;
  /** Removes the term from its posts; a category's children move up to its parent. */
  deleteTerm(id: TermId): Promise<void>;

  /** Stores a file (base64) once per content: adding the same bytes again returns the existing item. */
  addMedia(input: NewMedia): Promise<Media>;
  getMedia(id: MediaId): Promise<Media>;
  listMedia(query?: MediaQuery): Promise<Page<Media>>;
  updateMedia(id: MediaId, patch: MediaPatch): Promise<Media>;
  /** The file's bytes as base64; `not-found` if the item is only a reference or its file has gone missing. */
  readMedia(id: MediaId): Promise<MediaContent>;

  listRevisions(postId: PostId): Promise<RevisionSummary[]>;
  getRevision(id: RevisionId): Promise<Revision>;
  /** Takes a snapshot now ("save a version"); returns null if nothing changed since the newest one. */
  takeRevision(postId: PostId): Promise<RevisionSummary | null>;
  /** Puts a revision's text back (after snapshotting the current text, so the restore can be undone). */
  restoreRevision(postId: PostId, revisionId: RevisionId, baseVersion?: number): Promise<Post>;

  /** Imports a WordPress export (WXR) file, by path or as text. Re-importing the same file updates, never duplicates. */
  importWxr(source: WxrSource): Promise<ImportReport>;
  /** Writes the whole archive to a new (or empty) folder; see electron/core/library/EXPORT.md. */
  exportArchive(target: { readonly path: string }): Promise<ExportReport>;
  /** Reads a folder written by exportArchive back: the same posts, terms, media, with the same ids. */
  importArchive(source: { readonly path: string }): Promise<ImportReport>;

  onDidChangeLibrary(listener: Listener<LibraryChangeEvent>): Disposer;
}

export interface Page<T> {
  readonly items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly next: string | null;
}

/** A post in an archive list or search result. */
export interface ArchiveEntry extends PostSummary {
  readonly blogId: BlogId | null;
  readonly remoteId: number | null;
  readonly slug: string;
  /** The date the archive files the post under: publishedAt, or createdAt for an undated draft. */
  readonly date: number;
  readonly publishedAt: number | null;
}

export interface LibraryFilter {
  readonly blogId?: BlogId;
  /** Default: every status except trashed and deleted. */
  readonly statuses?: readonly PostStatus[];
  /** Posts in this category or any of its subcategories. */
  readonly categoryId?: TermId;
  readonly tagId?: TermId;
  /** Date range, epoch ms: from ≤ date < to. */
  readonly from?: number;
  readonly to?: number;
}

/** 'date': newest first (the default); 'title': A to Ö, in Swedish alphabetical order, untitled posts last. */
export type ArchiveSort = 'date' | 'title';

export interface ArchiveQuery extends LibraryFilter {
  /** A month of the archive (in the blog's time zone); both or neither. */
  readonly year?: number;
  readonly month?: number;
  readonly sort?: ArchiveSort;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface SearchQuery extends LibraryFilter {
  /** Words (all must match, in any order) and "quoted phrases". */
  readonly text: string;
  /** The last word is a prefix, for search as you type (default true; a trailing space ends the word). */
  readonly prefix?: boolean;
  /** e ≈ é and a ≈ å ≈ ä, o ≈ ö: for names and loanwords, at the price of "får" finding "far". */
  readonly accentInsensitive?: boolean;
  readonly limit?: number;
  readonly cursor?: string;
}

/** A piece of text, marked when it is what the search matched (never HTML: the UI decides how to show it). */
export interface TextSpan {
  readonly text: string;
  readonly match: boolean;
}

export interface SearchHit {
  readonly post: ArchiveEntry;
  readonly title: TextSpan[];
  /** A window of the best-matching column (body, excerpt or tags) around the matches. */
  readonly snippet: TextSpan[];
  /** bm25: lower is better. */
  readonly score: number;
}

export interface SearchPage extends Page<SearchHit> {
  /** How many posts match the words and the filters (the same on every page)… */
  readonly total: number;
  /** …or, when true, at least that many ("more than 10,000"): counting further is not worth the wait. */
  readonly totalIsLowerBound: boolean;
}

export interface CountFilter {
  readonly blogId?: BlogId;
  readonly statuses?: readonly PostStatus[];
}

export interface ArchiveCounts {
  readonly total: number;
  /** Newest first. */
  readonly years: { readonly year: number; readonly count: number; readonly months: { readonly month: number; readonly count: number }[] }[];
}

export interface TermQuery {
  /** A blog's terms; null: the terms of unassigned drafts; left out: all. */
  readonly blogId?: BlogId | null;
  readonly taxonomy?: Taxonomy;
}

export interface NewMedia {
  readonly fileName: string;
  /** The file's bytes, base64. */
  readonly data: string;
  /** Sniffed from the bytes for common images; this is used otherwise. */
  readonly mimeType?: string;
  readonly alt?: string;
  readonly caption?: string;
  /** Relates the media to this post as well. */
  readonly postId?: PostId;
}

export interface MediaQuery {
  readonly postId?: PostId;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface MediaContent {
  readonly mimeType: string;
  readonly data: string;
}

export type WxrSource = { readonly path: string; readonly blogId?: BlogId } | { readonly xml: string; readonly blogId?: BlogId };

export interface ImportCounts {
  readonly created: number;
  readonly updated: number;
}

export interface ImportReport {
  /** The blog the import went into (WXR), or null (an archive folder brings its own blogs). */
  readonly blogId: BlogId | null;
  readonly posts: ImportCounts;
  readonly terms: ImportCounts;
  readonly media: ImportCounts;
  /** Items left out and why (pages, menu items, unknown statuses…), at most 100 listed. */
  readonly skipped: { readonly title: string; readonly reason: string }[];
  readonly skippedCount: number;
}

export interface ExportReport {
  readonly path: string;
  readonly posts: number;
  readonly media: number;
  /** Media known only by reference (not downloaded), listed in the manifest without a file. */
  readonly mediaWithoutFile: number;
}

export type LibraryChangeEvent =
  | { readonly kind: 'blogs' | 'terms' | 'media' }
  | { readonly kind: 'revisions'; readonly postId: PostId }
  | { readonly kind: 'imported'; readonly report: ImportReport };
