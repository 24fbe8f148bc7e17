import type { SyncApi } from '../../api/sync.ts';
import { BlogError } from '../../errors.ts';
import { type Validator, integer, literal, object, optional, string } from '../../validate.ts';
import { arrayOf, boolean, localId } from './library.ts';
import type { ContractSection } from './section.ts';

/**
 * SyncApi's arguments, checked at the boundary (the renderer is untrusted). Passwords are length-checked only:
 * WordPress shows Application Passwords with spaces, and nothing about them is ever echoed in an error.
 */
const postId = localId;
const blogId = localId;
const url = string({ min: 1, max: 2_000 });
/** An address as the user types it (`example.com`, `https://…`, a post's URL): discovery explains what is wrong. */
const address = string({ min: 1, max: 2_000, pattern: /^\S+$/ });
const action = literal('publish', 'schedule', 'update', 'save-draft', 'unpublish', 'make-private', 'trash');
const epochMs = integer({ min: 0, max: 253_402_300_799_999 });
const actionOptions = optional(object({ at: optional(epochMs) }));
const entryId = integer({ min: 1 });
const choice = literal('base', 'mine', 'theirs');

function password(): Validator<string> {
  return (value, path) => {
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > 200) {
      throw new BlogError('invalid-argument', `${path}: expected the Application Password (1–200 characters)`);
    }
    return value;
  };
}

function resolution(): Validator<unknown> {
  const mine = object({ kind: literal('mine') });
  const theirs = object({ kind: literal('theirs') });
  const merged = object({
    kind: literal('merged'),
    choices: arrayOf(choice, 100_000),
    title: optional(string({ max: 1_000 })),
    excerpt: optional(string({ max: 100_000 })),
    slug: optional(string({ max: 200 })),
  });
  return (value, path) => {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (kind === 'mine') return mine(value, path);
    if (kind === 'theirs') return theirs(value, path);
    if (kind === 'merged') return merged(value, path);
    throw new BlogError('invalid-argument', `${path}: expected a resolution of kind mine, theirs or merged`);
  };
}

export const SYNC_CONTRACT = {
  methods: {
    discoverBlog: [address],
    connectBlog: [object({ url: address, userName: string({ min: 1, max: 200 }), appPassword: password() })],
    beginAuthorization: [address],
    completeAuthorization: [url],
    disconnectBlog: [blogId],
    renameBlog: [blogId, string({ min: 1, max: 200, pattern: /\S/ })],
    preflight: [postId, action, actionOptions],
    requestAction: [postId, action, actionOptions],
    syncNow: [
      optional(blogId),
      optional(object({ mode: optional(literal('both', 'pull', 'push')), sweep: optional(boolean()) })),
    ],
    getSyncStatus: [],
    listOutbox: [optional(blogId), optional(object({ includeDone: optional(boolean()) }))],
    retryOutboxEntry: [entryId],
    cancelOutboxEntry: [entryId],
    getPostSyncStates: [arrayOf(postId, 1_000)],
    getSyncSettings: [],
    updateSyncSettings: [object({ mediaDownloadMaxBytes: optional(integer({ min: 0, max: 64 * 1024 * 1024 })) })],
    listConflicts: [optional(blogId)],
    getConflict: [postId],
    resolveConflict: [postId, resolution()],
  },
  events: { onDidChangeSyncStatus: true, onDidSyncProgress: true },
} as const satisfies ContractSection<SyncApi>;
