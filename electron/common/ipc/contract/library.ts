import type { LibraryApi } from '../../api/library.ts';
import { BlogError } from '../../errors.ts';
import { LIMITS, POST_STATUSES } from '../../models.ts';
import { type Validator, integer, literal, nullable, object, optional, string } from '../../validate.ts';
import type { ContractSection } from './section.ts';

/** Validators validate.ts does not have (yet): shared with contract/posts.ts. */
export function boolean(): Validator<boolean> {
  return (value, path) => {
    if (typeof value !== 'boolean') throw new BlogError('invalid-argument', `${path}: expected true or false`);
    return value;
  };
}

export function arrayOf<T>(item: Validator<T>, max: number): Validator<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new BlogError('invalid-argument', `${path}: expected a list`);
    if (value.length > max) throw new BlogError('invalid-argument', `${path}: too many items (${value.length}, at most ${max})`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

/** The first validator that accepts the value wins; the error names every alternative's complaint. */
function oneOf<T>(...alternatives: Validator<T>[]): Validator<T> {
  return (value, path) => {
    const errors: string[] = [];
    for (const check of alternatives) {
      try {
        return check(value, path);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    throw new BlogError('invalid-argument', errors.join(' — or — '));
  };
}

function flags(): Validator<Record<string, boolean>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BlogError('invalid-argument', `${path}: expected an object of true/false flags`);
    }
    const out: Record<string, boolean> = {};
    for (const [key, flag] of Object.entries(value)) {
      string({ max: 100, pattern: /^[a-z0-9_]+$/ })(key, `${path} key`);
      out[key] = boolean()(flag, `${path}.${key}`);
    }
    return out;
  };
}

export const localId = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9-]+$/ });
// contract/posts.ts imports from here, so its postId cannot be imported back (a cycle); same rule.
const postId = localId;
const revisionId = integer({ min: 1 });
const epochMs = integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 });
const limit = optional(integer({ min: 1, max: LIMITS.listLimit }));
const cursor = optional(string({ max: 200 }));
const statuses = optional(arrayOf(literal(...POST_STATUSES), POST_STATUSES.length));
const path = string({ min: 1, max: LIMITS.pathChars });
const termName = string({ min: 1, max: LIMITS.termNameChars });
const slug = string({ max: LIMITS.slugChars });
const description = string({ max: 10_000 });
const taxonomy = literal('category', 'tag');
const filter = {
  blogId: optional(localId),
  statuses,
  categoryId: optional(localId),
  tagId: optional(localId),
  from: optional(epochMs),
  to: optional(epochMs),
};
const mediaText = string({ max: 10_000 });

export const LIBRARY_CONTRACT = {
  methods: {
    listBlogs: [],
    addBlog: [
      object({
        url: string({ min: 1, max: 2_000, pattern: /^https?:\/\/\S+$/i }),
        name: optional(string({ max: 1_000 })),
        userName: optional(string({ max: 200 })),
        capabilities: optional(flags()),
        timeZone: optional(nullable(string({ max: 100 }))),
      }),
    ],
    search: [
      object({
        ...filter,
        text: string({ max: LIMITS.searchChars }),
        prefix: optional(boolean()),
        accentInsensitive: optional(boolean()),
        limit,
        cursor,
      }),
    ],
    listArchive: [
      optional(
        object({
          ...filter,
          year: optional(integer({ min: 1, max: 9999 })),
          month: optional(integer({ min: 1, max: 12 })),
          sort: optional(literal('date', 'title')),
          limit,
          cursor,
        }),
      ),
    ],
    archiveCounts: [optional(object({ blogId: optional(localId), statuses }))],
    statusCounts: [optional(object({ blogId: optional(localId) }))],
    listTerms: [optional(object({ blogId: optional(nullable(localId)), taxonomy: optional(taxonomy) }))],
    createTerm: [
      object({
        blogId: nullable(localId),
        taxonomy,
        name: termName,
        slug: optional(slug),
        description: optional(description),
        parentId: optional(nullable(localId)),
      }),
    ],
    updateTerm: [
      localId,
      object({ name: optional(termName), slug: optional(slug), description: optional(description), parentId: optional(nullable(localId)) }),
    ],
    deleteTerm: [localId],
    addMedia: [
      object({
        fileName: string({ min: 1, max: 255 }),
        data: string({ max: Math.ceil(LIMITS.mediaBytes / 3) * 4, pattern: /^[A-Za-z0-9+/]*={0,2}$/ }),
        mimeType: optional(string({ max: 200, pattern: /^[\w.+-]+\/[\w.+-]+$/ })),
        alt: optional(mediaText),
        caption: optional(mediaText),
        postId: optional(postId),
      }),
    ],
    getMedia: [localId],
    listMedia: [optional(object({ postId: optional(postId), limit, cursor }))],
    updateMedia: [localId, object({ fileName: optional(string({ min: 1, max: 255 })), alt: optional(mediaText), caption: optional(mediaText) })],
    readMedia: [localId],
    listRevisions: [postId],
    getRevision: [revisionId],
    takeRevision: [postId],
    restoreRevision: [postId, revisionId, optional(integer({ min: 0 }))],
    importWxr: [
      oneOf<{ path: string; blogId?: string } | { xml: string; blogId?: string }>(
        object({ path, blogId: optional(localId) }),
        object({ xml: string({ min: 1, max: LIMITS.wxrChars }), blogId: optional(localId) }),
      ),
    ],
    exportArchive: [object({ path })],
    importArchive: [object({ path })],
  },
  events: { onDidChangeLibrary: true },
} as const satisfies ContractSection<LibraryApi>;
