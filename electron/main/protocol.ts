import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security.ts';

/**
 * The renderer is served from `app://longhand/…` rather than file://: a real origin (so CSP 'self' means
 * something, and file:// pages can't read the disk), and a single place that decides what may be loaded.
 */
export const APP_SCHEME = 'app';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * Maps an app:// URL to a file under `root`, or null. Refuses other hosts and anything that would escape
 * the root (`..`, encoded or not).
 */
export function resolveAppFile(url: string, root: string): { path: string; mime: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'longhand') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = resolve(root);
  const path = resolve(base, relative);
  if (path !== base && !path.startsWith(base + sep)) return null;
  const mime = MIME[extname(path).toLowerCase()];
  if (!mime) return null;
  return { path, mime };
}

/** The protocol handler: a Response for every request, never an exception. */
export async function serveAppRequest(url: string, root: string): Promise<Response> {
  const file = resolveAppFile(url, root);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file.path);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': file.mime,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
