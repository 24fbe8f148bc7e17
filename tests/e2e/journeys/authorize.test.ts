import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { type RunningHarness, startHarness } from '../../harness/launch.ts';
import { basicAuth, requireWordPress, resetWordPress, type WpEnv } from '../../integration/wp-fixture.ts';
import { launchChromium, screenshotPath } from '../support/browser.ts';

/**
 * Adding a blog through WordPress' own authorize page instead of a typed Application Password. The wizard opens
 * the page with window.open: the shell hands that to the OS browser, in the harness Chromium opens a tab in the
 * same context, which is where the writer logs in and approves. WordPress then sends that tab to the harness'
 * /__authorize callback (the app's longhand:// handler), core connects the blog, and the wizard pulls.
 * The fixture runs with WP_ENVIRONMENT_TYPE=local, so WordPress 6.1 accepts an http:// success_url.
 */
let wp: WpEnv | null;
let harness: RunningHarness;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const POSTS = [
  ['Vårbudgeten i fullmäktige', '<p>Fullmäktige debatterade vårbudgeten i sex timmar och landade i en kompromiss om skolan.</p>'],
  ['Promenad längs ån', '<p>Isen har gått upp och ån är brun av smältvatten. Sälgen blommar redan vid bron.</p>'],
  ['Om att läsa långsamt', '<p>En bok om dagen är inget mål. En mening som stannar kvar är bättre än tio som glöms.</p>'],
] as const;
/** Enough older posts that the first pull takes more than one page, so the wizard has progress to show. */
const OLDER = 120;
const TOTAL = POSTS.length + OLDER;

beforeAll(async () => {
  wp = await requireWordPress();
  if (!wp) return;
  await resetWordPress(wp);
  const older = Array.from({ length: OLDER }, (_, i) => [
    `Veckobrev ${i + 1}`,
    `<p>Vecka ${i + 1}: nämndmöte på tisdagen, skrivtid på torsdagen och en lång promenad på söndagen.</p>`,
    `2012-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00`,
  ]);
  // Four at a time: the fixture's php -S has four workers.
  const queue = [...older, ...POSTS.map(([title, content]) => [title, content, undefined])];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await createPost(...(next as [string, string, string | undefined]));
  }));
  harness = await startHarness(mkdtempSync(join(tmpdir(), 'longhand-authorize-')));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
  page = await context.newPage();
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Nytt inlägg' }).waitFor();
});

async function createPost(title: string, content: string, date?: string): Promise<void> {
  const response = await fetch(`${wp!.restUrl}wp/v2/posts`, {
    method: 'POST',
    headers: { Authorization: basicAuth(wp!), 'content-type': 'application/json' },
    body: JSON.stringify({ title, content, status: 'publish', ...(date ? { date } : {}) }),
  });
  if (!response.ok) throw new Error(`seeding a post: ${response.status} ${await response.text()}`);
}

beforeEach((ctx) => {
  ctx.skip(wp === null, 'the WordPress fixture is not available here (CI=true would fail instead)');
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  // The approval left a "Longhand" Application Password on the fixture: back to its snapshot.
  if (wp) await resetWordPress(wp);
});

test('add a blog by logging in and approving on WordPress’ authorize page', async () => {
  await page.getByRole('button', { name: 'Lägg till blogg…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Lägg till en blogg' });
  await wizard.getByLabel('Bloggens adress').fill(`${wp!.url}/`);
  await wizard.getByRole('button', { name: 'Hitta bloggen' }).click();

  const opened = context.waitForEvent('page');
  await wizard.getByRole('button', { name: 'Godkänn i webbläsaren' }).click();
  const tab = await opened;
  await expect.poll(() => wizard.getByText('Godkänn Longhand i webbläsaren som öppnades…').count()).toBe(1);
  await page.screenshot({ path: screenshotPath('authorize-waiting') });

  // Not logged in: WordPress sends the tab to wp-login.php, and back to the authorize page after.
  await tab.waitForURL(/wp-login\.php/);
  expect(decodeURIComponent(tab.url())).toContain('authorize-application.php');
  await tab.locator('#user_login').fill(wp!.user);
  await tab.locator('#user_pass').fill(wp!.password);
  await tab.locator('#wp-submit').click();
  await tab.waitForURL(/authorize-application\.php/);
  await tab.getByText('Longhand', { exact: false }).first().waitFor();
  await tab.screenshot({ path: screenshotPath('authorize-wordpress-approve') });
  // Did the wizard show the pull's progress? (A MutationObserver: the pull may be over before a poll looks.)
  await page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]')!;
    new MutationObserver((_, observer) => {
      if (!dialog.querySelector('progress')) return;
      (window as unknown as { sawProgress: string }).sawProgress = dialog.querySelector('[role="status"]')!.textContent ?? '';
      observer.disconnect();
    }).observe(dialog, { subtree: true, childList: true });
  });
  // A picture of the pull in progress, if it lasts long enough to take one (the assertion is the observer's).
  const pictured = wizard.locator('progress').waitFor({ timeout: 30_000 }).then(() => page.screenshot({ path: screenshotPath('authorize-pulling') }), () => undefined);
  await tab.locator('#approve').click();

  // WordPress hands the new password to the callback; the tab says so and the wizard takes over.
  await tab.waitForURL((url) => url.pathname === '/__authorize', { timeout: 30_000 });
  await tab.getByText('Longhand är ansluten').waitFor();
  await tab.close();
  await pictured;

  await expect.poll(() => wizard.getByText(`Klart! ${TOTAL} inlägg hämtade.`).count(), { timeout: 60_000 }).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { sawProgress?: string }).sawProgress)).toMatch(/Hämtar arkivet…Hämtar \d+/);
  await page.screenshot({ path: screenshotPath('authorize-pulled') });
  await wizard.getByRole('button', { name: 'Klar' }).click();
  const titles = page.getByRole('listbox').getByRole('option').locator('.post-item-title');
  await expect.poll(async () => (await titles.allTextContents()).slice(0, POSTS.length).toSorted()).toEqual(POSTS.map(([title]) => title).toSorted());
  await page.getByText(`${TOTAL} inlägg i biblioteket`).waitFor();

  // The blog is connected with the password WordPress issued for Longhand (not the fixture's own one).
  const blogs = (await page.evaluate(() => (window as unknown as { blog: { listBlogs(): Promise<{ url: string; userName: string }[]> } }).blog.listBlogs()));
  expect(blogs).toEqual([expect.objectContaining({ url: wp!.url, userName: wp!.user })]);
  const passwords = (await (await fetch(`${wp!.restUrl}wp/v2/users/me/application-passwords`, { headers: { Authorization: basicAuth(wp!) } })).json()) as { name: string }[];
  expect(passwords.map((p) => p.name)).toContain('Longhand');
  await page.screenshot({ path: screenshotPath('authorize-desk') });
});
