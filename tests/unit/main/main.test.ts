import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { METHOD_NAMES, methodChannel } from '../../../electron/common/ipc/contract.ts';
import { FakeBrowserWindow, FakeIpcMain, FakeWebContents, fakeEvent } from './fake-electron.ts';

/**
 * The composition root, run against a replaced `electron`: does main.ts wire what it must, in the right order?
 */
const userData = mkdtempSync(join(tmpdir(), 'longhand-main-'));
const calls: string[] = [];
const appEvents = new Map<string, (...args: unknown[]) => void>();
const ipcMain = new FakeIpcMain();
let menuTemplate: { label?: string; submenu?: { id?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void }[] }[] = [];
let permissionHandler: ((c: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
const privileges: Record<string, boolean>[] = [];
let protocolHandler: ((request: { url: string }) => Promise<Response>) | undefined;

vi.mock('electron-store', () => ({
  default: class {
    get() {
      return undefined;
    }
    set() {}
  },
}));
vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => (calls.push('single-instance'), true),
    on: (name: string, fn: (...args: unknown[]) => void) => appEvents.set(name, fn),
    whenReady: () => (calls.push('ready'), Promise.resolve()),
    getAppPath: () => '/opt/longhand',
    getPath: (name: string) => (name === 'userData' ? userData : '/tmp'),
    getLocale: () => 'en-US',
    quit: vi.fn(),
    setAsDefaultProtocolClient: () => (calls.push('protocol-client:longhand'), true),
  },
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  Menu: {
    buildFromTemplate: (template: typeof menuTemplate) => template,
    setApplicationMenu: (template: typeof menuTemplate) => (menuTemplate = template),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
      calls.push(`privileged:${schemes.map((s) => s.scheme).join()}`);
      privileges.push(...schemes.map((s) => s.privileges));
    },
    handle: (scheme: string, handler: typeof protocolHandler) => {
      calls.push(`handle:${scheme}`);
      protocolHandler = handler;
    },
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof permissionHandler) => (permissionHandler = fn),
      availableSpellCheckerLanguages: ['en-US', 'sv', 'de'],
      setSpellCheckerLanguages: (languages: string[]) => calls.push(`spellcheck:${languages.join()}`),
    },
  },
  shell: { openExternal: vi.fn(async () => undefined) },
  safeStorage: { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
}));

test('main.ts wires a secure window, the protocol, IPC and the menu', async () => {
  await import('../../../electron/main/main.ts');
  await vi.waitFor(() => expect(FakeBrowserWindow.all.length).toBe(1));

  // The scheme is privileged before the app is ready; the single-instance lock is taken.
  expect(calls.indexOf('privileged:app')).toBeLessThan(calls.indexOf('ready'));
  expect(calls).toContain('single-instance');
  expect(calls).toContain('handle:app');
  expect(calls).toContain('protocol-client:longhand');
  expect(privileges).toEqual([expect.objectContaining({ standard: true, secure: true })]);
  // Linux and Windows get Swedish and English (macOS uses the OS spellchecker: nothing to set).
  expect(calls.includes('spellcheck:sv,en-US')).toBe(process.platform !== 'darwin');

  const window = FakeBrowserWindow.all[0]!;
  expect(window.loadedUrl).toBe('app://longhand/index.html');
  expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/opt/longhand/dist/preload/preload.cjs' });

  // Every contract method has a handler.
  expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(methodChannel).sort());

  // Every WebContents the app creates is hardened.
  const contents = new FakeWebContents();
  appEvents.get('web-contents-created')!({}, contents);
  const navigation = fakeEvent();
  contents.emit('will-navigate', navigation, 'https://example.se');
  expect(navigation.preventDefault).toHaveBeenCalled();
  expect(contents.windowOpenHandler!({ url: 'https://example.se' })).toEqual({ action: 'deny' });

  // Permissions are denied (the clipboard write of copy is the one exception).
  const answers: Record<string, boolean> = {};
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-sanitized-write']) {
    permissionHandler!({}, permission, (ok) => (answers[permission] = ok));
  }
  expect(answers).toEqual({ media: false, geolocation: false, notifications: false, 'clipboard-sanitized-write': true });

  // Unknown app:// paths are 404s, not exceptions.
  expect((await protocolHandler!({ url: 'app://longhand/../../etc/passwd' })).status).toBe(404);

  // File › New Post shows Ctrl/Cmd+N and, when clicked, reaches the window as a command event.
  const file = menuTemplate.find((item) => item.label === '&File' || item.label === 'File');
  const newPost = file?.submenu?.find((item) => item.id === 'new-post');
  expect(newPost).toMatchObject({ accelerator: 'CmdOrCtrl+N', registerAccelerator: false });
  newPost!.click!();
  expect(window.webContents.sent).toContainEqual({ channel: 'blog:event:onDidRequestCommand', payload: { command: 'new-post' } });

  // Post commands are greyed out until the window says a post is open.
  const item = (id: string) => menuTemplate.flatMap((top) => top.submenu ?? []).find((entry) => entry.id === id) as { enabled?: boolean };
  expect(item('publish-post').enabled).toBe(false);
  await ipcMain.invoke(methodChannel('setMenuContext'), 'app://longhand/index.html', { postOpen: true });
  expect(item('publish-post').enabled).toBe(true);
  expect(item('new-post').enabled).toBe(true);

  // Switching the language rebuilds the menu in it, without a restart.
  await ipcMain.invoke(methodChannel('setPreferences'), 'app://longhand/index.html', { language: 'sv' });
  expect(menuTemplate.map((item) => item.label)).toContain(process.platform === 'darwin' ? 'Arkiv' : '&Arkiv');

  appEvents.get('will-quit')!();
});
