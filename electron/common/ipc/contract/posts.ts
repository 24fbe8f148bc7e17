import type { PostsApi } from '../../api/posts.ts';
import { LIMITS } from '../../models.ts';
import { integer, nullable, object, optional, string } from '../../validate.ts';
import type { ContractSection } from './section.ts';

export const postId = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9-]+$/ });
const title = string({ max: LIMITS.titleChars });
const html = string({ max: LIMITS.htmlChars });
const editorState = nullable(string({ max: LIMITS.editorStateChars }));

export const POSTS_CONTRACT = {
  methods: {
    listPosts: [optional(object({ limit: optional(integer({ min: 1, max: LIMITS.listLimit })) }))],
    getPost: [postId],
    createPost: [optional(object({ title: optional(title), html: optional(html), editorState: optional(editorState) }))],
    savePost: [
      postId,
      object({
        title: optional(title),
        html: optional(html),
        editorState: optional(editorState),
        baseVersion: optional(integer({ min: 0 })),
      }),
    ],
    deletePost: [postId],
  },
  events: { onDidChangePost: true },
} as const satisfies ContractSection<PostsApi>;

