// A fault-injecting HTTP proxy on 127.0.0.1 in front of the WordPress fixture, for the exactly-once soak.
//
//   const proxy = await startFaultProxy({ target: wp.url, seed: 42 });
//   proxy.setMode('random');           // or a fixed mode, or proxy.script(['drop', 'pass'])
//   new WordPressAdapter({ restRoot: `${proxy.url}/wp-json/`, … })
//
// Modes, and whether WordPress acted on the request (the `upstream` column is what the soak relies on):
//   pass     forwarded, answer relayed                                  upstream: yes
//   drop     forwarded, WordPress answered, the client's socket is reset upstream: yes  (lost response)
//   reset    the client's socket is reset before anything goes upstream   upstream: no
//   stall    forwarded, the answer is withheld until the client gives up  upstream: yes  (client timeout)
//   http500  500 to the client; by default after WordPress handled it     upstream: yes (option upstreamOn500)
//   http429  429 with Retry-After, as a rate limiter in front would       upstream: no
// The request body is read in full before any mode acts, so `reset` never races a half-sent body.
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULT_MODES = ['pass', 'drop', 'reset', 'stall', 'http500', 'http429'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultProxyOptions {
  /** WordPress, e.g. `http://127.0.0.1:8089`. */
  readonly target: string;
  /** Seed of the random mode chooser: the same seed gives the same sequence of modes. */
  readonly seed?: number;
  /** Relative weights for `random` (default: pass 5, every fault 1). */
  readonly weights?: Partial<Record<FaultMode, number>>;
  /** Which requests may be faulted (default all); the others always pass and are not drawn for. */
  readonly faultable?: (method: string, path: string) => boolean;
  readonly retryAfterSeconds?: number;
  /** Longest a stalled answer is held before the proxy gives up itself (default 60 s). */
  readonly maxStallMs?: number;
  /** http500: let WordPress handle the request first (default true, the harder case). */
  readonly upstreamOn500?: boolean;
}

export interface FaultEvent {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly mode: FaultMode;
  /** WordPress' status when the request went upstream, else null. */
  readonly upstreamStatus: number | null;
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT` (no trailing slash), like WpEnv.url. */
  readonly url: string;
  readonly port: number;
  /** Requests per mode, and how many reached WordPress. */
  readonly counters: Record<FaultMode, number> & { requests: number; upstream: number };
  /** The last 10,000 requests, oldest first. */
  readonly events: readonly FaultEvent[];
  /** A fixed mode for every faultable request, or `random` (seeded). */
  setMode(mode: FaultMode | 'random'): void;
  /** The next faultable requests take these modes in order, then the mode set by setMode applies again. */
  script(modes: readonly FaultMode[]): void;
  close(): Promise<void>;
}

import { seeded as seededRandom } from '../../support/seeded.ts';

export { seededRandom };

export function modeChooser(seed: number, weights: Partial<Record<FaultMode, number>> = {}): () => FaultMode {
  const random = seededRandom(seed);
  const table = FAULT_MODES.map((mode) => [mode, weights[mode] ?? (mode === 'pass' ? 5 : 1)] as const).filter(([, w]) => w > 0);
  const sum = table.reduce((total, [, w]) => total + w, 0);
  return () => {
    let r = random() * sum;
    for (const [mode, w] of table) {
      r -= w;
      if (r < 0) return mode;
    }
    return table[table.length - 1]![0];
  };
}

// Hop-by-hop headers are the proxy's business, not something to relay.
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'expect']);

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const choose = modeChooser(options.seed ?? 1, options.weights);
  const faultable = options.faultable ?? (() => true);
  const counters = Object.assign(Object.fromEntries(FAULT_MODES.map((m) => [m, 0])) as Record<FaultMode, number>, { requests: 0, upstream: 0 });
  const events: FaultEvent[] = [];
  const sockets = new Set<Socket>();
  let fixed: FaultMode | 'random' = 'pass';
  const queue: FaultMode[] = [];

  const nextMode = (method: string, path: string): FaultMode => {
    if (!faultable(method, path)) return 'pass';
    return queue.shift() ?? (fixed === 'random' ? choose() : fixed);
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP.has(k)) headers[k] = v;
      headers.host = target.host;
      headers['content-length'] = String(body.length);
      const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !HOP.has(k) && k !== 'content-length') out[k] = v;
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const mode = nextMode(method, path);
    const seq = ++counters.requests;
    counters[mode] += 1;
    const log = (upstreamStatus: number | null): void => {
      events.push({ seq, method, path, mode, upstreamStatus });
      if (events.length > 10_000) events.shift();
    };

    if (mode === 'reset') {
      log(null);
      req.socket.resetAndDestroy();
      return;
    }
    if (mode === 'http429') {
      log(null);
      res.writeHead(429, { 'Content-Type': 'application/json; charset=UTF-8', 'Retry-After': String(options.retryAfterSeconds ?? 1) });
      res.end(JSON.stringify({ code: 'too_many_requests', message: 'Slow down (fault proxy).', data: { status: 429 } }));
      return;
    }
    if (mode === 'http500' && options.upstreamOn500 === false) {
      log(null);
      res.writeHead(500, { 'Content-Type': 'text/html; charset=UTF-8' });
      res.end('<h1>Internal Server Error</h1>');
      return;
    }

    let answer: Awaited<ReturnType<typeof forward>>;
    try {
      answer = await forward(req, body);
    } catch (error) {
      log(null);
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`fault proxy: upstream failed: ${String(error)}`);
      return;
    }
    counters.upstream += 1;
    log(answer.status);
    if (mode === 'drop') {
      req.socket.resetAndDestroy();
      return;
    }
    if (mode === 'stall') {
      // Hold the answer until the client gives up (its timeout closes the socket), or our own limit.
      const timer = setTimeout(() => req.socket.destroy(), options.maxStallMs ?? 60_000);
      req.socket.once('close', () => clearTimeout(timer));
      return;
    }
    if (mode === 'http500') {
      // What a gateway or a PHP fatal after the commit looks like: the work is done, the answer says otherwise.
      res.writeHead(500, { 'Content-Type': 'text/html; charset=UTF-8' });
      res.end('<h1>Internal Server Error</h1>');
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502).end(`fault proxy: ${String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counters,
    events,
    setMode(mode) {
      fixed = mode;
    },
    script(modes) {
      queue.push(...modes);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
