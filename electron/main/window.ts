import { BrowserWindow, type WebPreferences } from 'electron';
import { MIN_SIZE, type WindowBounds } from './window-state.ts';

/**
 * The only webPreferences a Longhand window ever gets. The page is untrusted (it renders posts written
 * elsewhere), so it runs sandboxed, isolated from the preload, with no Node.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  };
}

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly url: string;
  readonly bounds: WindowBounds;
  readonly onBoundsChanged: (bounds: WindowBounds) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { bounds } = options;
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Longhand',
    backgroundColor: '#faf8f5',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed()) return;
    const { x, y, width, height } = window.getNormalBounds();
    options.onBoundsChanged({ x, y, width, height, maximized: window.isMaximized() });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rememberSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  window.on('resize', rememberSoon);
  window.on('move', rememberSoon);
  window.on('close', () => {
    clearTimeout(timer);
    remember();
  });

  void window.loadURL(options.url);
  return window;
}
