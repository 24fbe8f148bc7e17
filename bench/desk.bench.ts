import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/browser.ts';
import { startHarness } from '../tests/harness/launch.ts';
import { type FrameRecord, isQuiet, type KeyRecord, scrollList, startFrames, startKeys, stopFrames, stopKeys } from './support/desk-probe.ts';
import { fillLibrary } from './support/fill-library.ts';
import { type BenchRow, percentile, report } from './support/report.ts';
import { loadSourceText } from './support/synthetic-archive.ts';

/**
 * `npm run bench desk`: the writer's desk with 10,000 posts in the library (LONGHAND_BENCH_DESK_SIZES, e.g.
 * "10000,100000"), in real Chromium through the harness, against the same desk with 100 posts measured in the
 * same run (the ratio is the cost of scale). Per size:
 * - idle: animation-frame deltas with nothing happening (the page's own frame time: the floor for the rest);
 * - scroll: the post list scrolled SCROLL_STEP px every frame for SCROLL_MS (a fast fling), frame deltas,
 *   frames over 33 ms (dropped at 60 Hz: at least one missed), long tasks, and frames stuck at the end of
 *   what was loaded (the list pages in 100 at a time);
 * - search: Swedish words typed into the list's search field, each key once the page has been quiet for
 *   QUIET_MS after the one before; keydown → the list pane's last change (the results shown; includes the
 *   list's 120 ms debounce); frame deltas while typing;
 * - arrows: ArrowDown through ARROW_ROWS rows, each once the list is quiet (the post under the cursor opens
 *   after the list's 150 ms pause, as in the app); keydown → the list's last change (selection moved,
 *   row scrolled in).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.LONGHAND_BENCH_DESK_SIZES ?? '10000').split(',').map(Number);
const BASELINE_SIZE = 100;
const SEED = 20130927;
const ROW_HEIGHT = 76; // renderer/src/desk/PostListPane.tsx
const IDLE_MS = 2_000;
const SCROLL_MS = 5_000;
const SCROLL_STEP = 150;
/** A key is pressed once the page was quiet this long after the previous one (longer than the list's 120 ms debounce). */
const QUIET_MS = 200;
const ARROW_ROWS = 200;
const DROPPED_MS = 33;

interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

interface Measured {
  idle: FrameRecord;
  scroll: FrameRecord & { rows: number; stalled: number };
  search: KeyRecord & FrameRecord;
  arrows: KeyRecord;
  fillMs: number;
}

const stats = (values: number[]): Stats => {
  const finite = values.filter(Number.isFinite);
  return { p50: percentile(finite, 50), p95: percentile(finite, 95), max: finite.length ? Math.max(...finite) : Number.NaN, n: finite.length };
};

/** ASCII words (Playwright types å ä ö without a keydown) that are common in the synthetic archive. */
function searchWords(): string[] {
  return loadSourceText().words.filter((w) => /^[a-z]{7,10}$/.test(w)).slice(0, 3);
}

async function openDesk(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
  await page.goto(url);
  await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  return page;
}

/** Until the watched part of the page has been quiet for QUIET_MS (at most 10 s: then the sample shows it). */
const settle = (page: Page) => page.waitForFunction(isQuiet, QUIET_MS, { polling: 25, timeout: 10_000 });

