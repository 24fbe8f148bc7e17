import type { BlogApiEvent, BlogApiMethod } from '../api.ts';
import { LIMITS } from '../models.ts';
import { integer, nullable, object, optional, string, type Validator } from '../validate.ts';

/**
 * BlogApi described once, as data, for every transport: which methods exist and how their arguments are
 * validated, which events exist, and how both map to channel names. The client (`client.ts`) and the
 * dispatcher (`dispatcher.ts`) are generated from this table; no transport hand-writes a method.
 *
 * The `satisfies` clauses make the compiler check that the table and the BlogApi interface name the same members.
 */
const postId = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9-]+$/ });
const title = string({ max: LIMITS.titleChars });
const html = string({ max: LIMITS.htmlChars });
const editorState = nullable(string({ max: LIMITS.editorStateChars }));

export const METHOD_ARGS = {
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
  listCommands: [],
} as const satisfies Record<BlogApiMethod, readonly Validator<unknown>[]>;

export const EVENTS = {
  onDidChangePost: true,
  onDidRequestCommand: true,
} as const satisfies Record<BlogApiEvent, true>;

export const METHOD_NAMES = Object.keys(METHOD_ARGS) as BlogApiMethod[];
export const EVENT_NAMES = Object.keys(EVENTS) as BlogApiEvent[];

/** Every channel of ours starts with `blog:`; the shell refuses anything else. */
export const CHANNEL_PREFIX = 'blog:';

export function methodChannel(method: BlogApiMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}

export function eventChannel(event: BlogApiEvent): string {
  return `${CHANNEL_PREFIX}event:${event}`;
}

export function isMethod(name: unknown): name is BlogApiMethod {
  return typeof name === 'string' && Object.hasOwn(METHOD_ARGS, name);
}

export function isEvent(name: unknown): name is BlogApiEvent {
  return typeof name === 'string' && Object.hasOwn(EVENTS, name);
}
