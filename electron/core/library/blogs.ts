import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../common/errors.ts';
import type { Blog, BlogId, NewBlog } from '../../common/models.ts';
import { stmt } from '../storage/statements.ts';
import { isValidTimeZone } from './time.ts';
import { refileMonths } from './zones.ts';

/**
 * Blogs (accounts). Only what identifies an account and what it may do — never a password or token: those
 * live in the OS keychain, with the shell. One account per (url, user name).
 */
interface BlogRow {
  id: string;
  kind: 'wordpress';
  url: string;
  name: string;
  user_name: string;
  capabilities: string;
  time_zone: string | null;
  created_at: number;
}

export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new BlogError('invalid-argument', `${JSON.stringify(url)} is not a web address.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new BlogError('invalid-argument', `A blog's address must start with http:// or https:// (got ${JSON.stringify(url)}).`);
  }
  parsed.hash = '';
  parsed.search = '';
  return parsed.toString().replace(/\/+$/, '');
}

export function listBlogs(db: DatabaseSync): Blog[] {
  return (stmt(db, 'SELECT * FROM blogs ORDER BY created_at, id').all() as unknown as BlogRow[]).map(toBlog);
}

export function getBlog(db: DatabaseSync, id: BlogId): Blog {
  const row = stmt(db, 'SELECT * FROM blogs WHERE id = ?').get(id) as BlogRow | undefined;
  if (!row) throw new BlogError('not-found', `There is no blog with id ${JSON.stringify(id)}.`);
  return toBlog(row);
}

export function findBlogByUrl(db: DatabaseSync, url: string): Blog | null {
  const row = stmt(db, 'SELECT * FROM blogs WHERE url = ? ORDER BY created_at LIMIT 1').get(normalizeUrl(url)) as BlogRow | undefined;
  return row ? toBlog(row) : null;
}

/** Adds an account; adding the same url + user again returns the existing one (updated with what is new). */
export function addBlog(db: DatabaseSync, init: NewBlog & { id?: BlogId; createdAt?: number }, now: number): Blog {
  const url = normalizeUrl(init.url);
  const userName = init.userName ?? '';
  if (init.timeZone && !isValidTimeZone(init.timeZone)) throw new BlogError('invalid-argument', `Unknown time zone ${JSON.stringify(init.timeZone)}.`);
  const existing = stmt(db, 'SELECT * FROM blogs WHERE url = ? AND user_name = ?').get(url, userName) as BlogRow | undefined;
  if (existing) {
    const zone = init.timeZone === undefined ? existing.time_zone : init.timeZone;
    stmt(db, 'UPDATE blogs SET name = ?, capabilities = ?, time_zone = ? WHERE id = ?').run(
      init.name ?? existing.name,
      init.capabilities ? JSON.stringify(init.capabilities) : existing.capabilities,
      zone,
      existing.id,
    );
    if (zone !== existing.time_zone) refileMonths(db, existing.id);
    return getBlog(db, existing.id);
  }
  const id = init.id ?? randomUUID();
  stmt(
    db,
    `INSERT INTO blogs (id, kind, url, name, user_name, capabilities, time_zone, created_at) VALUES (?, 'wordpress', ?, ?, ?, ?, ?, ?)`,
  ).run(id, url, init.name ?? '', userName, JSON.stringify(init.capabilities ?? {}), init.timeZone ?? null, init.createdAt ?? now);
  return getBlog(db, id);
}

function toBlog(row: BlogRow): Blog {
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    name: row.name,
    userName: row.user_name,
    capabilities: JSON.parse(row.capabilities) as Record<string, boolean>,
    timeZone: row.time_zone,
    createdAt: row.created_at,
  };
}
