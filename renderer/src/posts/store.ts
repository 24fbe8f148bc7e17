import { useSyncExternalStore } from 'react';

/**
 * A value a few leaf components show (save status, word counts). They subscribe to it directly, so a change
 * re-renders only them: while the editor has the focus every React commit makes React save and restore
 * the selection, which costs time proportional to the post before the caret (React computes the caret's
 * character offset), and the post pane must not commit for every save-status flip.
 */
export interface Store<T> {
  readonly get: () => T;
  readonly set: (value: T) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
