import type { AppCommandId } from './models.ts';

/** The languages the app speaks; the menu is built in main, which has no i18next, so labels live here. */
export interface CommandLabel {
  readonly sv: string;
  readonly en: string;
}

/** The top-level menu a command sits in (macOS moves `settings` into the app menu). */
export type CommandMenu = 'file' | 'edit' | 'post' | 'view' | 'go';

/**
 * Every app command once: the shell builds its menu from this list, the renderer its keyboard shortcuts.
 * Accelerators use Electron's syntax; `CmdOrCtrl` is Cmd on macOS and Ctrl elsewhere.
 *
 * Keys taken elsewhere and so not used here: the editor's Ctrl/Cmd+B I U K Z Y A C X V, Shift+Z, Alt+0/2/3/4
 * (block formats), Shift+7/8 (lists), Ctrl+Backspace/Delete (delete a word, Lexical and text fields);
 * Ctrl+Shift+V (paste as plain text), Ctrl+Shift+I (devtools), Ctrl+Shift+U (Linux IBus Unicode entry); and no
 * Ctrl+Alt+letter, which is AltGr on Windows (Swedish layouts type @ £ $ € { [ ] } with it).
 */
export interface AppCommand {
  readonly id: AppCommandId;
  readonly label: CommandLabel;
  readonly accelerator: string;
  readonly menu: CommandMenu;
  /** Acts on the open post: without one it does nothing. */
  readonly needsPost?: boolean;
  /** Starts a new group in its menu (a separator above it). */
  readonly group?: boolean;
}

export const APP_COMMANDS: readonly AppCommand[] = [
  { id: 'new-post', menu: 'file', accelerator: 'CmdOrCtrl+N', label: { sv: 'Nytt inlägg', en: 'New Post' } },
  { id: 'save-post', menu: 'file', accelerator: 'CmdOrCtrl+S', needsPost: true, label: { sv: 'Spara', en: 'Save' } },
  { id: 'sync-now', menu: 'file', accelerator: 'CmdOrCtrl+Shift+S', group: true, label: { sv: 'Synka nu', en: 'Sync Now' } },
  { id: 'add-blog', menu: 'file', accelerator: 'CmdOrCtrl+Shift+N', label: { sv: 'Lägg till blogg…', en: 'Add Blog…' } },
  { id: 'settings', menu: 'file', accelerator: 'CmdOrCtrl+,', group: true, label: { sv: 'Inställningar…', en: 'Settings…' } },

  { id: 'find-in-list', menu: 'edit', accelerator: 'CmdOrCtrl+F', group: true, label: { sv: 'Sök i listan', en: 'Find in List' } },
  { id: 'global-search', menu: 'edit', accelerator: 'CmdOrCtrl+Shift+F', label: { sv: 'Sök i alla inlägg', en: 'Search All Posts' } },

  { id: 'preview-post', menu: 'post', accelerator: 'CmdOrCtrl+Shift+P', needsPost: true, label: { sv: 'Förhandsgranska', en: 'Preview' } },
  { id: 'publish-post', menu: 'post', accelerator: 'CmdOrCtrl+Shift+B', needsPost: true, group: true, label: { sv: 'Publicera eller uppdatera…', en: 'Publish or Update…' } },
  { id: 'schedule-post', menu: 'post', accelerator: 'CmdOrCtrl+Shift+T', needsPost: true, label: { sv: 'Schemalägg…', en: 'Schedule…' } },
  { id: 'save-draft-to-blog', menu: 'post', accelerator: 'CmdOrCtrl+Shift+D', needsPost: true, label: { sv: 'Spara utkast på bloggen…', en: 'Save Draft to Blog…' } },
  { id: 'unpublish-post', menu: 'post', accelerator: 'CmdOrCtrl+Shift+A', needsPost: true, label: { sv: 'Avpublicera…', en: 'Unpublish…' } },
  { id: 'trash-post', menu: 'post', accelerator: 'CmdOrCtrl+Shift+Backspace', needsPost: true, label: { sv: 'Flytta till papperskorgen på bloggen…', en: 'Move to Trash on Blog…' } },
  { id: 'delete-post', menu: 'post', accelerator: 'CmdOrCtrl+Shift+Delete', needsPost: true, group: true, label: { sv: 'Radera inlägget på datorn…', en: 'Delete Post on This Computer…' } },

  { id: 'toggle-inspector', menu: 'view', accelerator: 'CmdOrCtrl+Shift+E', needsPost: true, label: { sv: 'Visa eller dölj inställningar för inlägget', en: 'Show or Hide Post Settings' } },
  { id: 'show-history', menu: 'view', accelerator: 'CmdOrCtrl+Shift+H', needsPost: true, label: { sv: 'Visa historik', en: 'Show History' } },

  { id: 'go-all', menu: 'go', accelerator: 'CmdOrCtrl+1', label: { sv: 'Alla inlägg', en: 'All Posts' } },
  { id: 'go-drafts', menu: 'go', accelerator: 'CmdOrCtrl+2', label: { sv: 'Utkast', en: 'Drafts' } },
  { id: 'go-outbox', menu: 'go', accelerator: 'CmdOrCtrl+3', label: { sv: 'Utkorgen', en: 'Outbox' } },
  { id: 'go-conflicts', menu: 'go', accelerator: 'CmdOrCtrl+4', label: { sv: 'Konflikter', en: 'Conflicts' } },
];

/** Top-level menu titles, with the mnemonic (&) Windows and Linux show. */
export const MENU_LABELS: Readonly<Record<CommandMenu | 'window', CommandLabel>> = {
  file: { sv: '&Arkiv', en: '&File' },
  edit: { sv: '&Redigera', en: '&Edit' },
  post: { sv: '&Inlägg', en: '&Post' },
  view: { sv: '&Visa', en: '&View' },
  go: { sv: '&Gå', en: '&Go' },
  window: { sv: '&Fönster', en: '&Window' },
};