async function measure(browser: Browser, size: number, words: string[], renderer: string | undefined): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), `longhand-bench-desk-${size}-`));
  const fillMs = fillLibrary(dataDir, size, SEED);
  console.log(`  ${size} posts: filled in ${(fillMs / 1000).toFixed(1)} s`);
  const harness = await startHarness(dataDir, renderer ? { renderer } : {});
  try {
    const page = await openDesk(browser, harness.url);
    await page.evaluate(startFrames);
    await page.waitForTimeout(IDLE_MS);
    const idle = await page.evaluate(stopFrames);

    const scroll = await page.evaluate(scrollList, [SCROLL_STEP, SCROLL_MS, ROW_HEIGHT] as [number, number, number]);
    await page.evaluate(() => (document.querySelector('[role="listbox"]')!.parentElement!.scrollTop = 0));

    const searchbox = page.getByRole('searchbox', { name: 'Sök' });
    const search: KeyRecord & FrameRecord = { answers: [], frames: [], deltas: [], longTasks: [] };
    for (const word of words) {
      await searchbox.fill('');
      await searchbox.focus();
      await page.waitForTimeout(600);
      await page.evaluate(startFrames);
      await page.evaluate(startKeys, '.list-pane');
      for (const ch of word) {
        await page.keyboard.press(ch);
        await settle(page);
      }
      const keys = await page.evaluate(stopKeys);
      const frames = await page.evaluate(stopFrames);
      search.answers.push(...keys.answers);
      search.frames.push(...keys.frames);
      search.deltas.push(...frames.deltas);
      search.longTasks.push(...frames.longTasks);
    }
    await searchbox.fill('');
    await page.waitForTimeout(600);

    await page.getByRole('listbox').getByRole('option').first().click();
    await page.waitForTimeout(500);
    await page.evaluate(startKeys, '[role="listbox"]');
    for (let i = 0; i < Math.min(ARROW_ROWS, size - 1); i++) {
      await page.keyboard.press('ArrowDown');
      await settle(page);
    }
    const arrows = await page.evaluate(stopKeys);
    await page.close();
    return { idle, scroll, search, arrows, fillMs };
  } finally {
    await harness.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const dropped = (deltas: number[]) => deltas.filter((d) => d > DROPPED_MS).length;
const longest = (tasks: number[]) => (tasks.length ? Math.max(...tasks) : 0);

function rowsFor(label: string, m: Measured, base: Measured): BenchRow[] {
  const vs = { baselineLabel: `${BASELINE_SIZE} posts` };
  const rows: BenchRow[] = [];
  const triple = (name: string, a: Stats, b: Stats, goal?: [string, number]) => {
    for (const p of ['p50', 'p95', 'max'] as const) {
      const row: BenchRow = { metric: `${label} · ${name} ${p} (n=${a.n})`, value: a[p], unit: 'ms', baseline: b[p], ...vs };
      rows.push(p === 'p95' && goal ? { ...row, goal: goal[0], met: a.p95 <= goal[1] } : row);
    }
  };
  const idle = stats(m.idle.deltas);
  const scroll = stats(m.scroll.deltas);
  triple('scroll: frame time', scroll, stats(base.scroll.deltas), ['≤ 33 ms', 33]);
  rows.push({ metric: `${label} · scroll: frame time p95 vs idle frames`, value: scroll.p95, unit: 'ms', baseline: idle.p95, baselineLabel: 'idle page' });
  rows.push({ metric: `${label} · scroll: frames > ${DROPPED_MS} ms (of ${scroll.n})`, value: dropped(m.scroll.deltas), unit: 'frames', baseline: dropped(base.scroll.deltas), ...vs });
  rows.push({ metric: `${label} · scroll: long tasks`, value: m.scroll.longTasks.length, unit: 'tasks', baseline: base.scroll.longTasks.length, ...vs });
  rows.push({ metric: `${label} · scroll: longest task`, value: longest(m.scroll.longTasks), unit: 'ms', baseline: longest(base.scroll.longTasks), ...vs });
  rows.push({ metric: `${label} · scroll: rows passed in ${SCROLL_MS / 1000} s`, value: m.scroll.rows, unit: 'rows', baseline: base.scroll.rows, ...vs });
  rows.push({ metric: `${label} · scroll: frames stuck at the end of what was loaded`, value: m.scroll.stalled, unit: 'frames', baseline: base.scroll.stalled, ...vs });
  triple('search: keydown → results shown', stats(m.search.answers), stats(base.search.answers), ['≤ 250 ms (120 ms debounce incl.)', 250]);
  triple('search: keydown → next frame', stats(m.search.frames), stats(base.search.frames));
  const typing = stats(m.search.deltas);
  rows.push({ metric: `${label} · search: frame time while typing p95`, value: typing.p95, unit: 'ms', baseline: stats(base.search.deltas).p95, ...vs });
  rows.push({ metric: `${label} · search: frame time while typing p95 vs idle`, value: typing.p95, unit: 'ms', baseline: idle.p95, baselineLabel: 'idle page' });
  rows.push({ metric: `${label} · search: frames > ${DROPPED_MS} ms while typing (of ${typing.n})`, value: dropped(m.search.deltas), unit: 'frames', baseline: dropped(base.search.deltas), ...vs });
  rows.push({ metric: `${label} · search: longest task while typing`, value: longest(m.search.longTasks), unit: 'ms', baseline: longest(base.search.longTasks), ...vs });
  triple('arrow down: keydown → selection moved', stats(m.arrows.answers), stats(base.arrows.answers), ['≤ 100 ms', 100]);
  triple('arrow down: keydown → next frame', stats(m.arrows.frames), stats(base.arrows.frames));
  rows.push({ metric: `${label} · idle page frame time p50`, value: idle.p50, unit: 'ms', baseline: stats(base.idle.deltas).p50, ...vs });
  return rows;
}

export async function run(): Promise<void> {
  // Our own build of the renderer (not dist/: a concurrent `npm run build` empties it); LONGHAND_BENCH_NO_BUILD: use dist/.
  const renderer = process.env.LONGHAND_BENCH_NO_BUILD ? undefined : mkdtempSync(join(tmpdir(), 'longhand-bench-desk-renderer-'));
  if (renderer) {
    const vite = join(root, 'node_modules/vite/bin/vite.js');
    execFileSync(process.execPath, [vite, 'build', '--config', 'vite.renderer.config.ts', '--outDir', renderer, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  const words = searchWords();
  const browser = await launchChromium();
  try {
    const base = await measure(browser, BASELINE_SIZE, words, renderer);
    const rows: BenchRow[] = [];
    const notes: Record<string, unknown> = { seed: SEED, words, scrollStepPx: SCROLL_STEP, scrollMs: SCROLL_MS, quietMs: QUIET_MS, load: loadavg() };
    for (const size of SIZES) {
      const m = await measure(browser, size, words, renderer);
      notes[`fillSeconds${size}`] = Math.round(m.fillMs / 100) / 10;
      rows.push(...rowsFor(size >= 1000 ? `${size / 1000}k` : String(size), m, base));
    }
    report('desk', rows, notes);
  } finally {
    await browser.close();
    if (renderer) rmSync(renderer, { recursive: true, force: true });
  }
}
