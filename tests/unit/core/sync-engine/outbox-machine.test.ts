// The outbox row's state machine (pure) and the queue discipline on real SQLite.
import { describe, expect, test } from 'vitest';
import { fail, recover, retry, start, succeed, type OutboxRowState } from '../../../../electron/core/sync/engine/outbox-machine.ts';
import { SyncError, type SyncErrorInit } from '../../../../electron/core/sync/errors.ts';

const PENDING: OutboxRowState = { state: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, errorKind: null, doneAt: null };
const POLICY = { baseMs: 1000, maxDelayMs: 60_000, maxAttempts: 4, maxRetryAfterMs: 60_000 };
const err = (init: Partial<SyncErrorInit> & Pick<SyncErrorInit, 'kind'>) => new SyncError({ message: 'x', outcomeUnknown: true, ...init });
const half = () => 0.5;

describe('outbox state machine', () => {
  test('pending → in-flight (attempt counted before sending) → done', () => {
    const running = start(PENDING);
    expect(running).toMatchObject({ state: 'in-flight', attempts: 1 });
    expect(succeed(running, 5)).toMatchObject({ state: 'done', doneAt: 5, lastError: null });
    expect(() => start(running)).toThrow(/only a pending entry/);
  });

  test('a lost response is retried after backoff, and never forever', () => {
    let row = PENDING;
    const delays: number[] = [];
    for (let i = 0; i < 10 && row.state !== 'failed'; i++) {
      const outcome = fail(start(row), err({ kind: 'network', code: 'ECONNRESET' }), 0, POLICY, half);
      row = outcome.row;
      if (row.state === 'pending') delays.push(row.nextAttemptAt!);
      expect(outcome.stopBlog).toBe(false);
    }
    expect(row).toMatchObject({ state: 'failed', attempts: 4 });
    expect(row.lastError).toMatch(/^Gave up after 4 attempts/);
    expect(delays).toEqual([750, 1500, 3000]);
  });

  test('429 honours Retry-After and pauses the whole blog; a very long one waits for a later sync', () => {
    const short = fail(start(PENDING), err({ kind: 'rate-limited', status: 429, retryAfterMs: 2000, outcomeUnknown: false }), 100, POLICY);
    expect(short).toMatchObject({ row: { state: 'pending', nextAttemptAt: 2100 }, pauseUntil: 2100, stopBlog: false, problem: { kind: 'rate-limited' } });
    const long = fail(start(PENDING), err({ kind: 'rate-limited', status: 429, retryAfterMs: 3_600_000, outcomeUnknown: false }), 0, POLICY);
    expect(long).toMatchObject({ row: { state: 'pending', nextAttemptAt: 3_600_000 }, stopBlog: true });
  });

  test('offline and signed-out stop the blog without spending the entry\'s attempts', () => {
    const offline = fail(start(PENDING), err({ kind: 'network', code: 'ECONNREFUSED', outcomeUnknown: false }), 0, POLICY);
    expect(offline).toMatchObject({ row: { state: 'pending', attempts: 0 }, stopBlog: true, problem: { kind: 'offline' } });
    const auth = fail(start(PENDING), err({ kind: 'auth', status: 401, outcomeUnknown: false }), 0, POLICY);
    expect(auth).toMatchObject({ row: { state: 'pending', attempts: 0 }, stopBlog: true, problem: { kind: 're-authenticate' } });
  });

  test('400 fails that entry with the server\'s message; the queue goes on', () => {
    const rejected = fail(start(PENDING), err({ kind: 'rejected', status: 400, serverMessage: 'Ogiltigt datum.', outcomeUnknown: false }), 0, POLICY);
    expect(rejected).toMatchObject({ row: { state: 'failed', lastError: 'Ogiltigt datum.' }, stopBlog: false, problem: null });
    expect(retry(rejected.row)).toMatchObject({ state: 'pending', attempts: 0, lastError: null });
  });

  test('a crash mid-request: in-flight comes back pending with its attempt still counted', () => {
    expect(recover(start(PENDING))).toMatchObject({ state: 'pending', attempts: 1 });
    expect(recover(PENDING)).toBe(PENDING);
  });
});
