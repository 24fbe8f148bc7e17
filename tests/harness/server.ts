import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { EVENT_NAMES } from '../../electron/common/ipc/contract.ts';
import { createDispatcher, type Dispatcher } from '../../electron/common/ipc/dispatcher.ts';
import { type Core, createCore } from '../../electron/core/core.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.ts';
import { API_PATH, EVENTS_PATH } from './http-transport.ts';

/**
 * The test harness: a Node process that hosts core on a data dir, serves the built renderer, and carries
 * BlogApi over HTTP + server-sent events, so Playwright drives the real UI on real storage in Chromium.
 * Test-only; never shipped.
 *
 *   node tests/harness/server.ts --data-dir DIR [--port 0]
 *
 * Prints `HARNESS_URL=http://127.0.0.1:PORT` on stdout when ready. SIGTERM closes the database cleanly;
 * SIGKILL is fine too (that's what the durability tests do).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const CLIENT_PATH = '/__harness/client.js';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string', default: join(root, 'dist', 'renderer') },
  },
});
const dataDir = values['data-dir'];
if (!dataDir) {
  console.error('usage: node tests/harness/server.ts --data-dir DIR [--port N]');
  process.exit(2);
}
const rendererDir = resolve(values.renderer);
const AUTHORIZE_PATH = '/__authorize';
const clientBundle = await buildClient();
// Core starts once the port is known: WordPress' authorize page sends the browser back to this server.
let core: Core;
let dispatcher: Dispatcher;

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  });
});

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://harness');
  if (req.method === 'POST' && url.pathname.startsWith(API_PATH)) {
    const method = decodeURIComponent(url.pathname.slice(API_PATH.length));
    let args: unknown;
    try {
      args = JSON.parse(await readBody(req));
    } catch {
      args = undefined; // the dispatcher answers "arguments must be an array"
    }
    const envelope = await dispatcher.invoke(method, args);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(envelope));
    return;
  }
  if (req.method === 'GET' && url.pathname === EVENTS_PATH) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const disposers = EVENT_NAMES.map((event) =>
      dispatcher.subscribe(event, (payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    req.on('close', () => disposers.forEach((dispose) => dispose()));
    return;
  }
  if (req.method === 'GET' && url.pathname === AUTHORIZE_PATH) {
    // Plays the longhand:// protocol handler of the app: hand the callback to core, tell the browser it's done.
    const result = await dispatcher.invoke('completeAuthorization', [url.href]);
    res.writeHead(result.ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(result.ok ? '<p>Longhand är ansluten. Du kan stänga fliken.</p>' : `<p>${escapeHtml(result.error.message)}</p>`);
    return;
  }
  if (req.method === 'GET' && url.pathname === CLIENT_PATH) {
    res.writeHead(200, { 'content-type': MIME['.js']! });
    res.end(clientBundle);
    return;
  }
  if (req.method === 'GET') return serveStatic(url.pathname, res);
  res.writeHead(405).end();
}

async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const path = resolve(rendererDir, relative);
  if (path !== rendererDir && !path.startsWith(rendererDir + sep)) {
    res.writeHead(404).end();
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    res.writeHead(404).end();
    return;
  }
  const mime = MIME[extname(path)] ?? 'application/octet-stream';
  if (extname(path) === '.html') {
    // The harness client takes the preload's place: it must run before the renderer's module script.
    const html = body.toString('utf8').replace('<script', `<script src="${CLIENT_PATH}"></script>\n    <script`);
    res.writeHead(200, { 'content-type': mime, 'content-security-policy': CONTENT_SECURITY_POLICY });
    res.end(html);
    return;
  }
  res.writeHead(200, { 'content-type': mime });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function buildClient(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(root, 'tests', 'harness', 'client.ts'), formats: ['iife'], name: 'LonghandHarness' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if ('output' in output) {
      const chunk = output.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('harness client bundle was not built');
}

const shutdown = () => {
  server.close();
  core?.close();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  core = createCore({ dataDir, sync: { authorizeCallbackUrl: `${origin}${AUTHORIZE_PATH}` } });
  dispatcher = createDispatcher(core.api);
  process.stdout.write(`HARNESS_URL=${origin}\n`);
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
