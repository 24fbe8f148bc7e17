import type { PostsApi } from '../../api/posts.ts';
import { LIMITS, POST_FORMATS } from '../../models.ts';
import { integer, literal, nullable, object, optional, string } from '../../validate.ts';
import { arrayOf, boolean, localId } from './library.ts';
import type { ContractSection } from './section.ts';

export const postId = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9-]+$/ });
const title = string({ max: LIMITS.titleChars });
const html = string({ max: LIMITS.htmlChars });
const editorState = nullable(string({ max: LIMITS.editorStateChars }));

/** The fields a user may set (PostFields); status, remote ids and remote times are sync's and import's. */
const fields = {
  title: optional(title),
  html: optional(html),
  editorState: optional(editorState),
  slug: optional(string({ max: LIMITS.slugChars })),
  excerpt: optional(string({ max: LIMITS.excerptChars })),
  publishedAt: optional(nullable(integer())),
  format: optional(literal(...POST_FORMATS)),
  commentStatus: optional(literal('open', 'closed')),
  sticky: optional(boolean()),
  featuredMediaId: optional(nullable(localId)),
  categoryIds: optional(arrayOf(localId, LIMITS.termsPerPost)),
  tagIds: optional(arrayOf(localId, LIMITS.termsPerPost)),
  mediaIds: optional(arrayOf(localId, LIMITS.mediaPerPost)),
  blogId: optional(nullable(localId)),
};

export const POSTS_CONTRACT = {
  methods: {
    listPosts: [optional(object({ limit: optional(integer({ min: 1, max: LIMITS.listLimit })) }))],
    getPost: [postId],
    createPost: [optional(object(fields))],
    savePost: [postId, object({ ...fields, baseVersion: optional(integer({ min: 0 })) })],
    deletePost: [postId],
  },
  events: { onDidChangePost: true },
} as const satisfies ContractSection<PostsApi>;
