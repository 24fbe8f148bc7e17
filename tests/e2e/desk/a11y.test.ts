import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createBlogApiClient } from '../../../electron/common/ipc/client.ts';
import { createHttpTransport } from '../../harness/http-transport.ts';
import { type RunningHarness, startHarness } from '../../harness/launch.ts';
import { launchChromium } from '../support/browser.ts';

/** axe-core over the main screens, in both themes: no serious or critical accessibility violations. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let harness: RunningHarness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  harness = await startHarness(mkdtempSync(join(tmpdir(), 'longhand-a11y-')));
  const api = createBlogApiClient(createHttpTransport(harness.url));
  await api.importWxr({ path: join(process.cwd(), 'tests/fixtures/wxr/kommunbloggen.wxr.xml') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'sv-SE' });
  await page.goto(harness.url);
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.getByLabel('Rubrik', { exact: true }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function seriousViolations(): Promise<string[]> {
  // Evaluated over CDP, so the page's CSP (script-src 'self') does not apply to the checker.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('the desk with an open post (light theme)', async () => {
  expect(await seriousViolations()).toEqual([]);
});

test('the desk in the dark theme', async () => {
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  expect(await seriousViolations()).toEqual([]);
  await page.evaluate(() => delete document.documentElement.dataset.theme);
});

test('the history tab, the settings dialog and the add-blog wizard', async () => {
  await page.getByRole('tab', { name: 'Historik' }).click();
  expect(await seriousViolations()).toEqual([]);
  await page.getByRole('button', { name: 'Inställningar', exact: true }).click();
  await page.getByRole('dialog', { name: 'Inställningar' }).waitFor();
  expect(await seriousViolations()).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Lägg till blogg…' }).click();
  await page.getByRole('dialog', { name: 'Lägg till en blogg' }).waitFor();
  expect(await seriousViolations()).toEqual([]);
  await page.keyboard.press('Escape');
});
