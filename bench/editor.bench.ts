import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createBlogApiClient } from '../electron/common/ipc/client.ts';
import { parsePost } from '../electron/core/fidelity/index.ts';
import { launchChromium } from '../tests/e2e/support/browser.ts';
import { createHttpTransport } from '../tests/harness/http-transport.ts';
import { startHarness } from '../tests/harness/launch.ts';
import { longPost } from '../tests/bench-pages/post.ts';
import { installProbe, type KeySample, placeCaret, type ProbeState } from '../tests/bench-pages/probe.ts';
import { serveBarePage } from '../tests/bench-pages/serve.ts';
import { type BenchRow, percentile, report } from './support/report.ts';

/**
 * `npm run bench editor`: the editor on a 20,000-word post in real Chromium through the harness, against a
 * bare Lexical editor (rich text + history only) with the same text, in the same browser, interleaved
 * (rounds alternate between the two, so machine noise hits both alike).
 *
 * Per keystroke: keydown → Lexical's update and every update listener done ("input handled"), and
 * keydown → the next frame rendered; p50/p95/max over 200 keystrokes at the start, middle and end of the
 * post. Also: long tasks while typing (autosave included), the heap after 5,000 edits (sampled on the way,
 * after a forced GC, to see it plateau), and the time to open the post.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = 10;
const KEYS_PER_ROUND = 20;
const KEY_GAP_MS = 40;
const EDITS = 5_000;
// ASCII only: Playwright types letters outside the US layout (å ä ö) without a keydown, which the probe times.
const TEXT = 'det ar en mening om ledarskap och vardag pa kontoret ';

type Position = 'start' | 'middle' | 'end';
type Who = 'app' | 'bare';

async function typeRound(page: Page, offset: number): Promise<void> {
  for (let i = 0; i < KEYS_PER_ROUND; i++) {
    const ch = TEXT[(offset + i) % TEXT.length]!;
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await page.waitForTimeout(KEY_GAP_MS);
  }
}

const drain = (page: Page) =>
  page.evaluate(() => {
    const probe = (window as unknown as { __probe: ProbeState }).__probe;
    const out = { samples: probe.samples, longTasks: probe.longTasks };
    probe.samples = [];
    probe.longTasks = [];
    return out;
  });

const recording = (page: Page, on: boolean) =>
  page.evaluate((value) => {
    (window as unknown as { __probe: ProbeState }).__probe.recording = value;
  }, on);

/**
 * Both pages get the pointer resting over the editor's text, at the same spot (as after clicking into the text):
 * Chromium hit-tests the hovered point again after every layout, so a page the pointer never entered (the bare
 * one, while the app's pointer stayed where it clicked the post list) would skip per-frame work the other does.
 */
async function restPointer(page: Page): Promise<void> {
  const box = await page.locator('[contenteditable="true"]').boundingBox();
  if (!box) throw new Error('no editor on the page');
  await page.mouse.move(box.x + 200, 300);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function openApp(browser: Browser, url: string, postTitle: string, blocks: number): Promise<{ page: Page; openMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, locale: 'sv-SE' });
  await page.goto(url);
  await page.getByRole('option', { name: new RegExp(postTitle) }).first().waitFor();
  await page.evaluate(() => {
    document.addEventListener('mousedown', () => ((window as unknown as { __openAt: number }).__openAt = performance.now()), { capture: true, once: true });
  });
  await page.getByRole('option', { name: new RegExp(postTitle) }).first().click();
  const handle = await page.waitForFunction(
    (n) => {
      const body = document.querySelector('.editor-body');
      return body && body.children.length >= n ? performance.now() - (window as unknown as { __openAt: number }).__openAt : null;
    },
    blocks,
    { polling: 'raf', timeout: 60_000 },
  );
  return { page, openMs: (await handle.jsonValue()) as number };
}

function stats(samples: KeySample[], key: 'handled' | 'frame' | 'render'): { p50: number; p95: number; max: number; n: number } {
  // 'render': from the frame's animation callbacks to its end (style, layout, paint, commit, hover hit test).
  const values = samples.map((s) => (key === 'render' ? s.frame - s.raf : s[key] - s.down)).filter((v) => Number.isFinite(v));
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values), n: values.length };
}

