import type { DatabaseSync } from 'node:sqlite';
import { stmt } from '../storage/statements.ts';
import { machineTimeZone, monthKey } from './time.ts';

/**
 * Which wall clock files a post under a month: its blog's time zone, or the library's (settings.time_zone,
 * fixed when the library was created, so that moving the laptop does not reshuffle the archive).
 */
export function libraryTimeZone(db: DatabaseSync): string {
  const row = stmt(db, `SELECT value FROM settings WHERE key = 'time_zone'`).get() as { value: string } | undefined;
  return row?.value ?? machineTimeZone();
}

export function timeZoneOf(db: DatabaseSync, blogId: string | null): string {
  if (blogId !== null) {
    const row = stmt(db, 'SELECT time_zone FROM blogs WHERE id = ?').get(blogId) as { time_zone: string | null } | undefined;
    if (row?.time_zone) return row.time_zone;
  }
  return libraryTimeZone(db);
}

/**
 * Recomputes archive months after a zone changed (library or one blog). Call inside a transaction.
 * `blogId` undefined: the posts that follow the library zone (unassigned, or of blogs without their own zone).
 */
export function refileMonths(db: DatabaseSync, blogId?: string): void {
  const rows = (
    blogId === undefined
      ? stmt(
          db,
          `SELECT p.pk, p.sort_date, p.blog_id FROM posts p LEFT JOIN blogs b ON b.id = p.blog_id WHERE b.time_zone IS NULL`,
        ).all()
      : stmt(db, 'SELECT pk, sort_date, blog_id FROM posts WHERE blog_id = ?').all(blogId)
  ) as { pk: number; sort_date: number; blog_id: string | null }[];
  const update = stmt(db, 'UPDATE posts SET archive_month = ? WHERE pk = ? AND archive_month != ?');
  for (const row of rows) {
    const month = monthKey(row.sort_date, timeZoneOf(db, row.blog_id));
    update.run(month, row.pk, month);
  }
}

export function setLibraryTimeZone(db: DatabaseSync, zone: string): void {
  stmt(db, `INSERT INTO settings (key, value) VALUES ('time_zone', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(zone);
  refileMonths(db);
}
