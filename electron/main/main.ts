import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import type { LanguagePreference } from '../common/api/preferences.ts';
import type { MenuContext } from '../common/api/shell.ts';
import type { AppCommandId } from '../common/models.ts';
import { createDispatcher } from '../common/ipc/dispatcher.ts';
import { createCore, type Core } from '../core/core.ts';
import { handleDeepLinks } from './deep-links.ts';
import { registerIpc } from './ipc.ts';
import { buildMenuTemplate, menuLanguage } from './menu.ts';
import { openPreferences, storeBackend } from './preferences.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './protocol.ts';
import { SafeStorageSecretStore } from './secrets.ts';
import { APP_ORIGIN, hardenWebContents } from './security.ts';
import { createMainWindow } from './window.ts';
import { restoreBounds } from './window-state.ts';

/**
 * The composition root: everything Electron-specific is wired here and nowhere else. All logic lives in core;
 * this file only connects it to windows, menus and the OS.
 */

// Before 'ready': the app:// scheme must be known as a standard, secure origin.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const distDir = join(app.getAppPath(), 'dist');
  const rendererDir = join(distDir, 'renderer');
  const preloadPath = join(distDir, 'preload', 'preload.cjs');
  let core: Core | undefined;
  let mainWindow: BrowserWindow | undefined;

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url) });
  });
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core?.close());

  await app.whenReady();

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permission === 'clipboard-sanitized-write');
  });
  if (process.platform !== 'darwin') {
    // macOS uses the OS spellchecker and its languages; elsewhere we choose Swedish and English.
    const available = session.defaultSession.availableSpellCheckerLanguages;
    session.defaultSession.setSpellCheckerLanguages(['sv', 'en-US'].filter((l) => available.includes(l)));
  }
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir));

  const preferences = openPreferences();
  const userData = app.getPath('userData');
  core = createCore({
    dataDir: userData,
    preferences: storeBackend(preferences),
    // Blog passwords: encrypted by the OS keychain, in their own file; never in electron-store or SQLite.
    secrets: new SafeStorageSecretStore(join(userData, 'secrets.json'), safeStorage),
    // Queued actions go out soon after they are queued, and the archive is refreshed every few minutes.
    sync: { backgroundIntervalMs: 5 * 60_000 },
  });
  const broadcast = (channel: string, payload: unknown) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, payload);
  };
  const openedCore = core;
  // The menu speaks the UI's language and follows it when the preference changes (no restart); it greys out
  // the post commands while no post is open (the window tells: setMenuContext, which only main answers).
  const send = (command: AppCommandId) => openedCore.requestCommand({ command });
  let postOpen = false;
  const setMenu = (language: LanguagePreference) =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, menuLanguage(language, [app.getLocale()]), send, postOpen)));
  let menuShows = (await openedCore.api.getPreferences()).language;
  setMenu(menuShows);
  openedCore.api.onDidChangePreferences(({ language }) => {
    if (language !== menuShows) setMenu((menuShows = language));
  });
  const api = {
    ...openedCore.api,
    setMenuContext: async (context: MenuContext) => {
      if (context.postOpen === postOpen) return;
      postOpen = context.postOpen;
      setMenu(menuShows);
    },
  };
  registerIpc(ipcMain, createDispatcher(api), broadcast);
  handleDeepLinks(app, process.argv, (url) => {
    openedCore.api.completeAuthorization(url).catch((error: unknown) => console.error('authorization failed', error));
  });

  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const openWindow = () =>
    createMainWindow({
      preloadPath,
      url: `${APP_ORIGIN}/index.html`,
      bounds: restoreBounds(preferences.get('windowBounds'), displays),
      onBoundsChanged: (bounds) => preferences.set('windowBounds', bounds),
    });
  mainWindow = openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
}
