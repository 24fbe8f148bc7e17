import { describe, expect, test, vi } from 'vitest';
import { APP_COMMANDS } from '../../../electron/common/commands.ts';
import type { AppCommandId } from '../../../electron/common/models.ts';
import { buildMenuTemplate, menuLanguage } from '../../../electron/main/menu.ts';

vi.mock('electron', () => ({}));

// The template's item type, without importing electron's types into a test.
type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

/** Every item of a template, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('the application menu', () => {
  test.each(['linux', 'win32', 'darwin'] as const)('every command appears once on %s, with its accelerator, not registered with the OS', (platform) => {
    const sent: AppCommandId[] = [];
    const all = items(buildMenuTemplate(platform, 'en', (command) => sent.push(command)));
    for (const command of APP_COMMANDS) {
      const found = all.filter((item) => item.id === command.id);
      expect(found, command.id).toHaveLength(1);
      expect(found[0]).toMatchObject({ label: command.label.en, accelerator: command.accelerator, registerAccelerator: false });
      (found[0]!.click as () => void)();
    }
    expect(sent).toEqual(APP_COMMANDS.map((c) => c.id));
  });

  test('without an open post, the commands that act on one are greyed out; the others are not', () => {
    const all = items(buildMenuTemplate('linux', 'sv', () => undefined, false));
    for (const command of APP_COMMANDS) expect(all.find((item) => item.id === command.id)?.enabled, command.id).toBe(!command.needsPost);
    expect(APP_COMMANDS.filter((c) => c.needsPost).map((c) => c.id)).toEqual(expect.arrayContaining(['save-post', 'publish-post', 'delete-post', 'preview-post']));
    expect(items(buildMenuTemplate('linux', 'sv', () => undefined, true)).every((item) => item.enabled !== false)).toBe(true);
  });

  test('no two commands share an accelerator', () => {
    const accelerators = APP_COMMANDS.map((c) => c.accelerator.toLowerCase());
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  test('in Swedish every label is Swedish, role items included', () => {
    const template = buildMenuTemplate('linux', 'sv', () => undefined);
    expect(template.map((item) => item.label)).toEqual(['&Arkiv', '&Redigera', '&Inlägg', '&Visa', '&Gå', '&Fönster']);
    const all = items(template);
    for (const command of APP_COMMANDS) expect(all.find((item) => item.id === command.id)?.label).toBe(command.label.sv);
    const roles = all.filter((item) => item.role);
    expect(roles.length).toBeGreaterThan(10);
    for (const item of roles) expect(item.label, item.role).toMatch(/\S/);
    expect(all.find((item) => item.role === 'undo')?.label).toBe('Ångra');
    expect(all.find((item) => item.role === 'quit')?.label).toBe('Avsluta Longhand');
  });

  test('in English the top-level menus are English and role items keep Electron’s own labels', () => {
    const template = buildMenuTemplate('win32', 'en', () => undefined);
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&Post', '&View', '&Go', '&Window']);
    expect(items(template).find((item) => item.role === 'undo')?.label).toBeUndefined();
  });

  test('macOS: an app menu first with Settings in it, and no & mnemonics', () => {
    const template = buildMenuTemplate('darwin', 'sv', () => undefined);
    expect(template[0]!.label).toBe('Longhand');
    expect((template[0]!.submenu as MenuItemConstructorOptions[]).some((item) => item.id === 'settings')).toBe(true);
    expect(template.slice(1).map((item) => item.label)).toEqual(['Arkiv', 'Redigera', 'Inlägg', 'Visa', 'Gå', 'Fönster']);
  });

  test('a menu never starts or ends with a separator, nor has two in a row', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      for (const top of buildMenuTemplate(platform, 'sv', () => undefined)) {
        const kinds = (top.submenu as MenuItemConstructorOptions[]).map((item) => item.type === 'separator');
        expect(kinds[0], String(top.label)).toBe(false);
        expect(kinds.at(-1), String(top.label)).toBe(false);
        expect(kinds.some((sep, i) => sep && kinds[i + 1]), String(top.label)).toBe(false);
      }
    }
  });

  test('the language follows the preference, else the OS (Norwegian and Danish read Swedish), else English', () => {
    expect(menuLanguage('sv', ['en-US'])).toBe('sv');
    expect(menuLanguage('en', ['sv-SE'])).toBe('en');
    expect(menuLanguage('system', ['sv-SE'])).toBe('sv');
    expect(menuLanguage('system', ['nb'])).toBe('sv');
    expect(menuLanguage('system', ['de-DE', 'en-GB'])).toBe('en');
    expect(menuLanguage('system', ['fi'])).toBe('en');
  });
});
