import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { ImportReport } from '../../../common/api/library.ts';
import { BlogError } from '../../../common/errors.ts';
import { POST_STATUSES, type Post } from '../../../common/models.ts';
import { findRow, loadPost } from '../../posts/post-row.ts';
import { checkFields } from '../../posts/post-validate.ts';
import { writePost } from '../../posts/post-writer.ts';
import { transaction } from '../../storage/database.ts';
import { stmt } from '../../storage/statements.ts';
import { addBlog } from '../blogs.ts';
import { addFileRow, addReference, setRemote } from '../media.ts';
import { OPTIMIZE_AFTER_POSTS, optimizeSearchIndex } from '../search-index.ts';
import { putFile, sha256 } from '../media-files.ts';
import { ImportTally } from '../wxr/tally.ts';
import { FORMAT, FORMAT_VERSION, MANIFEST, type Manifest, postOf } from './format.ts';
import { readFrontMatter } from './front-matter.ts';
import { importManifestTerms } from './import-terms.ts';

/**
 * Reads an exported folder back into the library: the same blogs, terms, media and posts, with the same ids,
 * times and versions, so export → import into an empty library gives the same archive. Into a library that
 * already has some of it, records are matched by id (a blog also by url + user, a file also by its hash) and
 * replaced by the folder's version.
 *
 * Order: everything is read and checked first and media files are stored (content-addressed, so harmless if
 * the import then fails); then one transaction writes every row, so a bad post file changes nothing.
 */
export function importArchive(db: DatabaseSync, dataDir: string, path: string, now: number): ImportReport {
  const root = resolve(path);
  const manifestPath = join(root, MANIFEST);
  if (!existsSync(manifestPath)) throw new BlogError('not-found', `${root} is not a Longhand archive folder (no ${MANIFEST}).`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (error) {
    throw new BlogError('invalid-argument', `${manifestPath} cannot be read: ${(error as Error).message}`);
  }
  if (manifest.format !== FORMAT || typeof manifest.version !== 'number') throw new BlogError('invalid-argument', `${manifestPath} is not a Longhand archive manifest.`);
  if (manifest.version > FORMAT_VERSION) {
    throw new BlogError('invalid-argument', `This archive was written by a newer Longhand (format ${manifest.version}); update Longhand to import it.`);
  }
  const files = new Map<string, Uint8Array>();
  for (const item of manifest.media) {
    if (item.file === null || item.sha256 === null) continue;
    const bytes = readInside(root, item.file);
    if (sha256(bytes) !== item.sha256) throw new BlogError('invalid-argument', `${item.file} does not have the content the manifest lists.`);
    putFile(dataDir, bytes);
    files.set(item.id, bytes);
  }
  const posts: Post[] = manifest.posts.map(({ file }) => {
    const { fields, body } = readFrontMatter(readInside(root, file).toString('utf8'), file);
    const editorFile = typeof fields.editorState === 'string' ? file.replace(/[^/]+$/, fields.editorState) : null;
    const post = postOf(fields, body, editorFile ? readInside(root, editorFile).toString('utf8') : null);
    checkFields(post);
    if (!POST_STATUSES.includes(post.status)) throw new BlogError('invalid-argument', `${file}: unknown status ${JSON.stringify(post.status)}.`);
    return post;
  });

  return transaction(db, () => {
    const tally = new ImportTally();
    const blogIds = new Map<string, string>();
    for (const blog of manifest.blogs) blogIds.set(blog.id, addBlog(db, blog, now).id);
    const blogOf = (id: string | null) => (id === null ? null : (blogIds.get(id) ?? id));
    const termIds = importManifestTerms(db, manifest.terms, blogOf, tally, now);

    const mediaIds = new Map<string, string>();
    for (const item of manifest.media) {
      const bytes = files.get(item.id);
      const existed = stmt(db, 'SELECT 1 FROM media WHERE id = ?').get(item.id) !== undefined;
      let id = item.id;
      if (bytes && item.sha256) {
        const { media } = addFileRow(db, item.sha256, bytes, { ...item, createdAt: item.createdAt }, now);
        id = media.id;
      } else if (!existed && item.remotes[0]) {
        const [first] = item.remotes;
        id = addReference(db, { ...item, blogId: blogOf(first.blogId)!, remoteId: first.remoteId, url: first.url }, now).media.id;
      } else if (!existed) {
        throw new BlogError('invalid-argument', `The media ${item.id} has neither a file nor a place on a blog.`);
      }
      stmt(db, 'UPDATE media SET file_name = ?, alt = ?, caption = ?, width = coalesce(width, ?), height = coalesce(height, ?) WHERE id = ?').run(
        item.fileName,
        item.alt,
        item.caption,
        item.width,
        item.height,
        id,
      );
      const pk = (stmt(db, 'SELECT pk FROM media WHERE id = ?').get(id) as { pk: number }).pk;
      for (const remote of item.remotes) setRemote(db, pk, blogOf(remote.blogId)!, remote.remoteId, remote.url);
      mediaIds.set(item.id, id);
      if (existed) tally.media.updated++;
      else tally.media.created++;
    }

    const map = (ids: readonly string[], table: Map<string, string>) => ids.map((id) => table.get(id) ?? id);
    for (const post of posts) {
      const row = findRow(db, post.id);
      const mapped: Post = {
        ...post,
        blogId: blogOf(post.blogId),
        categoryIds: map(post.categoryIds, termIds),
        tagIds: map(post.tagIds, termIds),
        mediaIds: map(post.mediaIds, mediaIds),
        featuredMediaId: post.featuredMediaId === null ? null : (mediaIds.get(post.featuredMediaId) ?? post.featuredMediaId),
      };
      writePost(db, mapped, row ? { row, post: loadPost(db, row) } : undefined);
      if (row) tally.posts.updated++;
      else tally.posts.created++;
    }
    if (posts.length >= OPTIMIZE_AFTER_POSTS) optimizeSearchIndex(db);
    return tally.report(null);
  });
}

/** Reads a file named by the manifest, refusing names that climb out of the folder. */
function readInside(root: string, relative: string): Buffer {
  const full = resolve(root, relative);
  if (!full.startsWith(`${root}/`) && !full.startsWith(`${root}\\`)) {
    throw new BlogError('invalid-argument', `The archive names a file outside its folder: ${JSON.stringify(relative)}.`);
  }
  try {
    return readFileSync(full);
  } catch {
    throw new BlogError('not-found', `The archive lists ${relative}, but the folder does not have it.`);
  }
}
