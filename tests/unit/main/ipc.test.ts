import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { eventChannel, METHOD_NAMES, methodChannel } from '../../../electron/common/ipc/contract.ts';
import { createDispatcher } from '../../../electron/common/ipc/dispatcher.ts';
import type { Envelope } from '../../../electron/common/ipc/envelope.ts';
import { type Core, createCore } from '../../../electron/core/core.ts';
import { registerIpc } from '../../../electron/main/ipc.ts';
import { FakeIpcMain } from './fake-electron.ts';

vi.mock('electron', () => ({}));

const APP_PAGE = 'app://longhand/index.html';
let core: Core;
afterEach(() => core?.close());

function wire() {
  core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'longhand-ipc-')) });
  const ipcMain = new FakeIpcMain();
  const broadcasts: { channel: string; payload: unknown }[] = [];
  const dispose = registerIpc(ipcMain as never, createDispatcher(core.api), (channel, payload) => broadcasts.push({ channel, payload }));
  const call = (method: string, ...args: unknown[]) => ipcMain.invoke(`blog:${method}`, APP_PAGE, ...args) as Promise<Envelope>;
  return { ipcMain, broadcasts, dispose, call };
}

describe('IPC handlers', () => {
  test('one handler per contract method, all on blog: channels, removed on dispose', () => {
    const { ipcMain, dispose } = wire();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(methodChannel).sort());
    expect([...ipcMain.handlers.keys()].every((c) => c.startsWith('blog:'))).toBe(true);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  test('malformed payloads are rejected with invalid-argument, and nothing is stored', async () => {
    const { call } = wire();
    const bad: [string, ...unknown[]][] = [
      ['getPost', 42],
      ['getPost', '../../etc/passwd'],
      ['savePost', 'abc', { title: 1 }],
      ['savePost', 'abc', { title: 'x', sneaky: true }],
      ['savePost', 'abc', 'not an object'],
      ['createPost', { title: 'x'.repeat(10_000) }],
      ['createPost', null],
      ['listPosts', { limit: -1 }],
      ['listPosts', {}, 'extra argument'],
      ['deletePost'],
    ];
    for (const [method, ...args] of bad) {
      const result = await call(method, ...args);
      expect(result.ok, `${method}(${JSON.stringify(args).slice(0, 60)})`).toBe(false);
      expect(result.ok ? null : result.error.code).toBe('invalid-argument');
    }
    expect(await call('listPosts')).toEqual({ ok: true, value: [] });
  });

  test('a call from a frame that is not our app:// page is refused', async () => {
    const { ipcMain } = wire();
    const result = (await ipcMain.invoke('blog:createPost', 'https://evil.example/', { title: 'x' })) as Envelope;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await core.api.listPosts()).toEqual([]);
  });

  test('valid calls reach core; events are broadcast on blog:event: channels', async () => {
    const { call, broadcasts } = wire();
    const created = await call('createPost', { title: 'Hej' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Hej' } });
    expect(broadcasts).toEqual([
      { channel: eventChannel('onDidChangePost'), payload: expect.objectContaining({ kind: 'created' }) },
    ]);
    const missing = await call('getPost', 'no-such-post');
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
