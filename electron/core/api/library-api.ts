import type { LibraryApi, LibraryChangeEvent } from '../../common/api/library.ts';
import type { Emitter } from '../../common/events.ts';
import type { PostChangeEvent } from '../../common/models.ts';
import type { Library } from '../library/library.ts';
import type { SqlitePostStore } from '../posts/post-store.ts';
import { toSummary } from '../posts/post-store.ts';

/**
 * LibraryApi over the library and the post store. As in posts-api.ts: storage is synchronous, the async
 * wrappers turn a thrown BlogError into a rejected promise, and events fire after the commit, never inside it.
 */
export function createLibraryApi(
  library: Library,
  posts: SqlitePostStore,
  changes: Emitter<LibraryChangeEvent>,
  postChanges: Emitter<PostChangeEvent>,
): LibraryApi {
  const imported = (report: Awaited<ReturnType<LibraryApi['importWxr']>>) => {
    changes.fire({ kind: 'imported', report });
    const count = report.posts.created + report.posts.updated;
    if (count > 0) postChanges.fire({ kind: 'bulk', count });
    return report;
  };
  return {
    listBlogs: async () => library.listBlogs(),
    addBlog: async (init) => {
      const blog = library.addBlog(init);
      changes.fire({ kind: 'blogs' });
      return blog;
    },
    search: async (query) => library.search(query),
    listArchive: async (query) => library.listArchive(query),
    archiveCounts: async (filter) => library.archiveCounts(filter),
    statusCounts: async (filter) => library.statusCounts(filter),
    listTerms: async (query) => library.listTerms(query),
    createTerm: async (init) => {
      const term = library.createTerm(init);
      changes.fire({ kind: 'terms' });
      return term;
    },
    updateTerm: async (id, patch) => {
      const term = library.updateTerm(id, patch);
      changes.fire({ kind: 'terms' });
      return term;
    },
    deleteTerm: async (id) => {
      library.deleteTerm(id);
      changes.fire({ kind: 'terms' });
    },
    addMedia: async ({ data, ...rest }) => {
      const media = library.addMedia({ ...rest, bytes: Buffer.from(data, 'base64') });
      changes.fire({ kind: 'media' });
      return media;
    },
    getMedia: async (id) => library.getMedia(id),
    listMedia: async (query) => library.listMedia(query),
    updateMedia: async (id, patch) => {
      const media = library.updateMedia(id, patch);
      changes.fire({ kind: 'media' });
      return media;
    },
    readMedia: async (id) => {
      const { mimeType, data } = library.readMedia(id);
      return { mimeType, data };
    },
    listRevisions: async (postId) => posts.revisions(postId),
    getRevision: async (id) => library.getRevision(id),
    takeRevision: async (postId) => {
      const revision = posts.takeRevision(postId);
      if (revision) changes.fire({ kind: 'revisions', postId });
      return revision;
    },
    restoreRevision: async (postId, revisionId, baseVersion) => {
      const post = posts.restore(postId, revisionId, baseVersion);
      changes.fire({ kind: 'revisions', postId });
      postChanges.fire({ kind: 'saved', post: toSummary(post) });
      return post;
    },
    importWxr: async (source) => imported(library.importWxr(source)),
    exportArchive: async ({ path }) => library.exportArchive(path),
    importArchive: async ({ path }) => imported(library.importArchive(path)),
    onDidChangeLibrary: changes.event,
  };
}
