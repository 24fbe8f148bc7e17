/**
 * Every failure of a blog request, classified in ONE place, so the outbox worker never guesses.
 *
 *   kind          cause                                      action                     outcome of a write
 *   network       offline, DNS, refused, reset, socket closed  retry (backoff)            unknown once bytes left
 *   timeout       our deadline passed                          retry (backoff)            unknown
 *   server        5xx                                          retry (backoff or a 503's  unknown (it may have
 *                                                              Retry-After)               committed first)
 *   bad-response  2xx that is not the JSON we expect           retry (backoff)            unknown
 *   rate-limited  429                                          retry after Retry-After    not done
 *   auth          401, 403 (and WordPress' 400 that means one) stop the blog's queue, re-authenticate
 *   rejected      400, 404, 409, 410, other 4xx                fail that entry with the server's message
 *   tls           certificate problem                          stop the blog's queue, tell the user
 *   cancelled     our own AbortSignal (app quitting, user)     retry on the next sync     unknown
 *
 * "Outcome unknown" matters for creates: before retrying one, look the post up (by client key) and adopt it.
 * Every message here has passed through redactText(): errors can be logged and shown as they are.
 */
import { redactText, type SecretLike } from '../secrets/redact.ts';

export type SyncErrorKind =
  | 'network'
  | 'timeout'
  | 'server'
  | 'bad-response'
  | 'rate-limited'
  | 'auth'
  | 'rejected'
  | 'tls'
  | 'cancelled';

export type SyncAction = 'retry' | 'reauthenticate' | 'fail-entry' | 'stop';

export interface SyncErrorInit {
  readonly kind: SyncErrorKind;
  /** For people; already redacted. */
  readonly message: string;
  readonly status?: number;
  /** The server's machine-readable code, e.g. `rest_post_invalid_id`, or the socket error code (`ECONNRESET`). */
  readonly code?: string;
  /** The server's own message (WordPress' `message`), shown to the user for rejected entries. */
  readonly serverMessage?: string;
  readonly retryAfterMs?: number;
  /** True when the server may have acted on the request (see the table above). */
  readonly outcomeUnknown: boolean;
  readonly method?: string;
  /** Redacted. */
  readonly url?: string;
  /** WordPress' `data` object of an error response (e.g. `{ status: 400, term_id: 5 }` for term_exists). */
  readonly data?: Readonly<Record<string, unknown>>;
}

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly serverMessage: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly outcomeUnknown: boolean;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly data: Readonly<Record<string, unknown>> | undefined;

  constructor(init: SyncErrorInit) {
    super(init.message);
    this.name = 'SyncError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.outcomeUnknown = init.outcomeUnknown;
    this.method = init.method;
    this.url = init.url;
    this.data = init.data;
  }

  /** What the outbox worker does next. */
  get action(): SyncAction {
    return actionFor(this.kind);
  }

  get retryable(): boolean {
    return this.action === 'retry';
  }
}

// A Record, so that a new kind cannot be added without deciding what to do about it.
const ACTIONS: Readonly<Record<SyncErrorKind, SyncAction>> = {
  network: 'retry',
  timeout: 'retry',
  server: 'retry',
  'bad-response': 'retry',
  'rate-limited': 'retry',
  cancelled: 'retry',
  auth: 'reauthenticate',
  rejected: 'fail-entry',
  tls: 'stop',
};

export function actionFor(kind: SyncErrorKind): SyncAction {
  return ACTIONS[kind];
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}

/** The request an error belongs to; `secrets` are scrubbed from everything the error says. */
export interface RequestContext {
  readonly method: string;
  readonly url: string;
  readonly secrets?: readonly SecretLike[];
}

// Socket errors where the request cannot have reached the server: a retry can never duplicate anything.
const NOT_SENT = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
const CONNECT_TIMEOUT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
/** `code` of a connection that died during the TLS handshake (Node reports it as a plain ECONNRESET). */
export const TLS_HANDSHAKE_FAILED = 'TLS_HANDSHAKE_FAILED';
// Node's TLS errors and OpenSSL's certificate verification codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED…).
const TLS_CODE = /CERT|SSL|TLS|CRL|SIGNATURE|^EPROTO$|^UNABLE_TO_|^INVALID_(CA|PURPOSE)$|^PATH_LENGTH_EXCEEDED$|^HOSTNAME_MISMATCH$/i;

