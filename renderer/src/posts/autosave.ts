/**
 * Autosave without a save button, and with a bounded loss on a crash.
 *
 * The bound: a change is handed to storage at most `delayMs` after typing pauses, and never more than
 * `maxWaitMs` after the first unsaved change even while typing goes on. Storage acknowledges only after the
 * transaction is durable (WAL, synchronous=FULL). So a crash or kill loses at most `maxWaitMs` (500 ms) of
 * typing plus one save's round trip (a few ms locally).
 *
 * What gets saved is collected at save time (`collect`), not at every keystroke: serialising a long post on
 * each key would cost more than the typing itself. One save is in flight at a time; changes that arrive
 * meanwhile are saved after it under the same two rules (a pause, or `maxWaitMs` after the first of them),
 * not at once: back-to-back saves while someone types would cost the page a save per round trip, and the
 * bound above holds either way. A failed save keeps the changes dirty and retries with backoff.
 */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

export interface AutosaveOptions<P> {
  collect(): P;
  persist(patch: P): Promise<void>;
  onStatus?(status: SaveStatus, error?: unknown): void;
  delayMs?: number;
  maxWaitMs?: number;
  /** Backoff after failures: min(retryMs * 2^(n-1), maxRetryMs). */
  retryMs?: number;
  maxRetryMs?: number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void; now(): number };
}

export const AUTOSAVE_DELAY_MS = 250;
export const AUTOSAVE_MAX_WAIT_MS = 500;

export class AutosaveController<P> {
  private readonly options: Required<Omit<AutosaveOptions<P>, 'onStatus'>> & Pick<AutosaveOptions<P>, 'onStatus'>;
  private dirty = false;
  private firstDirtyAt = 0;
  private timer: unknown = undefined;
  private inFlight: Promise<void> | undefined;
  private failures = 0;
  private disposed = false;
  private statusValue: SaveStatus = 'saved';

  constructor(options: AutosaveOptions<P>) {
    this.options = {
      delayMs: AUTOSAVE_DELAY_MS,
      maxWaitMs: AUTOSAVE_MAX_WAIT_MS,
      retryMs: 500,
      maxRetryMs: 10_000,
      timers: {
        set: (fn, ms) => setTimeout(fn, ms),
        clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
        now: () => Date.now(),
      },
      ...options,
    };
  }

  get status(): SaveStatus {
    return this.statusValue;
  }

  /** Something changed; it will be saved soon. */
  markDirty(): void {
    if (this.disposed) return;
    const now = this.options.timers.now();
    if (!this.dirty) {
      this.dirty = true;
      this.firstDirtyAt = now;
    }
    if (this.statusValue !== 'saving' && this.statusValue !== 'error') this.setStatus('dirty');
    if (this.failures > 0) return; // a retry is already scheduled
    const wait = Math.max(0, Math.min(this.options.delayMs, this.firstDirtyAt + this.options.maxWaitMs - now));
    this.schedule(wait);
  }

  /** Saves now whatever is unsaved, and resolves when storage has it (or rejects if it failed). */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.dirty) await this.saveNow();
  }

  /** Stops the timers; call flush() first if the changes matter (they always do). */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = this.options.timers.set(() => {
      this.timer = undefined;
      void this.saveNow().catch(() => undefined);
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.options.timers.clear(this.timer);
    this.timer = undefined;
  }

  private async saveNow(): Promise<void> {
    if (this.inFlight) {
      // Changes made while a save runs are picked up by the follow-up save that save schedules.
      return this.inFlight;
    }
    if (!this.dirty) return;
    this.dirty = false;
    const patch = this.options.collect();
    this.setStatus('saving');
    const attempt = this.options.persist(patch);
    this.inFlight = attempt;
    try {
      await attempt;
      this.failures = 0;
      this.inFlight = undefined;
      if (this.dirty) {
        this.setStatus('dirty');
        const now = this.options.timers.now();
        this.schedule(Math.max(0, Math.min(this.options.delayMs, this.firstDirtyAt + this.options.maxWaitMs - now)));
      } else {
        this.setStatus('saved');
      }
    } catch (error) {
      this.inFlight = undefined;
      this.dirty = true;
      this.failures += 1;
      this.setStatus('error', error);
      if (!this.disposed) {
        const backoff = Math.min(this.options.retryMs * 2 ** (this.failures - 1), this.options.maxRetryMs);
        this.schedule(backoff);
      }
      throw error;
    }
  }

  private setStatus(status: SaveStatus, error?: unknown): void {
    this.statusValue = status;
    this.options.onStatus?.(status, error);
  }
}
