import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { BlogApi } from '../common/api.ts';
import { APP_COMMANDS } from '../common/commands.ts';
import { Emitter } from '../common/events.ts';
import type { AppCommandEvent, PostChangeEvent } from '../common/models.ts';
import { type Clock, type PostStore, SqlitePostStore, toSummary } from './posts/post-store.ts';
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
  const posts = new SqlitePostStore(db, options.clock);
  const postChanges = new Emitter<PostChangeEvent>();
  const commands = new Emitter<AppCommandEvent>();
  return {
    api: createCoreApi(posts, postChanges, commands),
    dataDir: options.dataDir,
    requestCommand: (event) => commands.fire(event),
    close: () => closeAll(db, postChanges, commands),
  };
}

function closeAll(db: DatabaseSync, ...emitters: { dispose(): void }[]): void {
  for (const emitter of emitters) emitter.dispose();
  if (db.isOpen) db.close();
}

/**
 * BlogApi over the stores. Storage calls are synchronous (node:sqlite); they are wrapped in async functions so
 * a thrown BlogError becomes a rejected promise, as the contract says. Events fire after the commit.
 */
function createCoreApi(posts: PostStore, postChanges: Emitter<PostChangeEvent>, commands: Emitter<AppCommandEvent>): BlogApi {
  return {
    listPosts: async (query) => posts.list(query),
    getPost: async (id) => posts.get(id),
    createPost: async (init) => {
      const post = posts.create(init);
      postChanges.fire({ kind: 'created', post: toSummary(post) });
      return post;
    },
    savePost: async (id, patch) => {
      const post = posts.save(id, patch);
      postChanges.fire({ kind: 'saved', post: toSummary(post) });
      return post;
    },
    deletePost: async (id) => {
      posts.delete(id);
      postChanges.fire({ kind: 'deleted', id });
    },
    listCommands: async () => APP_COMMANDS.map((command) => ({ ...command })),
    onDidChangePost: postChanges.event,
    onDidRequestCommand: commands.event,
  };
}
