/**
 * Work put off until the page is idle, in document order: a view's costly preparation (sanitising a kept
 * block's preview) runs here, a few items per idle period, so opening a long post with hundreds of kept
 * blocks does not sanitise them all before the first paint (that was a third of the time to open a
 * 20,000-word post), and typing is never held up by it (idle callbacks yield to input). Nothing stays
 * registered afterwards: no observer, no per-frame cost.
 */
type Job = () => void;

const queue = new Set<Job>();
let scheduled = false;

const later: (run: (deadline?: IdleDeadline) => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 2000 }) : (run) => setTimeout(run, 0);

function drain(deadline?: IdleDeadline): void {
  scheduled = false;
  const started = performance.now();
  for (const job of queue) {
    queue.delete(job);
    job();
    // A few milliseconds at a time: the idle period's own budget, or 8 ms when it timed out (or there is none).
    const left = deadline && !deadline.didTimeout ? deadline.timeRemaining() : 8 - (performance.now() - started);
    if (left <= 1) break;
  }
  if (queue.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  later(drain);
}

/** Runs `job` when the page is idle; returns a cancel function (for an unmounted view). */
export function whenIdle(job: Job): () => void {
  queue.add(job);
  schedule();
  return () => {
    queue.delete(job);
  };
}
