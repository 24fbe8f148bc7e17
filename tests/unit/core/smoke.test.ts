import { DatabaseSync } from 'node:sqlite';
import { expect, test } from 'vitest';

test('node:sqlite with FTS5 is available', () => {
  const db = new DatabaseSync(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61')");
  db.prepare('INSERT INTO t(body) VALUES (?)').run('Sårbarhet är en styrka');
  const row = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?').get('sårbarhet') as { n: number };
  expect(row.n).toBe(1);
});
