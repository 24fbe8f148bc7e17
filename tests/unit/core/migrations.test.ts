import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, test } from 'vitest';
import { DATABASE_FILE, createCore } from '../../../electron/core/core.ts';
import { APPLICATION_ID, openDatabase } from '../../../electron/core/storage/database.ts';
import { LATEST_VERSION, MIGRATIONS, currentVersion } from '../../../electron/core/storage/migrations/index.ts';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'longhand-mig-')), DATABASE_FILE);

describe('schema migrations', () => {
  test('an empty file is migrated to the latest schema, each migration recorded once', () => {
    const path = tempDb();
    const db = openDatabase(path);
    expect(currentVersion(db)).toBe(LATEST_VERSION);
    const rows = db.prepare('SELECT version, name FROM schema_version ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    // Opening again applies nothing new.
    const again = openDatabase(path);
    expect((again.prepare('SELECT count(*) AS n FROM schema_version').get() as { n: number }).n).toBe(MIGRATIONS.length);
    again.close();
  });

  test('a database left by the previous schema is upgraded with its posts intact', async () => {
    const path = tempDb();
    const old = openDatabase(path, { targetVersion: 1 });
    expect(currentVersion(old)).toBe(1);
    old.prepare(`INSERT INTO posts (id, title, html, created_at, modified_at) VALUES ('p1', 'Gammal', '<p>Från <b>förr</b> – 🙂</p>', 1, 2)`).run();
    old.close();

    const core = createCore({ dataDir: join(path, '..') });
    const post = await core.api.getPost('p1');
    expect(post).toMatchObject({ title: 'Gammal', html: '<p>Från <b>förr</b> – 🙂</p>', modifiedAt: 2 });
    expect((await core.api.listPosts())[0]?.snippet).toBe('Från förr – 🙂');
    core.close();
  });

  test('a database from a newer Longhand is refused, not migrated down', () => {
    const path = tempDb();
    const db = openDatabase(path);
    db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_VERSION + 1, 'from the future', 0);
    db.close();
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'database-too-new' }));
    const check = new DatabaseSync(path);
    expect(currentVersion(check)).toBe(LATEST_VERSION + 1);
    check.close();
  });

  test('a foreign SQLite database and a file that is not a database are refused and left untouched', () => {
    const foreign = tempDb();
    const other = new DatabaseSync(foreign);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(() => openDatabase(foreign)).toThrow(expect.objectContaining({ code: 'not-a-longhand-database' }));
    const check = new DatabaseSync(foreign);
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([{ name: 'notes' }]);
    check.close();

    const garbage = tempDb();
    writeFileSync(garbage, 'det här är ingen databas, bara text '.repeat(200));
    expect(() => openDatabase(garbage)).toThrow(expect.objectContaining({ code: 'storage' }));
  });

  test('our databases carry the Longhand application id', () => {
    const db = openDatabase(tempDb());
    expect(db.prepare('PRAGMA application_id').get()).toEqual({ application_id: APPLICATION_ID });
    db.close();
  });
});
