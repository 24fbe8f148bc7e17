import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { BlogApi } from '../../electron/common/api.ts';
import { CLIENT_BRAND, createBlogApiClient } from '../../electron/common/ipc/client.ts';
import { createDispatcher } from '../../electron/common/ipc/dispatcher.ts';
import { createCore, type Core } from '../../electron/core/core.ts';
import { registerIpc } from '../../electron/main/ipc.ts';
import { createHttpTransport } from '../harness/http-transport.ts';
import { type RunningHarness, startHarness } from '../harness/launch.ts';
import { FakeIpcMain } from './main/fake-electron.ts';

/**
 * The app (preload → Electron IPC → main) and the harness (HTTP/SSE) must be the same mapping of BlogApi,
 * not two hand-written copies: both clients come from createBlogApiClient, both servers from
 * createDispatcher, and the same script of calls gives the same answers through both.
 */
const ipcMain = new FakeIpcMain();
const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: (channel: string, ...args: unknown[]) => ipcMain.invoke(channel, 'app://longhand/index.html', ...args),
});
const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer,
}));

let core: Core;
let harness: RunningHarness;
let viaIpc: BlogApi & { __brand: string };
let viaHttp: BlogApi & { __brand: string };

beforeAll(async () => {
  core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'longhand-ipc-side-')) });
  registerIpc(ipcMain as never, createDispatcher(core.api), (channel, payload) => ipcRenderer.emit(channel, {}, payload));
  await import('../../electron/preload/preload.ts');
  viaIpc = exposed.blog as typeof viaIpc;
  harness = await startHarness(mkdtempSync(join(tmpdir(), 'longhand-http-side-')));
  viaHttp = createBlogApiClient(createHttpTransport(harness.url));
});

afterAll(async () => {
  await harness?.stop();
  core?.close();
});

/** Runs the same calls and reduces the answers to what must match (ids and times differ by nature). */
async function script(api: BlogApi) {
  const out: unknown[] = [];
  const events: string[] = [];
  const dispose = api.onDidChangePost((e) => events.push(e.kind));
  const post = await api.createPost({ title: 'Nära – vecka 17 🙂', html: '<p>å ä ö ”citat”</p>' });
  out.push({ title: post.title, html: post.html, version: post.version, status: post.status });
  const saved = await api.savePost(post.id, { html: '<p>Ny text</p>' });
  out.push({ html: saved.html, version: saved.version });
  out.push((await api.listPosts()).map((p) => ({ title: p.title, snippet: p.snippet })));
  for (const bad of [() => api.getPost('nope'), () => api.savePost(post.id, { title: 7 as never }), () => api.getPost(12 as never)]) {
    out.push(await bad().then(() => 'resolved', (error: { code: string; name: string }) => `${error.name}:${error.code}`));
  }
  out.push((await api.listCommands()).map((c) => c.id));
  await vi.waitFor(() => expect(events.length).toBe(2));
  dispose();
  out.push(events);
  return out;
}

describe('one contract mapping, two transports', () => {
  test('both clients are built by createBlogApiClient from the same contract', () => {
    expect(viaIpc.__brand).toBe(CLIENT_BRAND);
    expect(viaHttp.__brand).toBe(CLIENT_BRAND);
    expect(Object.keys(viaIpc).sort()).toEqual(Object.keys(viaHttp).sort());
    // And neither side hand-writes a method: the preload and the harness client only call the factory.
    for (const file of ['electron/preload/preload.ts', 'tests/harness/client.ts']) {
      const source = readFileSync(file, 'utf8');
      expect(source).toContain('createBlogApiClient(');
      expect(source).not.toMatch(/savePost|listPosts|getPost/);
    }
  });

  test('the same calls give the same answers over Electron IPC and over HTTP', async () => {
    const [ipc, http] = [await script(viaIpc), await script(viaHttp)];
    expect(http).toEqual(ipc);
    expect(ipc[3]).toBe('BlogError:not-found');
    expect(ipc[4]).toBe('BlogError:invalid-argument');
  });
});
