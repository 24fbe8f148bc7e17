import { describe, expect, test, vi } from 'vitest';
import { AUTOSAVE_MAX_WAIT_MS, AutosaveController, type SaveStatus } from '../../../renderer/src/posts/autosave.ts';

function setup(persist: (patch: number) => Promise<void> = async () => undefined) {
  vi.useFakeTimers();
  let value = 0;
  const saved: number[] = [];
  const statuses: SaveStatus[] = [];
  const controller = new AutosaveController<number>({
    collect: () => value,
    persist: async (patch) => {
      await persist(patch);
      saved.push(patch);
    },
    onStatus: (status) => statuses.push(status),
    timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as never), now: () => Date.now() },
  });
  const type = (next: number) => {
    value = next;
    controller.markDirty();
  };
  return { controller, saved, statuses, type };
}

describe('autosave', () => {
  test('saves shortly after typing pauses, collecting the latest content once', async () => {
    const { saved, statuses, type } = setup();
    type(1);
    type(2);
    type(3);
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual([3]);
    expect(statuses.at(-1)).toBe('saved');
    vi.useRealTimers();
  });

  test(`continuous typing is still saved at least every ${AUTOSAVE_MAX_WAIT_MS} ms (the crash-loss bound)`, async () => {
    const { saved, type } = setup();
    for (let t = 0; t < 2000; t += 50) {
      type(t);
      await vi.advanceTimersByTimeAsync(50);
    }
    // Typing every 50 ms never pauses 250 ms, yet saves happen at least every 500 ms.
    expect(saved.length).toBeGreaterThanOrEqual(2000 / AUTOSAVE_MAX_WAIT_MS - 1);
    vi.useRealTimers();
  });

  test('a failed save keeps the change and retries until it is stored', async () => {
    let failures = 2;
    const { saved, statuses, type } = setup(async () => {
      if (failures-- > 0) throw new Error('disk full');
    });
    type(7);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(saved).toEqual([7]);
    expect(statuses).toContain('error');
    expect(statuses.at(-1)).toBe('saved');
    vi.useRealTimers();
  });

  test('flush saves immediately; edits during a save are saved after it, within the bound', async () => {
    let release: () => void = () => undefined;
    const { controller, saved, type } = setup(() => new Promise<void>((resolve) => (release = resolve)));
    type(1);
    const flushed = controller.flush();
    type(2); // arrives while save #1 is in flight
    release();
    await flushed;
    expect(saved).toEqual([1]);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS);
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(saved).toEqual([1, 2]);
    vi.useRealTimers();
  });
});
