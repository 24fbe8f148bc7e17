import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Prepared statements, cached per connection and SQL text. Preparing costs more than running a small
 * statement, and a bulk import runs the same dozen statements a hundred thousand times.
 */
const caches = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

export function stmt(db: DatabaseSync, sql: string): StatementSync {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
