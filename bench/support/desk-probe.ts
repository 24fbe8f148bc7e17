// What the desk benchmark runs inside the page (each function is passed to page.evaluate, so it must be
// self-contained): a frame recorder (requestAnimationFrame deltas and long tasks), a programmatic scroll of the
// post list, and a keydown → DOM-answer recorder for search typing and arrow keys.

export interface FrameRecord {
  /** Time between consecutive animation frames, ms. */
  deltas: number[];
  /** Long tasks (> 50 ms) the page had while recording. */
  longTasks: number[];
}

export interface KeyRecord {
  /** keydown timestamp → the last change of the watched DOM before the next keydown (NaN: nothing changed). */
  answers: number[];
  /** keydown → the frame after it was painted (rAF, then a message: after the frame's rendering). */
  frames: number[];
}

interface ProbeWindow {
  deskBenchFrames?: { deltas: number[]; longTasks: number[]; stop: boolean };
  deskBenchKeys?: { downs: number[]; lastChange: number[]; frames: number[]; lastAny: number; observer: MutationObserver; onKey: (e: KeyboardEvent) => void };
}

/** Starts recording frame deltas and long tasks until stopFrames(). */
export function startFrames(): void {
  const w = window as unknown as ProbeWindow;
  const state = { deltas: [] as number[], longTasks: [] as number[], stop: false };
  w.deskBenchFrames = state;
  let last = -1;
  const tick = (now: number) => {
    if (state.stop) return;
    if (last >= 0) state.deltas.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    if (state.stop) return observer.disconnect();
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
}

export function stopFrames(): FrameRecord {
  const state = (window as unknown as ProbeWindow).deskBenchFrames!;
  state.stop = true;
  return { deltas: state.deltas, longTasks: state.longTasks };
}

/**
 * Scrolls the post list by `step` px every frame for `ms`, as a fast wheel/trackpad fling does, recording frames
 * meanwhile. Resolves with the frames, how far it got (rows), and in how many frames it could not move because
 * the rows below were not loaded yet (the list pages in 100 at a time).
 */
export function scrollList([step, ms, rowHeight]: [number, number, number]): Promise<FrameRecord & { rows: number; stalled: number }> {
  const scroller = document.querySelector<HTMLElement>('[role="listbox"]')!.parentElement!;
  const deltas: number[] = [];
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let stalled = 0;
  return new Promise((resolve) => {
    let start = -1;
    let last = -1;
    const tick = (now: number) => {
      if (start < 0) start = now;
      if (last >= 0) deltas.push(now - last);
      last = now;
      if (now - start >= ms) {
        observer.disconnect();
        resolve({ deltas, longTasks, rows: Math.round(scroller.scrollTop / rowHeight), stalled });
        return;
      }
      const before = scroller.scrollTop;
      scroller.scrollTop = before + step;
      if (scroller.scrollTop === before) stalled += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Watches `selector` (subtree, attributes and text) and times every keydown to the last change there before the
 * next keydown — the moment the page showed its answer — and to the next painted frame. The driver presses the
 * next key only once the page is quiet (isQuiet), so a slow answer is never counted to the key after it.
 */
export function startKeys(selector: string): void {
  const w = window as unknown as ProbeWindow;
  const downs: number[] = [];
  const lastChange: number[] = [];
  const frames: number[] = [];
  const observer = new MutationObserver(() => {
    state.lastAny = performance.now();
    if (downs.length > 0) lastChange[downs.length - 1] = state.lastAny;
  });
  observer.observe(document.querySelector(selector)!, { subtree: true, childList: true, attributes: true, characterData: true });
  const onKey = (event: KeyboardEvent) => {
    state.lastAny = performance.now();
    const index = downs.push(event.timeStamp) - 1;
    lastChange[index] = Number.NaN;
    frames[index] = Number.NaN;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.addEventListener('message', () => (frames[index] = performance.now()));
      channel.port1.start();
      channel.port2.postMessage(0);
    });
  };
  const state = { downs, lastChange, frames, lastAny: performance.now(), observer, onKey };
  window.addEventListener('keydown', onKey, true);
  w.deskBenchKeys = state;
}

/** True when neither a key nor a change of the watched DOM happened for `ms` (and the last key's frame is done). */
export function isQuiet(ms: number): boolean {
  const state = (window as unknown as ProbeWindow).deskBenchKeys!;
  const last = state.frames.length - 1;
  return performance.now() - state.lastAny >= ms && (last < 0 || Number.isFinite(state.frames[last]));
}

export function stopKeys(): KeyRecord {
  const w = window as unknown as ProbeWindow;
  const state = w.deskBenchKeys!;
  state.observer.disconnect();
  window.removeEventListener('keydown', state.onKey, true);
  return {
    answers: state.downs.map((down, i) => state.lastChange[i]! - down),
    frames: state.downs.map((down, i) => state.frames[i]! - down),
  };
}
