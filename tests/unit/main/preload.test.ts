import { EventEmitter } from 'node:events';
import { expect, test, vi } from 'vitest';
import { CLIENT_BRAND } from '../../../electron/common/ipc/client.ts';
import { EVENT_NAMES, METHOD_NAMES } from '../../../electron/common/ipc/contract.ts';

const exposed = new Map<string, Record<string, unknown>>();
const renderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer: renderer,
}));

test('the preload exposes exactly the contract as window.blog, over blog: channels', async () => {
  await import('../../../electron/preload/preload.ts');
  expect([...exposed.keys()]).toEqual(['blog']);
  const api = exposed.get('blog')!;
  expect(api.__brand).toBe(CLIENT_BRAND);
  expect(Object.keys(api).filter((k) => k !== '__brand').sort()).toEqual([...METHOD_NAMES, ...EVENT_NAMES].sort());
  // No Electron object leaks into the page: only functions and the brand string.
  expect(Object.values(api).every((v) => typeof v === 'function' || v === CLIENT_BRAND)).toBe(true);

  const result = await (api.getPost as (id: string) => Promise<unknown>)('abc');
  expect(result).toEqual({ channel: 'blog:getPost', args: ['abc'] });

  const seen: unknown[] = [];
  const dispose = (api.onDidChangePost as (l: (e: unknown) => void) => () => void)((e) => seen.push(e));
  renderer.emit('blog:event:onDidChangePost', {}, { kind: 'deleted', id: 'x' });
  dispose();
  renderer.emit('blog:event:onDidChangePost', {}, { kind: 'deleted', id: 'y' });
  expect(seen).toEqual([{ kind: 'deleted', id: 'x' }]);
  expect(renderer.listenerCount('blog:event:onDidChangePost')).toBe(0);
});
