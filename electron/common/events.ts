/** A listener registration: call it to stop listening. Calling it twice is harmless. */
export type Disposer = () => void;

export type Listener<T> = (event: T) => void;

/**
 * A tiny typed event source (VS Code's Emitter, reduced). A listener that throws does not stop the others
 * (one broken window must not keep the rest from hearing about a save); the first error is rethrown after
 * every listener has run, so it is not swallowed either.
 */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  readonly event = (listener: Listener<T>): Disposer => {
    const entry: Listener<T> = (e) => listener(e);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  };

  fire(event: T): void {
    const errors: unknown[] = [];
    // Iterating the Set itself is safe when a listener disposes itself (deleted entries are skipped).
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  }

  get size(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
