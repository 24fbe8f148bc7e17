import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { BlogApi } from '../common/api.ts';
import type { LibraryChangeEvent } from '../common/api/library.ts';
import type { Preferences } from '../common/api/preferences.ts';
import { Emitter } from '../common/events.ts';
import type { AppCommandEvent, PostChangeEvent } from '../common/models.ts';
import { createDocumentsApi } from './api/documents-api.ts';
import { createLibraryApi } from './api/library-api.ts';
import { createPostsApi } from './api/posts-api.ts';
import { createPreferencesApi } from './api/preferences-api.ts';
import { createPreviewApi } from './api/preview-api.ts';
import { createShellApi } from './api/shell-api.ts';
import { createSyncService, type SyncCoreOptions } from './api/sync-api.ts';
import { Library } from './library/library.ts';
import { isValidTimeZone } from './library/time.ts';
import { libraryTimeZone, setLibraryTimeZone } from './library/zones.ts';
import { type Clock, SqlitePostStore, monotonicClock } from './posts/post-store.ts';
import { jsonFilePreferences, type PreferencesBackend } from './preferences/preferences-store.ts';
import type { SecretStore } from './secrets/secret-store.ts';
import { openDatabase, transaction } from './storage/database.ts';

export interface CoreOptions {
  /** Where the library lives (the app's user-data folder, or a temp dir in tests). */
  readonly dataDir: string;
  readonly clock?: Clock;
  /** Where preferences are kept: electron-store in the app; by default a JSON file in the data dir. */
  readonly preferences?: PreferencesBackend;
  /**
   * The zone whose months the archive files unassigned posts under (blogs with a zone of their own use theirs).
   * Default: what the library was created with (this machine's zone then). Changing it refiles the months.
   */
  readonly timeZone?: string;
  /** Blog passwords: the shell's safeStorage store; default a MemorySecretStore (harness, tests). */
  readonly secrets?: SecretStore;
  /** Sync's network options (fetch, timeouts, backoff, authorize callback, background interval). */
  readonly sync?: SyncCoreOptions;
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

/** The stores behind the API, on an open database (tests and benchmarks use them directly). */
export interface Stores {
  readonly db: DatabaseSync;
  readonly posts: SqlitePostStore;
  readonly library: Library;
}

export function createStores(db: DatabaseSync, dataDir: string, options: { clock?: Clock; timeZone?: string } = {}): Stores {
  const clock = options.clock ?? monotonicClock();
  const zone = options.timeZone;
  if (zone !== undefined && zone !== libraryTimeZone(db)) {
    if (!isValidTimeZone(zone)) throw new Error(`Unknown time zone ${JSON.stringify(zone)}`);
    transaction(db, () => setLibraryTimeZone(db, zone));
  }
  return { db, posts: new SqlitePostStore(db, clock), library: new Library(db, dataDir, clock) };
}

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const { posts, library } = createStores(db, options.dataDir, options);
  const postChanges = new Emitter<PostChangeEvent>();
  const libraryChanges = new Emitter<LibraryChangeEvent>();
  const commands = new Emitter<AppCommandEvent>();
  const preferenceChanges = new Emitter<Preferences>();
  const preferences = options.preferences ?? jsonFilePreferences(join(options.dataDir, 'preferences.json'));
  const sync = createSyncService(db, options.dataDir, options.clock ?? monotonicClock(), postChanges, libraryChanges, { ...options.sync, ...(options.secrets ? { secrets: options.secrets } : {}) });
  const api: BlogApi = {
    ...createPostsApi(posts, postChanges),
    ...createDocumentsApi(posts, postChanges),
    ...createLibraryApi(library, posts, libraryChanges, postChanges),
    ...createPreferencesApi(preferences, preferenceChanges),
    ...createPreviewApi(posts, library, options.dataDir),
    ...createShellApi(commands),
    ...sync.api,
  };
  return {
    api,
    dataDir: options.dataDir,
    requestCommand: (event) => commands.fire(event),
    close() {
      sync.close();
      postChanges.dispose();
      libraryChanges.dispose();
      commands.dispose();
      preferenceChanges.dispose();
      if (db.isOpen) db.close();
    },
  };
}
