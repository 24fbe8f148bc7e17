import type { AppCommandId } from '../../../electron/common/models.ts';

/**
 * The renderer's one way to run an app command: buttons call `requestAppCommand`, the desk (App.tsx) listens
 * and runs it — the same path as the shell's menu (`blog.onDidRequestCommand`) and the keyboard shortcuts, so a
 * command behaves identically however it is invoked.
 */
type Listener = (command: AppCommandId) => void;
const listeners = new Set<Listener>();

export function requestAppCommand(command: AppCommandId): void {
  for (const listener of listeners) listener(command);
}

/** Returns the disposer. */
export function onDidRequestAppCommand(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
