// The real-WordPress fixture (tests/fixtures/wordpress/*.sh) for integration tests.
//
//   const wp = await requireWordPress();  // in beforeAll; null = skip (never under CI=true)
//   beforeEach((ctx) => ctx.skip(wp === null, 'no WordPress fixture'));
//   afterEach(() => resetWordPress(wp!)); // back to an empty blog in ~0.1 s
//
// One instance per port (WP_PORT, default 8089), shared by every test file: starting is
// idempotent and cheap when it is already up, so each file just calls startWordPress().
// The scripts' stdout is KEY=VALUE lines only; their stderr is progress, kept for errors.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface WpEnv {
  /** Site root, `http://127.0.0.1:PORT` (no trailing slash). Use it, not `localhost`: php -S is IPv4-only. */
  url: string;
  /** REST root with trailing slash, `http://127.0.0.1:PORT/wp-json/`. */
  restUrl: string;
  xmlrpcUrl: string;
  /** Administrator login. */
  user: string;
  /** Application Password (24 alphanumerics): the only password the REST API accepts. */
  appPassword: string;
  /** Login password: XML-RPC and wp-login accept it, REST answers 401. */
  password: string;
  port: number;
  /** `/tmp/longhand-wp-PORT`: logs in `log/`, WordPress in `wordpress/`. */
  stateDir: string;
  /** MariaDB unix socket (`mariadb --no-defaults --socket=… -uroot wordpress`). */
  dbSocket: string;
  /** WordPress version, e.g. `6.1.9`. */
  version: string;
}

export interface WpOptions {
  /** Default: $WP_PORT, else 8089. */
  port?: number;
}

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/wordpress/', import.meta.url));
// A cold start may install Debian packages (~30 s) or wait for another apt to finish.
const START_TIMEOUT_MS = 15 * 60_000;

function portOf(options: WpOptions): number {
  const port = options.port ?? Number(process.env.WP_PORT ?? 8089);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`bad WordPress fixture port: ${port}`);
  return port;
}

/** Runs a fixture script; resolves with its stdout, rejects with its exit code and stderr tail. */
function runScript(script: string, args: string[], port: number, timeout = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [FIXTURE_DIR + script, ...args],
      { env: { ...process.env, WP_PORT: String(port) }, timeout, maxBuffer: 16 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const tail = stderr.trim().split('\n').slice(-15).join('\n');
        const status = error.code ?? error.signal ?? error.message;
        reject(new Error(`${[script, ...args].join(' ')} failed (${status}):\n${tail}`, { cause: error }));
      },
    );
  });
}

/** Parses start.sh's stdout (or its `env` file): KEY=VALUE lines, values unquoted. */
export function parseWpEnv(text: string): WpEnv {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) vars.set(line.slice(0, eq), line.slice(eq + 1));
  }
  const get = (key: string): string => {
    const value = vars.get(key);
    if (!value) throw new Error(`WordPress fixture env lacks ${key}; got:\n${text}`);
    return value;
  };
  return {
    url: get('WP_URL'),
    restUrl: get('WP_REST_URL'),
    xmlrpcUrl: get('WP_XMLRPC_URL'),
    user: get('WP_USER'),
    appPassword: get('WP_APP_PASSWORD'),
    password: get('WP_PASSWORD'),
    port: Number(get('WP_PORT')),
    stateDir: get('WP_STATE_DIR'),
    dbSocket: get('WP_DB_SOCKET'),
    version: get('WP_VERSION'),
  };
}

/**
 * Starts the fixture (installing Debian packages on first use when root) or, when it is
 * already up, just reads its env. After stopWordPress() it restarts only php -S (<1 s).
 */
export async function startWordPress(options: WpOptions = {}): Promise<WpEnv> {
  return parseWpEnv(await runScript('start.sh', [], portOf(options), START_TIMEOUT_MS));
}

/** Back to the just-installed state: no posts/pages/media/comments, same credentials, ids restart. */
export async function resetWordPress(env: WpEnv): Promise<void> {
  await runScript('reset.sh', [], env.port);
}

/**
 * Stops php -S only: WordPress becomes unreachable (connection refused) while the database
 * keeps its content, for offline tests. resumeWordPress() brings it back.
 */
export async function stopWordPress(env: WpEnv): Promise<void> {
  await runScript('stop.sh', ['--php'], env.port);
}

/** Restarts what stopWordPress() stopped; same URL and credentials. */
export function resumeWordPress(env: WpEnv): Promise<WpEnv> {
  return startWordPress({ port: env.port });
}

/**
 * The suite policy: start the fixture; if that fails, under CI (`CI=true`) throw so the
 * run fails loudly, elsewhere print why and return null so the caller skips its tests.
 */
export async function requireWordPress(options: WpOptions = {}): Promise<WpEnv | null> {
  try {
    return await startWordPress(options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true') {
      throw new Error(`CI=true: the real-WordPress fixture must start, and it did not.\n${reason}`, { cause: error });
    }
    console.warn(`[wp-fixture] WordPress integration tests will be skipped (not CI): ${reason}`);
    return null;
  }
}

/** `Authorization` header value for the REST API (Basic with the Application Password). */
export function basicAuth(env: WpEnv, password = env.appPassword): string {
  return `Basic ${Buffer.from(`${env.user}:${password}`, 'utf8').toString('base64')}`;
}
