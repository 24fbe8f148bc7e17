import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../../common/errors.ts';
import { migration001 } from './001-posts.ts';
import { migration002 } from './002-post-snippets.ts';
import { migration003 } from './003-library.ts';
import { migration004 } from './004-terms.ts';
import { migration005 } from './005-revisions.ts';
import { migration006 } from './006-search.ts';
import { migration007 } from './007-sync-outbox.ts';
import { migration008 } from './008-sync-state.ts';
import { migration009 } from './009-title-sort.ts';

/**
 * A schema change: numbered, applied once, in its own transaction together with its row in
 * `schema_version`. Never edit a migration that has shipped; add the next number.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: DatabaseSync): void;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];

export const LATEST_VERSION = MIGRATIONS.length;

export function currentVersion(db: DatabaseSync): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

export function migrate(db: DatabaseSync, target: number = LATEST_VERSION): number {
  const from = currentVersion(db);
  if (from > LATEST_VERSION) {
    throw new BlogError(
      'database-too-new',
      `This library was written by a newer Longhand (schema ${from}; this version knows up to ${LATEST_VERSION}). Update Longhand to open it; nothing was changed.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= from || migration.version > target) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new BlogError('storage', `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
    }
  }
  return currentVersion(db);
}
