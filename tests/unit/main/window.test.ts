import { describe, expect, test, vi } from 'vitest';
import { FakeBrowserWindow } from './fake-electron.ts';

vi.mock('electron', () => ({ BrowserWindow: FakeBrowserWindow }));

const { createMainWindow, secureWebPreferences } = await import('../../../electron/main/window.ts');
const { restoreBounds, DEFAULT_BOUNDS } = await import('../../../electron/main/window-state.ts');

describe('the main window', () => {
  test('is created with the secure webPreferences and loads the app:// page', () => {
    const onBoundsChanged = vi.fn();
    const window = createMainWindow({
      preloadPath: '/app/dist/preload/preload.cjs',
      url: 'app://longhand/index.html',
      bounds: { width: 1100, height: 700 },
      onBoundsChanged,
    }) as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/app/dist/preload/preload.cjs'));
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.loadedUrl).toBe('app://longhand/index.html');
    window.emit('close');
    expect(onBoundsChanged).toHaveBeenCalledWith({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });

  test('remembered bounds are restored only when visible on a current display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds({ x: 100, y: 80, width: 1000, height: 700 }, displays)).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: undefined,
    });
    // The monitor it was on is gone: keep the size, drop the position.
    expect(restoreBounds({ x: 4000, y: 80, width: 1000, height: 700 }, displays)).toEqual({ width: 1000, height: 700, maximized: undefined });
    expect(restoreBounds('garbage', displays)).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ width: Number.NaN, height: 5 }, displays)).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ width: 10, height: 10 }, displays)).toMatchObject({ width: 720, height: 480 });
  });
});
