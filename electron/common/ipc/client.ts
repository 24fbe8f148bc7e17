import type { BlogApi, BlogApiEvent, BlogApiMethod } from '../api.ts';
import { deserializeError } from '../errors.ts';
import type { Disposer } from '../events.ts';
import { EVENT_NAMES, METHOD_NAMES } from './contract.ts';
import type { Envelope } from './envelope.ts';

/**
 * The client side of a transport: how to send one call and how to listen to one event. Electron's preload
 * implements it with ipcRenderer, the test harness with fetch + EventSource.
 */
export interface ClientTransport {
  invoke(method: BlogApiMethod, args: unknown[]): Promise<Envelope>;
  subscribe(event: BlogApiEvent, listener: (payload: unknown) => void): Disposer;
}

/** Marks objects built here, so a test can prove that every transport goes through this one mapping. */
export const CLIENT_BRAND = 'longhand.blog-api-client/1';

/**
 * Builds a BlogApi from a transport. The only place where BlogApi methods are mapped to transport calls.
 * The result is a plain object of functions (contextBridge copies it into the page).
 */
export function createBlogApiClient(transport: ClientTransport): BlogApi & { readonly __brand: string } {
  const api: Record<string, unknown> = { __brand: CLIENT_BRAND };
  for (const method of METHOD_NAMES) {
    api[method] = async (...args: unknown[]) => {
      // Trailing `undefined`s are dropped: JSON would turn them into nulls, which validators rightly refuse.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      const envelope = await transport.invoke(method, args);
      if (!envelope.ok) throw deserializeError(envelope.error);
      return envelope.value;
    };
  }
  for (const event of EVENT_NAMES) {
    api[event] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api as unknown as BlogApi & { readonly __brand: string };
}
