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
 * after this returns, never inside: "commit first, then side effects". A failure of SQLite itself (disk full,
 * I/O error, corruption) comes out as a `storage` BlogError saying that nothing was saved. Called inside
 * another transaction, `fn` simply joins it.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  // Nested call (a store method used inside an import's batch): part of the outer transaction, which
  // commits or rolls back the whole.
  if (db.isTransaction) return fn();
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    throw storageError(error);
  }
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // After SQLITE_FULL or an I/O error SQLite may already have rolled back; a second ROLLBACK would throw
    // "no transaction is active" and hide the real cause.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw storageError(error);
  }
}

/** SQLite's primary result codes we explain to people (the rest keep SQLite's own words). */
const SQLITE_FULL = 13;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_READONLY = 8;
const SQLITE_BUSY = 5;
const SQLITE_CONSTRAINT = 19;

/** Leaves BlogErrors and programming errors alone; turns SQLite's errors into `storage` BlogErrors. */
export function storageError(error: unknown): unknown {
  if (error instanceof BlogError) return error;
  const sqlite = error as { code?: string; errcode?: number; message?: string };
  if (sqlite?.code !== 'ERR_SQLITE_ERROR' || typeof sqlite.errcode !== 'number') return error;
  const primary = sqlite.errcode & 0xff;
  const why =
    primary === SQLITE_FULL
      ? 'The disk is full (or the library reached its size limit)'
      : primary === SQLITE_IOERR
        ? 'The disk could not be read or written'
        : primary === SQLITE_CORRUPT
          ? 'The library file is damaged'
          : primary === SQLITE_READONLY
            ? 'The library file is read-only'
            : primary === SQLITE_BUSY
              ? 'Another program holds the library locked'
              : primary === SQLITE_CONSTRAINT
                ? 'The change breaks a rule of the library'
                : 'The library could not be written';
  return new BlogError('storage', `${why}; nothing was saved. (${sqlite.message ?? 'SQLite error'})`);
}
