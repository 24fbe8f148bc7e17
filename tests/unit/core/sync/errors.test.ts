// Error classification and the backoff policy: the outbox worker's whole decision table, without a network.
import { describe, expect, test } from 'vitest';
import {
  classifyFetchError,
  classifyStatus,
  DEFAULT_BACKOFF,
  parseRetryAfter,
  retryDelay,
  type SyncError,
  type SyncErrorKind,
} from '../../../../electron/core/sync/errors.ts';

const context = { method: 'POST', url: 'https://blogg.example/wp-json/wp/v2/posts' };
const noHeaders = { get: () => null };
const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

/** What `fetch` throws when the socket fails: TypeError('fetch failed') with the socket error as its cause. */
function fetchFailed(code: string, message = `connect ${code} 203.0.113.5:443`): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

function status(code: number, body: unknown = {}, h: { get(name: string): string | null } = noHeaders): SyncError {
  return classifyStatus(code, body, h, context, Date.UTC(2026, 0, 1));
}

describe('classifying thrown fetch errors', () => {
  test.each([
    ['ECONNREFUSED', 'network', false],
    ['ENOTFOUND', 'network', false],
    ['EAI_AGAIN', 'network', false],
    ['ENETUNREACH', 'network', false],
    ['ECONNRESET', 'network', true],
    ['UND_ERR_SOCKET', 'network', true],
    ['EPIPE', 'network', true],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', false],
    ['CERT_HAS_EXPIRED', 'tls', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', false],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls', false],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', false],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', false],
  ] as const)('%s → %s (outcome unknown: %s)', (code, kind, outcomeUnknown) => {
    const error = classifyFetchError(fetchFailed(code), context);
    expect(error).toMatchObject({ kind, code, outcomeUnknown, method: 'POST' });
    expect(error.message).toContain(code);
  });

  test('a refused connection could not have created anything: retry without a look-up', () => {
    const error = classifyFetchError(fetchFailed('ECONNREFUSED'), context);
    expect(error).toMatchObject({ action: 'retry', retryable: true, outcomeUnknown: false });
  });

  test('the code is found inside an AggregateError (happy eyeballs tries several addresses)', () => {
    const inner = [Object.assign(new Error('v6'), { code: 'ENETUNREACH' }), Object.assign(new Error('v4'), { code: 'ECONNREFUSED' })];
    const error = classifyFetchError(new TypeError('fetch failed', { cause: new AggregateError(inner) }), context);
    expect(error).toMatchObject({ kind: 'network', code: 'ENETUNREACH', outcomeUnknown: false });
  });

  test('our deadline: timeout, outcome unknown; our own abort: cancelled', () => {
    expect(classifyFetchError(new DOMException('The operation timed out.', 'TimeoutError'), context)).toMatchObject({ kind: 'timeout', outcomeUnknown: true, retryable: true });
    expect(classifyFetchError(new DOMException('aborted', 'AbortError'), context)).toMatchObject({ kind: 'cancelled', retryable: true });
  });

  test('a reset during the TLS handshake: nothing was sent; discovery can tell it apart', () => {
    const error = classifyFetchError(fetchFailed('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established'), context);
    expect(error).toMatchObject({ kind: 'network', code: 'TLS_HANDSHAKE_FAILED', outcomeUnknown: false });
  });

  test('something unknown is treated as a lost connection: retry, outcome unknown', () => {
    expect(classifyFetchError(new Error('weird'), context)).toMatchObject({ kind: 'network', outcomeUnknown: true, retryable: true });
  });
});