/** A thrown fetch error (never an HTTP status) to a SyncError. */
export function classifyFetchError(error: unknown, context: RequestContext): SyncError {
  if (error instanceof SyncError) return error;
  const base = { method: context.method, url: redactText(context.url, context.secrets) };
  const say = (text: string): string => redactText(`${context.method} ${base.url}: ${text}`, context.secrets);
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') {
    return new SyncError({ ...base, kind: 'timeout', code: 'timeout', outcomeUnknown: true, message: say('no answer in time') });
  }
  if (name === 'AbortError') {
    return new SyncError({ ...base, kind: 'cancelled', code: 'aborted', outcomeUnknown: true, message: say('cancelled') });
  }
  const code = socketCode(error);
  const detail = describeCause(error);
  if (code && TLS_CODE.test(code)) {
    return new SyncError({ ...base, kind: 'tls', code, outcomeUnknown: false, message: say(`TLS problem (${code}): ${detail}`) });
  }
  if (code && CONNECT_TIMEOUT.has(code)) {
    return new SyncError({ ...base, kind: 'timeout', code, outcomeUnknown: false, message: say(`could not connect in time (${code})`) });
  }
  if (/before secure TLS connection|TLS handshake/i.test(detail)) {
    // The socket died during the handshake: nothing was sent. Often a plain-http server on an https address,
    // sometimes a flaky link, so it stays retryable; discovery reports it as a TLS problem.
    return new SyncError({ ...base, kind: 'network', code: TLS_HANDSHAKE_FAILED, outcomeUnknown: false, message: say(`secure connection failed (${code ?? 'handshake'}): ${detail}`) });
  }
  const sent = !(code && NOT_SENT.has(code));
  return new SyncError({
    ...base,
    kind: 'network',
    code: code ?? 'network',
    outcomeUnknown: sent,
    message: say(`${sent ? 'connection lost' : 'not reachable'} (${code ?? 'network error'}): ${detail}`),
  });
}

/** An HTTP error status (and its parsed body, if any) to a SyncError. `now` is for HTTP-date Retry-After. */
export function classifyStatus(
  status: number,
  body: unknown,
  headers: { get(name: string): string | null },
  context: RequestContext,
  now = Date.now(),
): SyncError {
  const url = redactText(context.url, context.secrets);
  const wp = wordpressError(body);
  const serverMessage = wp.message === undefined ? undefined : redactText(stripTags(wp.message), context.secrets);
  const shown = serverMessage ?? `HTTP ${status}`;
  const message = redactText(`${context.method} ${url}: ${shown}${wp.code ? ` (${wp.code})` : ''}`, context.secrets);
  const base = { status, code: wp.code, serverMessage, method: context.method, url, message, data: wp.data };
  // 429, and 503 from WordPress' maintenance mode (`Retry-After: 600` while plugins update), say when to come back.
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
  const after = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 429) return new SyncError({ ...base, ...after, kind: 'rate-limited', outcomeUnknown: false });
  if (status >= 500) return new SyncError({ ...base, ...after, kind: 'server', outcomeUnknown: true });
  if (status === 401 || status === 403 || deniedParameter(wp.data)) return new SyncError({ ...base, kind: 'auth', outcomeUnknown: false });
  return new SyncError({ ...base, kind: 'rejected', outcomeUnknown: false });
}

/** `Retry-After`: delta-seconds or an HTTP-date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface BackoffPolicy {
  /** The first retry waits about this long. */
  readonly baseMs: number;
  /** No single wait is longer (Retry-After has its own cap below). */
  readonly maxDelayMs: number;
  /** Give up after this many attempts in all (the first try counts): nothing retries forever. */
  readonly maxAttempts: number;
  /** A server asking for a longer pause than this is not waited for; the entry waits for the next sync. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxDelayMs: 60_000, maxAttempts: 8, maxRetryAfterMs: 10 * 60_000 };

/**
 * How long to wait before attempt `attempts + 1`, or null to stop retrying (not retryable, or out of attempts).
 * `attempts` is how many attempts have failed so far (1 after the first failure). Exponential with "equal jitter"
 * (half fixed, half random) so that many clients behind one proxy do not retry in lockstep yet never retry at once.
 */
export function retryDelay(error: SyncError, attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number | null {
  if (!error.retryable || attempts >= policy.maxAttempts) return null;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs > policy.maxRetryAfterMs ? null : error.retryAfterMs;
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * Math.min(1, Math.max(0, random())));
}

function wordpressError(body: unknown): { code?: string; message?: string; data?: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null) return {};
  const { code, message, data } = body as { code?: unknown; message?: unknown; data?: unknown };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof data === 'object' && data !== null ? { data: data as Record<string, unknown> } : {}),
  };
}

/**
 * WordPress validates parameters before permissions: asking for `status=draft` without a (valid) login is a 400
 * `rest_invalid_param` whose `data.details.status` is `rest_forbidden_status` with status 401. That is a login
 * problem, not a bad entry: the outbox must stop and ask to re-authenticate, not fail the row.
 */
function deniedParameter(data: Record<string, unknown> | undefined): boolean {
  const details = data?.details;
  if (typeof details !== 'object' || details === null) return false;
  return Object.values(details).some((detail) => {
    const status = (detail as { data?: { status?: unknown } } | null)?.data?.status;
    return status === 401 || status === 403;
  });
}

// WordPress messages sometimes carry markup (`<strong>Error</strong>: …`); the UI shows plain text.
function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').trim();
}

/** The socket-level code of a fetch failure: `TypeError('fetch failed', { cause })`, maybe an AggregateError. */
function socketCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.length > 0) {
      const codes = inner.map((x) => socketCode(x)).filter((x) => x !== undefined);
      if (codes[0] !== undefined) return codes[0];
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeCause(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof Error && e.message) parts.push(e.message);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(': ') || String(error);
}