export async function run(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const bare = await serveBarePage();
  const harness = await startHarness(mkdtempSync(join(tmpdir(), 'longhand-bench-editor-')));
  const transport = createHttpTransport(harness.url);
  const api = createBlogApiClient(transport);
  const browser = await launchChromium();
  try {
    const { html, paragraphs, words } = longPost();
    const parsed = parsePost(html);
    const title = 'Bänk 20 000 ord';
    await api.createPost({ title, html });

    // Lexical keeps two lists of a kind in a row as one ListNode: the editor has that many fewer top-level nodes.
    const merged = parsed.blocks.map((b, i) => {
      const prev = parsed.blocks[i - 1];
      return b.kind === 'list' && prev?.kind === 'list' && prev.ordered === b.ordered;
    });
    const topLevel = merged.filter((m) => !m).length;
    // A block's top-level node in the app: its index less the merged lists before it (the bare editor has one node per block).
    const appIndex = (block: number) => block - merged.slice(0, block + 1).filter(Boolean).length;
    const { page: app, openMs } = await openApp(browser, harness.url, title, topLevel);
    // The phases the app names (PostPane, DocumentPlugin): core's parse and the transfer, then blocks → nodes → DOM.
    const phases = await app.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('longhand:open:')).map((m) => [m.name, m.duration])));
    await app.evaluate(installProbe);
    await restPointer(app);
    const barePage = await browser.newPage({ viewport: { width: 1500, height: 1000 }, locale: 'sv-SE' });
    await barePage.goto(bare.url);
    const bareOpenMs = await barePage.evaluate(async (texts) => {
      const t0 = performance.now();
      (window as unknown as { benchLoad: (p: string[]) => void }).benchLoad(texts);
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      return performance.now() - t0;
    }, paragraphs);
    await barePage.evaluate(installProbe);
    await restPointer(barePage);

    const paragraphsAt = parsed.blocks.flatMap((b, i) => (b.kind === 'paragraph' ? [i] : []));
    const where: Record<Position, [number, boolean]> = {
      start: [paragraphsAt[0]!, false],
      middle: [paragraphsAt[Math.floor(paragraphsAt.length / 2)]!, true],
      end: [paragraphsAt[paragraphsAt.length - 1]!, true],
    };
    const caret = (who: Who, position: Position): [number, boolean] => {
      const [block, atEnd] = where[position];
      return [who === 'app' ? appIndex(block) : block, atEnd];
    };
    const samples: Record<Who, Record<Position, KeySample[]>> = { app: { start: [], middle: [], end: [] }, bare: { start: [], middle: [], end: [] } };
    const longTasks: { duration: number }[] = [];
    for (const position of ['start', 'middle', 'end'] as const) {
      for (let round = 0; round < ROUNDS; round++) {
        const order: Who[] = round % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
        for (const who of order) {
          const page = who === 'app' ? app : barePage;
          await page.bringToFront();
          await page.evaluate(placeCaret, caret(who, position));
          await page.waitForTimeout(100);
          await recording(page, true);
          await typeRound(page, round * KEYS_PER_ROUND);
          await page.waitForTimeout(150);
          await recording(page, false);
          const drained = await drain(page);
          samples[who][position].push(...drained.samples);
          if (who === 'app') longTasks.push(...drained.longTasks);
        }
      }
    }
    // Let the last autosave land, then heap: 5,000 edits in each editor, a forced GC before each sample.
    await app.waitForTimeout(1500);
    const heap: Record<Who, number[]> = { app: [], bare: [] };
    for (const [who, page] of [['app', app], ['bare', barePage]] as const) {
      await page.bringToFront();
      await page.evaluate(placeCaret, caret(who, 'middle'));
      heap[who].push(await heapMb(page));
      for (let done = 0; done < EDITS; done += 1000) {
        for (let i = 0; i < 1000; i += 50) {
          await page.keyboard.type(TEXT.slice(0, 45), { delay: 0 });
          for (let b = 0; b < 5; b++) await page.keyboard.press('Backspace');
        }
        await page.waitForTimeout(who === 'app' ? 1200 : 200);
        heap[who].push(await heapMb(page));
      }
    }

    const rows: BenchRow[] = [];
    for (const position of ['start', 'middle', 'end'] as const) {
      for (const [key, label] of [['handled', 'input handled'], ['frame', 'next frame']] as const) {
        const a = stats(samples.app[position], key);
        const b = stats(samples.bare[position], key);
        for (const p of ['p50', 'p95', 'max'] as const) {
          rows.push({ metric: `${position}: keydown → ${label} ${p} (n=${a.n})`, value: a[p], unit: 'ms', baseline: b[p], baselineLabel: 'bare Lexical' });
        }
      }
    }
    const all = (who: Who) => [...samples[who].start, ...samples[who].middle, ...samples[who].end];
    const handled = { app: stats(all('app'), 'handled'), bare: stats(all('bare'), 'handled') };
    const frame = { app: stats(all('app'), 'frame'), bare: stats(all('bare'), 'frame') };
    rows.push({ metric: 'all: keydown → input handled p95', value: handled.app.p95, unit: 'ms', baseline: handled.bare.p95, baselineLabel: 'bare Lexical', goal: '≤ 1.5× bare', met: handled.app.p95 <= 1.5 * handled.bare.p95 });
    rows.push({ metric: 'all: keydown → next frame p50', value: frame.app.p50, unit: 'ms', baseline: frame.bare.p50, baselineLabel: 'bare Lexical', goal: '≤ 1.1× bare', met: frame.app.p50 <= 1.1 * frame.bare.p50 });
    const render = { app: stats(all('app'), 'render'), bare: stats(all('bare'), 'render') };
    rows.push({ metric: 'all: that frame\'s rendering (rAF → frame done) p50', value: render.app.p50, unit: 'ms', baseline: render.bare.p50, baselineLabel: 'bare Lexical' });
    const longest = Math.max(0, ...longTasks.map((t) => t.duration));
    rows.push({ metric: 'long tasks while typing (autosave included)', value: longTasks.length, unit: 'tasks', goal: 'none over 50 ms', met: longTasks.length === 0 });
    rows.push({ metric: 'longest task while typing', value: longest, unit: 'ms', goal: '≤ 50 ms', met: longest <= 50 });
    heap.app.forEach((mb, i) => rows.push({ metric: `heap after ${i * 1000} edits`, value: mb, unit: 'MB', baseline: heap.bare[i], baselineLabel: 'bare Lexical' }));
    const growth = heap.app[heap.app.length - 1]! - heap.app[Math.floor(heap.app.length / 2)]!;
    rows.push({ metric: 'heap growth, 2,500 → 5,000 edits', value: growth, unit: 'MB', goal: 'plateau (≤ 2 MB)', met: growth <= 2 });
    rows.push({ metric: `open the post (${words} words, ${parsed.blocks.length} blocks)`, value: openMs, unit: 'ms', baseline: bareOpenMs, baselineLabel: 'bare Lexical load' });
    const core = phases['longhand:open:core'] ?? Number.NaN;
    const nodes = phases['longhand:open:editor'] ?? Number.NaN;
    rows.push({ metric: 'open, phase: core parses, sends the blocks', value: core, unit: 'ms' });
    rows.push({ metric: 'open, phase: blocks → Lexical nodes → DOM', value: nodes, unit: 'ms' });
    rows.push({ metric: 'open, phase: the rest (block views, layout, paint)', value: openMs - core - nodes, unit: 'ms' });
    report('editor', rows, { words, blocks: parsed.blocks.length, keysPerPosition: ROUNDS * KEYS_PER_ROUND, keyGapMs: KEY_GAP_MS, edits: EDITS });
  } finally {
    transport.close();
    await browser.close();
    await harness.stop();
    await bare.close();
  }
}
