import type { BlogApiEvent, BlogApiMethod } from '../api.ts';
import type { Validator } from '../validate.ts';
import { DOCUMENTS_CONTRACT } from './contract/documents.ts';
import { LIBRARY_CONTRACT } from './contract/library.ts';
import { POSTS_CONTRACT } from './contract/posts.ts';
import { PREFERENCES_CONTRACT } from './contract/preferences.ts';
import { PREVIEW_CONTRACT } from './contract/preview.ts';
import { SHELL_CONTRACT } from './contract/shell.ts';
import { SYNC_CONTRACT } from './contract/sync.ts';

/**
 * BlogApi described once, as data, for every transport: which methods exist and how their arguments are
 * validated, which events exist, and how both map to channel names. The client (`client.ts`) and the
 * dispatcher (`dispatcher.ts`) are generated from this table; no transport hand-writes a method.
 * Each area keeps its part in contract/<area>.ts; the `satisfies` clauses check the union is exactly BlogApi.
 */
export const METHOD_ARGS = {
  ...POSTS_CONTRACT.methods,
  ...DOCUMENTS_CONTRACT.methods,
  ...LIBRARY_CONTRACT.methods,
  ...PREFERENCES_CONTRACT.methods,
  ...PREVIEW_CONTRACT.methods,
  ...SHELL_CONTRACT.methods,
  ...SYNC_CONTRACT.methods,
} as const satisfies Record<BlogApiMethod, readonly Validator<unknown>[]>;

export const EVENTS = {
  ...POSTS_CONTRACT.events,
  ...DOCUMENTS_CONTRACT.events,
  ...LIBRARY_CONTRACT.events,
  ...PREFERENCES_CONTRACT.events,
  ...PREVIEW_CONTRACT.events,
  ...SHELL_CONTRACT.events,
  ...SYNC_CONTRACT.events,
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
