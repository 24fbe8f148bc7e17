import type { Page } from 'playwright-core';
import { beforeEach, expect, test } from 'vitest';
import type { BlogApi } from '../../../electron/common/api.ts';
import { basicAuth, type WpEnv } from '../../integration/wp-fixture.ts';
import { screenshotPath } from '../support/browser.ts';
import { useConnectedDesk } from '../support/connected-desk.ts';

/**
 * Blog accounts in Settings: rename, remove (asks first, says the posts stay, and keeps them), and connect again
 * with a new Application Password without duplicating the posts. The blog is connected through the API first:
 * adding one through the wizard is the journeys' business.
 */
const TITLES = ['Höstens första frost', 'Skolvalet i kommunen', 'Tre böcker för mörka kvällar'];

const desk = useConnectedDesk({
  prefix: 'longhand-accounts-',
  seed: async (wp) => {
    for (const title of TITLES) {
      const response = await fetch(`${wp.restUrl}wp/v2/posts`, {
        method: 'POST',
        headers: { Authorization: basicAuth(wp), 'content-type': 'application/json' },
        body: JSON.stringify({ title, content: `<p>${title}: några rader om saken.</p>`, status: 'publish' }),
      });
      if (!response.ok) throw new Error(`seeding a post: ${response.status}`);
    }
  },
});
let wp: WpEnv;
let api: BlogApi;
let page: Page;
beforeEach(() => {
  ({ wp, api, page } = desk());
});

const settings = () => page.getByRole('dialog', { name: 'Inställningar' });
const account = () => settings().getByRole('listitem').filter({ has: page.getByLabel('Namn på bloggen') });

test('rename a blog in Settings (only here: nothing changes on the blog)', async () => {
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await expect.poll(() => account().getByText('Ansluten', { exact: true }).count()).toBe(1);
  await account().getByLabel('Namn på bloggen').fill('Kommunbloggen');
  await account().getByRole('button', { name: 'Byt namn' }).click();
  await expect.poll(async () => (await api.listBlogs()).map((b) => b.name)).toEqual(['Kommunbloggen']);
  await expect.poll(() => account().getByRole('button', { name: 'Byt namn' }).isDisabled()).toBe(true);
  await page.screenshot({ path: screenshotPath('accounts-settings') });
});

test('removing a blog asks first, keeps its posts, and forgets only the password and the queue', async () => {
  await account().getByRole('button', { name: 'Ta bort…' }).click();
  const ask = page.getByRole('dialog', { name: 'Ta bort ”Kommunbloggen”?' });
  await ask.getByText(`Bloggens ${TITLES.length} inlägg stannar på den här datorn`, { exact: false }).waitFor();
  await page.screenshot({ path: screenshotPath('accounts-remove-ask') });
  await ask.getByRole('button', { name: 'Avbryt' }).click();
  expect((await api.getSyncStatus()).blogs).toHaveLength(1);

  await account().getByRole('button', { name: 'Ta bort…' }).click();
  await ask.getByRole('button', { name: 'Ta bort bloggen' }).click();
  await account().getByText('Inte ansluten – inläggen finns kvar här').waitFor();
  expect((await api.getSyncStatus()).blogs).toEqual([]);
  expect(await api.listBlogs()).toHaveLength(1);
  await page.screenshot({ path: screenshotPath('accounts-removed') });
  await settings().getByRole('button', { name: 'Klar' }).click();
  const titles = await page.getByRole('listbox').getByRole('option').locator('.post-item-title').allTextContents();
  expect(titles.toSorted()).toEqual(TITLES.toSorted());
});

test('connect the removed blog again with its Application Password: the same posts, no copies, the same name', async () => {
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await account().getByRole('button', { name: 'Anslut igen' }).click();
  const wizard = page.getByRole('dialog', { name: 'Anslut bloggen igen' });
  expect(await wizard.getByLabel('Bloggens adress').inputValue()).toBe(wp.url);
  await wizard.getByRole('button', { name: 'Hitta bloggen' }).click();
  await wizard.getByLabel('Användarnamn').fill(wp.user);
  await wizard.getByLabel('Applikationslösenord').fill(wp.appPassword);
  await wizard.getByRole('button', { name: 'Anslut' }).click();
  await wizard.getByText(/Klart! \d+ inlägg hämtade\./).waitFor({ timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Klar' }).click();
  await account().getByText('Ansluten', { exact: true }).waitFor();
  // Still one account, and signing in again kept the name it was given here.
  expect((await api.listBlogs()).map((b) => b.name)).toEqual(['Kommunbloggen']);
  await settings().getByRole('button', { name: 'Klar' }).click();
  await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(TITLES.length);
  await page.screenshot({ path: screenshotPath('accounts-reconnected') });
});
