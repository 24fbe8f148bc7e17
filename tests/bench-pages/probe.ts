// What the benchmark runs inside a page (app or bare editor): per keystroke, the keydown's timestamp, when
// Lexical finished the update it caused (an update listener registered after all of the page's own, so it
// runs last), and when the next frame was done (rAF, then a message: after the frame's rendering); plus
// every long task (> 50 ms) the page had.

export interface KeySample {
  down: number;
  handled: number;
  /** When the next frame's requestAnimationFrame callbacks ran: `frame − raf` is that frame's rendering. */
  raf: number;
  frame: number;
}

export interface ProbeState {
  samples: KeySample[];
  longTasks: { start: number; duration: number }[];
  recording: boolean;
}

/** Installed with page.evaluate(installProbe): must be self-contained. */
export function installProbe(): void {
  type Editor = { registerUpdateListener(fn: (u: { dirtyLeaves: Set<string>; dirtyElements: Map<string, unknown> }) => void): () => void };
  const root = document.querySelector('[contenteditable="true"]') as (HTMLElement & { __lexicalEditor?: Editor }) | null;
  const editor = root?.__lexicalEditor;
  if (!editor) throw new Error('no Lexical editor on the page');
  const state: ProbeState = { samples: [], longTasks: [], recording: false };
  (window as unknown as { __probe: ProbeState }).__probe = state;
  let pending: KeySample | null = null;
  window.addEventListener(
    'keydown',
    (event) => {
      if (!state.recording) return;
      const sample: KeySample = { down: event.timeStamp, handled: Number.NaN, raf: Number.NaN, frame: Number.NaN };
      pending = sample;
      state.samples.push(sample);
      requestAnimationFrame(() => {
        sample.raf = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          sample.frame = performance.now();
        };
        channel.port2.postMessage(0);
      });
    },
    true,
  );
  editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
    if (pending && (dirtyLeaves.size > 0 || dirtyElements.size > 0)) {
      pending.handled = performance.now();
      pending = null;
    }
  });
  new PerformanceObserver((list) => {
    if (!state.recording) return;
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
}

/** Puts the caret at the start or end of the i-th top-level block, as a DOM selection Lexical follows. */
export function placeCaret([index, atEnd]: [number, boolean]): void {
  const root = document.querySelector('[contenteditable="true"]')!;
  const blocks = [...root.children].filter((c) => !c.matches('[data-lexical-decorator-boundary], [data-lexical-managed-linebreak]'));
  const block = blocks[index];
  if (!block) throw new Error(`no block ${index}`);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let first: Node | null = null;
  let last: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    first ??= n;
    last = n;
  }
  const range = document.createRange();
  const target = atEnd ? last : first;
  if (target) range.setStart(target, atEnd ? (target.textContent ?? '').length : 0);
  else range.selectNodeContents(block);
  range.collapse(true);
  (root as HTMLElement).focus();
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  block.scrollIntoView({ block: 'center' });
}
