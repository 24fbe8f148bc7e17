import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../common/errors.ts';
import { migrate } from './migrations/index.ts';

/**
 * Marks a SQLite file as ours (`PRAGMA application_id`, "LNGH"): a foreign database is refused instead of
 * being "migrated" into a Longhand one.
 */
export const APPLICATION_ID = 0x4c4e4748;

export interface OpenOptions {
  /** Stop after this schema version (tests use it to build a database as an older app left it). */
  readonly targetVersion?: number;
}

/**
 * Opens (or creates) the library database and brings its schema up to date.
 *
 * Durability: WAL with synchronous=FULL, so a commit that returned is on disk even if the process is killed
 * or the machine loses power right after. Every write goes through `transaction()`.
 */
export function openDatabase(path: string, options: OpenOptions = {}): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
  } catch (error) {
    throw new BlogError('storage', `Cannot open the library at ${path}: ${(error as Error).message}`);
  }
  try {
    checkOwnership(db, path);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    migrate(db, options.targetVersion);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof BlogError) throw error;
    throw new BlogError('storage', `The library at ${path} cannot be used: ${(error as Error).message}`);
  }
}

function checkOwnership(db: DatabaseSync, path: string): void {
  // Reading the header is what fails on a file that is not SQLite at all ("file is not a database").
  const { application_id: appId } = db.prepare('PRAGMA application_id').get() as { application_id: number };
  const { n: tables } = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  if (appId === APPLICATION_ID) return;
  if (appId === 0 && tables === 0) {
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    return;
  }
  throw new BlogError('not-a-longhand-database', `${path} is a database of another program, not a Longhand library; it was left untouched.`);
}

/**
 * Runs `fn` in one transaction (BEGIN IMMEDIATE: the write lock is taken up front, so two writers never
 * deadlock half-way). Commits if it returns, rolls back if it throws. Side effects (events, network) belong
 * after this returns, never inside: "commit first, then side effects".
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
