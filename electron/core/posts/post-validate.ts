import { BlogError } from '../../common/errors.ts';
import { LIMITS, type NewPost, POST_FORMATS, type PostPatch } from '../../common/models.ts';

/**
 * Storage re-checks what the IPC boundary checked: core is also called by the CLI, the importers and tests
 * directly, and a wrong type must never reach a column.
 */
export function checkFields(input: NewPost | PostPatch): void {
  if (typeof input !== 'object' || input === null) throw invalid('a post must be an object');
  const i = input as Record<string, unknown>;
  text(i, 'title', LIMITS.titleChars);
  text(i, 'html', LIMITS.htmlChars);
  text(i, 'slug', LIMITS.slugChars);
  text(i, 'excerpt', LIMITS.excerptChars);
  if (i.editorState !== undefined && i.editorState !== null) text(i, 'editorState', LIMITS.editorStateChars);
  if (i.publishedAt !== undefined && i.publishedAt !== null && !Number.isSafeInteger(i.publishedAt)) {
    throw invalid('publishedAt must be a time in epoch milliseconds or null');
  }
  if (i.format !== undefined && !(POST_FORMATS as readonly unknown[]).includes(i.format)) {
    throw invalid(`format must be one of ${POST_FORMATS.join(', ')}`);
  }
  if (i.commentStatus !== undefined && i.commentStatus !== 'open' && i.commentStatus !== 'closed') {
    throw invalid('commentStatus must be open or closed');
  }
  if (i.sticky !== undefined && typeof i.sticky !== 'boolean') throw invalid('sticky must be true or false');
  for (const key of ['blogId', 'featuredMediaId'] as const) {
    if (i[key] !== undefined && i[key] !== null && typeof i[key] !== 'string') throw invalid(`${key} must be an id or null`);
  }
  ids(i, 'categoryIds', LIMITS.termsPerPost);
  ids(i, 'tagIds', LIMITS.termsPerPost);
  ids(i, 'mediaIds', LIMITS.mediaPerPost);
  if (i.baseVersion !== undefined && !Number.isSafeInteger(i.baseVersion)) throw invalid('baseVersion must be an integer');
}

function text(input: Record<string, unknown>, key: string, max: number): void {
  const value = input[key];
  if (value === undefined) return;
  if (typeof value !== 'string') throw invalid(`${key} must be a string`);
  if (value.length > max) throw invalid(`${key}: too long (${value.length} characters, at most ${max})`);
}

function ids(input: Record<string, unknown>, key: string, max: number): void {
  const value = input[key];
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalid(`${key} must be a list of ids`);
  if (value.length > max) throw invalid(`${key}: too many (${value.length}, at most ${max})`);
}

function invalid(message: string): BlogError {
  return new BlogError('invalid-argument', message);
}
