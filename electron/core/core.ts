import { join } from 'node:path';
import type { BlogApi } from '../common/api.ts';
import type { Preferences } from '../common/api/preferences.ts';
import { Emitter } from '../common/events.ts';
import type { AppCommandEvent, PostChangeEvent } from '../common/models.ts';
import { createPostsApi } from './api/posts-api.ts';
import { createPreferencesApi } from './api/preferences-api.ts';
import { createShellApi } from './api/shell-api.ts';
import { type Clock, SqlitePostStore } from './posts/post-store.ts';
import { jsonFilePreferences, type PreferencesBackend } from './preferences/preferences-store.ts';
import { openDatabase } from './storage/database.ts';

export interface CoreOptions {
  /** Where the library lives (the app's user-data folder, or a temp dir in tests). */
  readonly dataDir: string;
  readonly clock?: Clock;
  /** Where preferences are kept: electron-store in the app; by default a JSON file in the data dir. */
  readonly preferences?: PreferencesBackend;
}

/** Everything hard, in one object, with no Electron in it. The shell, the harness and the CLI all use this. */
export interface Core {
  readonly api: BlogApi;
  readonly dataDir: string;
  /** For the shell: forward a menu command to the windows listening on `onDidRequestCommand`. */
  requestCommand(event: AppCommandEvent): void;
  close(): void;
}

export const DATABASE_FILE = 'longhand.sqlite';

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const postChanges = new Emitter<PostChangeEvent>();
  const commands = new Emitter<AppCommandEvent>();
  const preferenceChanges = new Emitter<Preferences>();
  const preferences = options.preferences ?? jsonFilePreferences(join(options.dataDir, 'preferences.json'));
  const api: BlogApi = {
    ...createPostsApi(new SqlitePostStore(db, options.clock), postChanges),
    ...createPreferencesApi(preferences, preferenceChanges),
    ...createShellApi(commands),
  };
  return {
    api,
    dataDir: options.dataDir,
    requestCommand: (event) => commands.fire(event),
    close() {
      postChanges.dispose();
      commands.dispose();
      preferenceChanges.dispose();
      if (db.isOpen) db.close();
    },
  };
}
