import type { BlogApi, BlogApiEvent } from '../api.ts';
import { BlogError, serializeError } from '../errors.ts';
import type { Disposer } from '../events.ts';
import { args as validateArgs } from '../validate.ts';
import { isEvent, isMethod, METHOD_ARGS } from './contract.ts';
import type { Envelope } from './envelope.ts';

/**
 * The server side of every transport: takes untrusted (method, args) from the wire, validates them against
 * the contract, calls the implementation and wraps the outcome in an Envelope. Never throws.
 */
export interface Dispatcher {
  invoke(method: unknown, args: unknown): Promise<Envelope>;
  subscribe(event: unknown, listener: (payload: unknown) => void): Disposer;
}

export function createDispatcher(impl: BlogApi): Dispatcher {
  return {
    async invoke(method, rawArgs) {
      try {
        if (!isMethod(method)) throw new BlogError('invalid-argument', `unknown method ${JSON.stringify(method)}`);
        const checked = validateArgs(METHOD_ARGS[method], rawArgs, method);
        const fn = impl[method] as (...a: unknown[]) => Promise<unknown>;
        const value = await fn.apply(impl, checked);
        return { ok: true, value: value ?? null };
      } catch (error) {
        return { ok: false, error: serializeError(error) };
      }
    },
    subscribe(event, listener) {
      if (!isEvent(event)) throw new BlogError('invalid-argument', `unknown event ${JSON.stringify(event)}`);
      const on = impl[event as BlogApiEvent] as (l: (payload: unknown) => void) => Disposer;
      return on.call(impl, listener);
    },
  };
}
