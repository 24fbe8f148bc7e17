import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { ExportReport } from '../../../common/api/library.ts';
import { BlogError } from '../../../common/errors.ts';
import { loadPost, type PostRow } from '../../posts/post-row.ts';
import { listBlogs } from '../blogs.ts';
import { extensionFor } from '../image-info.ts';
import { getMedia } from '../media.ts';
import { fileError, hasMediaFile, mediaPath } from '../media-files.ts';
import { slugify } from '../slug.ts';
import { listTerms } from '../terms.ts';
import { FORMAT, FORMAT_VERSION, MANIFEST, type Manifest, type ManifestMedia, headerOf } from './format.ts';
import { writeFrontMatter } from './front-matter.ts';

/**
 * Writes the whole archive to a folder the user owns: HTML files with a JSON-valued front-matter header (see
 * ../EXPORT.md for why HTML and not Markdown), the media files, and a manifest. The folder must be new or
 * empty: an export never overwrites anything. Reads run in one read transaction, so the export is a consistent
 * picture of one moment; the manifest is written last, so a folder without it is an export that did not finish.
 */
export function exportArchive(db: DatabaseSync, dataDir: string, target: string): ExportReport {
  const root = resolve(target);
  if (existsSync(root) && (!statSync(root).isDirectory() || readdirSync(root).length > 0)) {
    throw new BlogError('invalid-argument', `Export into a new or empty folder; ${root} is not empty.`);
  }
  db.exec('BEGIN');
  try {
    return writeArchive(db, dataDir, root);
  } catch (error) {
    throw fileError(error, `export the archive to ${root}`);
  } finally {
    db.exec('COMMIT');
  }
}

function writeArchive(db: DatabaseSync, dataDir: string, root: string): ExportReport {
  mkdirSync(root, { recursive: true });
  const terms = listTerms(db).map(({ count: _count, ...term }) => term);
  const names = new Map(terms.map((t) => [t.id, t.name]));
  const media: ManifestMedia[] = [];
  let mediaWithoutFile = 0;
  for (const { id } of db.prepare('SELECT id FROM media ORDER BY pk').all() as { id: string }[]) {
    const item = getMedia(db, id);
    let file: string | null = null;
    if (item.sha256 !== null && hasMediaFile(dataDir, item.sha256)) {
      file = `media/${item.sha256.slice(0, 2)}/${item.sha256}${extensionFor(item.mimeType)}`;
      mkdirSync(dirname(join(root, file)), { recursive: true });
      copyFileSync(mediaPath(dataDir, item.sha256), join(root, file));
    } else {
      mediaWithoutFile++;
    }
    media.push({ ...item, file });
  }
  const posts: { id: string; file: string }[] = [];
  const used = new Set<string>();
  for (const row of db.prepare('SELECT * FROM posts ORDER BY sort_date, pk').iterate() as Iterable<PostRow>) {
    const post = loadPost(db, row);
    const month = String(row.archive_month);
    const base = `posts/${month.slice(0, 4)}/${month.slice(4)}/${slugify(safeDecode(post.slug) || post.title) || 'inlagg'}-${post.id.slice(0, 8)}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    const editorFile = post.editorState === null ? null : `${name.split('/').pop()}.lexical.json`;
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, `${name}.html`), writeFrontMatter(headerOf(post, (id) => names.get(id) ?? '', editorFile), post.html));
    if (post.editorState !== null) writeFileSync(join(root, `${name}.lexical.json`), post.editorState);
    posts.push({ id: post.id, file: `${name}.html` });
  }
  const manifest: Manifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    blogs: listBlogs(db),
    terms,
    media,
    posts,
  };
  writeFileSync(join(root, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { path: root, posts: posts.length, media: media.length - mediaWithoutFile, mediaWithoutFile };
}

function safeDecode(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
