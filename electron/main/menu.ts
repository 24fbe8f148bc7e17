import type { MenuItemConstructorOptions } from 'electron';
import type { LanguagePreference } from '../common/api/preferences.ts';
import { APP_COMMANDS, type AppCommand, type CommandMenu, MENU_LABELS } from '../common/commands.ts';
import type { AppCommandId } from '../common/models.ts';

export type MenuLanguage = 'sv' | 'en';

/**
 * The menu's language: the preference, or for 'system' the first of the OS's languages we speak (Norwegian
 * and Danish read Swedish more easily than English), else English — the rule the renderer's i18n follows.
 */
export function menuLanguage(preference: LanguagePreference, systemLocales: readonly string[]): MenuLanguage {
  if (preference !== 'system') return preference;
  for (const locale of systemLocales) {
    const base = locale.toLowerCase().split(/[-_]/)[0]!;
    if (base === 'sv' || base === 'en') return base;
    if (['nb', 'nn', 'no', 'da'].includes(base)) return 'sv';
  }
  return 'en';
}

/** Electron's role items name themselves in English only: in Swedish they get our labels. */
const ROLE_LABELS_SV: Partial<Record<NonNullable<MenuItemConstructorOptions['role']>, string>> = {
  about: 'Om Longhand',
  services: 'Tjänster',
  hide: 'Göm Longhand',
  hideOthers: 'Göm övriga',
  unhide: 'Visa alla',
  quit: 'Avsluta Longhand',
  close: 'Stäng fönstret',
  undo: 'Ångra',
  redo: 'Gör om',
  cut: 'Klipp ut',
  copy: 'Kopiera',
  paste: 'Klistra in',
  pasteAndMatchStyle: 'Klistra in utan formatering',
  delete: 'Radera',
  selectAll: 'Markera allt',
  resetZoom: 'Normal storlek',
  zoomIn: 'Zooma in',
  zoomOut: 'Zooma ut',
  togglefullscreen: 'Helskärm',
  toggleDevTools: 'Utvecklarverktyg',
  minimize: 'Minimera',
  zoom: 'Zooma',
  front: 'Lägg alla fönster överst',
};

/**
 * The application menu in the UI language, built from the shared command list (electron/common/commands.ts)
 * so the menu and the renderer's shortcuts can't drift apart. App commands don't register their accelerators
 * with the OS: the renderer handles the keys (the same code path in the app and in the browser harness); the
 * menu shows them and sends the command when clicked. main.ts rebuilds it when the language changes, and when
 * a post is opened or closed (`postOpen`: commands that act on a post are greyed out without one).
 */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  language: MenuLanguage,
  send: (command: AppCommandId) => void,
  postOpen = true,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const role = (name: NonNullable<MenuItemConstructorOptions['role']>): MenuItemConstructorOptions =>
    language === 'sv' && ROLE_LABELS_SV[name] ? { role: name, label: ROLE_LABELS_SV[name] } : { role: name };
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const item = (command: AppCommand): MenuItemConstructorOptions => ({
    id: command.id,
    label: command.label[language],
    accelerator: command.accelerator,
    registerAccelerator: false,
    enabled: postOpen || !command.needsPost,
    click: () => send(command.id),
  });
  /** The commands of one menu, with a separator before each new group. */
  const commands = (menu: CommandMenu): MenuItemConstructorOptions[] =>
    APP_COMMANDS.filter((c) => c.menu === menu && !(isMac && c.id === 'settings')).flatMap((c, i) =>
      c.group && i > 0 ? [separator, item(c)] : [item(c)],
    );
  const top = (menu: CommandMenu | 'window', submenu: MenuItemConstructorOptions[]): MenuItemConstructorOptions => ({
    id: menu,
    label: isMac ? MENU_LABELS[menu][language].replace('&', '') : MENU_LABELS[menu][language],
    submenu,
  });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    const settings = APP_COMMANDS.find((c) => c.id === 'settings')!;
    template.push({
      label: 'Longhand',
      submenu: [role('about'), separator, item(settings), separator, role('services'), separator, role('hide'), role('hideOthers'), role('unhide'), separator, role('quit')],
    });
  }
  template.push(top('file', [...commands('file'), separator, isMac ? role('close') : role('quit')]));
  template.push(
    top('edit', [role('undo'), role('redo'), separator, role('cut'), role('copy'), role('paste'), role('pasteAndMatchStyle'), role('delete'), role('selectAll'), separator, ...commands('edit')]),
  );
  template.push(top('post', commands('post')));
  template.push(
    top('view', [...commands('view'), separator, role('resetZoom'), role('zoomIn'), role('zoomOut'), separator, role('togglefullscreen'), separator, role('toggleDevTools')]),
  );
  template.push(top('go', commands('go')));
  template.push(top('window', isMac ? [role('minimize'), role('zoom'), separator, role('front')] : [role('minimize'), role('close')]));
  return template;
}
