import { join } from 'node:path';
import type { BlogApi } from '../common/api.ts';
import { Emitter } from '../common/events.ts';
import type { AppCommandEvent, PostChangeEvent } from '../common/models.ts';
import { createPostsApi } from './api/posts-api.ts';
import { createShellApi } from './api/shell-api.ts';
import { type Clock, SqlitePostStore } from './posts/post-store.ts';
import { openDatabase } from './storage/database.ts';

export interface CoreOptions {
  /** Where the library lives (the app's user-data folder, or a temp dir in tests). */
  readonly dataDir: string;
  readonly clock?: Clock;
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
  const api: BlogApi = {
    ...createPostsApi(new SqlitePostStore(db, options.clock), postChanges),
    ...createShellApi(commands),
  };
  return {
    api,
    dataDir: options.dataDir,
    requestCommand: (event) => commands.fire(event),
    close() {
      postChanges.dispose();
      commands.dispose();
      if (db.isOpen) db.close();
    },
  };
}
