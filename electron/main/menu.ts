import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommandId } from '../common/models.ts';
import { APP_COMMANDS } from '../common/commands.ts';

/**
 * The application menu, built from the shared command list (electron/common/commands.ts) so the menu and
 * the renderer's shortcuts can't drift apart. App commands don't register their accelerators with the OS:
 * the renderer handles the keys (the same code path in the app and in the browser harness); the menu shows
 * them and sends the command when clicked.
 */
export function buildMenuTemplate(platform: NodeJS.Platform, send: (command: AppCommandId) => void): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const commandItems: MenuItemConstructorOptions[] = APP_COMMANDS.map((command) => ({
    id: command.id,
    label: command.label,
    accelerator: command.accelerator,
    registerAccelerator: false,
    click: () => send(command.id),
  }));
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: '&File',
    submenu: [...commandItems, { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
  });
  template.push({ role: 'editMenu' });
  template.push({
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { type: 'separator' },
      { role: 'toggleDevTools' },
    ],
  });
  template.push({ role: 'windowMenu' });
  return template;
}
