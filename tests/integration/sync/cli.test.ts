// The headless CLI against the real WordPress: blog add, pull, queue, push, status, search, export — each a
// separate process on one data dir, the password only ever in the environment.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { defaultDataDir } from '../../../electron/cli/data-dir.ts';
import { requireWordPress, resetWordPress, type WpEnv } from '../wp-fixture.ts';
import { allRemote, web, webPost } from './support.ts';

const CLI = fileURLToPath(new URL('../../../electron/cli/longhand.ts', import.meta.url));
let wp: WpEnv | null = null;
let dir = '';

beforeAll(async () => {
  wp = await requireWordPress();
});
beforeEach(async (ctx) => {
  ctx.skip(wp === null, 'the WordPress fixture could not start (reason printed above)');
  await resetWordPress(wp!);
  dir = mkdtempSync(join(tmpdir(), 'longhand-cli-'));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (wp) await resetWordPress(wp);
});

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, '--data-dir', join(dir, 'data'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LONGHAND_APP_PASSWORD: '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('blog add, pull, queue, push, status, search and export, each its own process', async () => {
  await webPost(web(wp!), { title: 'Sårbarhet är ingen svaghet', content: '<p>Om att leda med öppna kort.</p>' });
  const secret = { WP_SECRET: wp!.appPassword };

  expect(cli(['blog', 'add', wp!.url, '--user', wp!.user, '--password', wp!.appPassword]).code).toBe(2);
  expect(cli(['blog', 'add', wp!.url, '--user', wp!.user]).code).toBe(2);
  const added = cli(['--json', 'blog', 'add', wp!.url, '--user', wp!.user, '--password-env', 'WP_SECRET'], secret);
  expect(added.code, added.err).toBe(0);
  expect(added.out).not.toContain(wp!.appPassword);
  const blogId = (JSON.parse(added.out) as { id: string }).id;

  // No password in the environment: the CLI says so instead of syncing.
  expect(cli(['pull']).code).toBe(2);
  const pulled = cli(['pull'], { LONGHAND_APP_PASSWORD: wp!.appPassword });
  expect(pulled.code, pulled.err).toBe(0);
  expect(pulled.out).toMatch(/^Pulled 1,/);

  const found = cli(['--json', 'search', 'sårbarhet']);
  expect(found.code).toBe(0);
  const hits = (JSON.parse(found.out) as { items: { post: { id: string; title: string } }[] }).items;
  expect(hits.map((h) => h.post.title)).toEqual(['Sårbarhet är ingen svaghet']);

  expect(cli(['queue', hits[0]!.post.id, 'make-private']).code).toBe(0);
  const status = cli(['status']);
  expect(status.out).toContain('1 queued');
  expect(status.out).toContain('make-private');
  const pushed = cli(['push', '--blog', blogId], { LONGHAND_APP_PASSWORD: wp!.appPassword });
  expect(pushed.code, pushed.err).toBe(0);
  expect((await allRemote(web(wp!))).map((p) => p.status)).toEqual(['private']);

  const exported = cli(['export', join(dir, 'export')]);
  expect(exported.code, exported.err).toBe(0);
  expect(existsSync(join(dir, 'export', 'longhand-archive.json'))).toBe(true);
  expect(readdirSync(join(dir, 'data'))).not.toContain('secrets.json');
});

test('the default data dir is the app\'s user-data folder on each system', () => {
  expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x/Longhand');
  expect(defaultDataDir('darwin', {})).toMatch(/Library\/Application Support\/Longhand$/);
  expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toMatch(/Roaming[\\/]Longhand$/);
});
