// Builds the bare-editor page with Vite and serves it on 127.0.0.1 (test/bench-only; never in the app).

import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

export interface BarePage {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveBarePage(): Promise<BarePage> {
  const outDir = mkdtempSync(join(tmpdir(), 'longhand-bare-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: join(here, 'bare'),
    base: './',
    build: { outDir, emptyOutDir: true, target: 'chrome130', modulePreload: { polyfill: false } },
  });
  const server = createServer((req, res) => {
    const path = resolve(outDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html');
    if (path !== outDir && !path.startsWith(outDir + sep)) return void res.writeHead(404).end();
    readFile(path === outDir ? join(outDir, 'index.html') : path).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/index.html`, close: () => new Promise((done) => server.close(() => done())) };
}