describe('classifying HTTP statuses', () => {
  test.each([
    [400, 'rejected', 'fail-entry'],
    [404, 'rejected', 'fail-entry'],
    [409, 'rejected', 'fail-entry'],
    [410, 'rejected', 'fail-entry'],
    [413, 'rejected', 'fail-entry'],
    [401, 'auth', 'reauthenticate'],
    [403, 'auth', 'reauthenticate'],
    [429, 'rate-limited', 'retry'],
    [500, 'server', 'retry'],
    [502, 'server', 'retry'],
    [503, 'server', 'retry'],
    [504, 'server', 'retry'],
  ] as [number, SyncErrorKind, string][])('%i → %s, %s', (code, kind, action) => {
    const error = status(code);
    expect(error).toMatchObject({ kind, action, status: code });
    // A 5xx may have come after the server committed: a create must be looked up before it is retried.
    expect(error.outcomeUnknown).toBe(code >= 500);
  });

  test("the server's code and message are kept (markup stripped), for the user and for the engine", () => {
    const error = status(400, { code: 'rest_invalid_param', message: '<strong>Fel:</strong> Ogiltig parameter: status', data: { status: 400 } });
    expect(error).toMatchObject({ code: 'rest_invalid_param', serverMessage: 'Fel: Ogiltig parameter: status' });
    expect(error.message).toContain('Fel: Ogiltig parameter: status');
    const exists = status(400, { code: 'term_exists', message: 'A term with the name provided already exists.', data: { status: 400, term_id: 5 } });
    expect(exists.data).toEqual({ status: 400, term_id: 5 });
  });

  test("WordPress' 400 for a status the (anonymous) user may not see is an auth problem, not a bad entry", () => {
    const body = {
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): status',
      data: { status: 400, params: { status: 'Status is forbidden.' }, details: { status: { code: 'rest_forbidden_status', data: { status: 401 } } } },
    };
    expect(status(400, body)).toMatchObject({ kind: 'auth', action: 'reauthenticate' });
  });

  test('429 carries Retry-After, in seconds or as an HTTP date', () => {
    expect(status(429, {}, headers({ 'retry-after': '7' })).retryAfterMs).toBe(7000);
    expect(status(429, {}, headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' })).retryAfterMs).toBe(30_000);
    expect(status(429).retryAfterMs).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', Date.UTC(2026, 0, 1))).toBe(0);
  });
});

describe('backoff', () => {
  const server = status(503);

  test('grows exponentially with jitter, within [half, full] of the step, and never beyond the cap', () => {
    for (let attempts = 1; attempts < DEFAULT_BACKOFF.maxAttempts; attempts++) {
      const step = Math.min(DEFAULT_BACKOFF.maxDelayMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempts - 1));
      expect(retryDelay(server, attempts, DEFAULT_BACKOFF, () => 0)).toBe(step / 2);
      expect(retryDelay(server, attempts, DEFAULT_BACKOFF, () => 0.999999)).toBeCloseTo(step, -1);
      for (let i = 0; i < 50; i++) {
        const delay = retryDelay(server, attempts, DEFAULT_BACKOFF)!;
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxDelayMs);
      }
    }
  });

  test('is bounded: after maxAttempts it gives up', () => {
    expect(retryDelay(server, DEFAULT_BACKOFF.maxAttempts - 1)).not.toBeNull();
    expect(retryDelay(server, DEFAULT_BACKOFF.maxAttempts)).toBeNull();
    expect(retryDelay(server, 1000)).toBeNull();
    // The total wait of a whole retry series is bounded too (here: under 4 minutes).
    let total = 0;
    for (let a = 1; a < DEFAULT_BACKOFF.maxAttempts; a++) total += retryDelay(server, a, DEFAULT_BACKOFF, () => 1)!;
    expect(total).toBeLessThan(4 * 60_000);
  });

  test('never retries what retrying cannot fix', () => {
    expect(retryDelay(status(400), 1)).toBeNull();
    expect(retryDelay(status(401), 1)).toBeNull();
    expect(retryDelay(classifyFetchError(fetchFailed('CERT_HAS_EXPIRED'), context), 1)).toBeNull();
  });

  test("429 waits exactly as long as the server asks, unless that is longer than we wait at all", () => {
    expect(retryDelay(status(429, {}, headers({ 'retry-after': '2' })), 1)).toBe(2000);
    expect(retryDelay(status(429, {}, headers({ 'retry-after': '3600' })), 1)).toBeNull();
    // Without Retry-After, 429 backs off like any other retry.
    expect(retryDelay(status(429), 1, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.baseMs / 2);
    expect(retryDelay(status(429, {}, headers({ 'retry-after': '2' })), DEFAULT_BACKOFF.maxAttempts)).toBeNull();
    // WordPress in maintenance mode: 503 with Retry-After: 600.
    expect(retryDelay(status(503, {}, headers({ 'retry-after': '600' })), 1)).toBe(600_000);
  });
});
