/**
 * The outbox row's state machine, as pure functions (the SQL lives in store-outbox.ts):
 *
 *   pending ──start──▶ in-flight ──success──▶ done
 *      ▲                   │
 *      └──── retryable ────┤  (attempts counted; next attempt after backoff or Retry-After)
 *      └──── offline/auth ─┤  (not the entry's fault: attempt not counted; the blog's pass stops)
 *                          └──rejected / out of attempts──▶ failed ──retry (user)──▶ pending
 *   in-flight at start-up (a crash mid-request) ──recover──▶ pending (the attempt stays counted: outcome unknown)
 *
 * Every decision about an error comes from errors.ts (kind, action, retryDelay); nothing here retries forever:
 * `attempts` only grows while an entry runs, and retryDelay() returns null past the policy's maxAttempts.
 */
import type { BlogProblem, OutboxState } from '../../../common/api/sync.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelay, type SyncError } from '../errors.ts';

export interface OutboxRowState {
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
  readonly lastError: string | null;
  readonly errorKind: string | null;
  readonly doneAt: number | null;
}

/** What the blog's worker does after an entry failed. */
export interface FailureOutcome {
  readonly row: OutboxRowState;
  /** Stop this blog's pass (offline, signed out, TLS, a long rate limit, cancelled). */
  readonly stopBlog: boolean;
  /** The blog waits until then before its next request (429). */
  readonly pauseUntil: number | null;
  /** What the status bar shows, if anything. */
  readonly problem: { readonly kind: BlogProblem; readonly message: string } | null;
}

export function start(row: OutboxRowState): OutboxRowState {
  if (row.state !== 'pending') throw new Error(`only a pending entry can start (this one is ${row.state})`);
  return { ...row, state: 'in-flight', attempts: row.attempts + 1 };
}

export function succeed(row: OutboxRowState, now: number): OutboxRowState {
  return { ...row, state: 'done', doneAt: now, nextAttemptAt: null, lastError: null, errorKind: null };
}

/** The request never left this machine: the blog is unreachable, which is no fault of the entry. */
export function isOffline(error: SyncError): boolean {
  return (error.kind === 'network' || error.kind === 'timeout') && !error.outcomeUnknown;
}

export function fail(
  row: OutboxRowState,
  error: SyncError,
  now: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): FailureOutcome {
  const message = error.serverMessage ?? error.message;
  const waiting = (counted: boolean): OutboxRowState => ({
    ...row,
    state: 'pending',
    attempts: counted ? row.attempts : Math.max(0, row.attempts - 1),
    nextAttemptAt: null,
    lastError: message,
    errorKind: error.kind,
  });
  if (isOffline(error)) {
    return { row: waiting(false), stopBlog: true, pauseUntil: null, problem: { kind: 'offline', message } };
  }
  switch (error.action) {
    case 'reauthenticate':
      return { row: waiting(false), stopBlog: true, pauseUntil: null, problem: { kind: 're-authenticate', message } };
    case 'stop':
      return { row: waiting(false), stopBlog: true, pauseUntil: null, problem: { kind: 'server-error', message } };
    case 'fail-entry':
      return { row: { ...row, state: 'failed', nextAttemptAt: null, lastError: message, errorKind: error.kind }, stopBlog: false, pauseUntil: null, problem: null };
    case 'retry':
      break;
  }
  if (error.kind === 'cancelled') return { row: waiting(false), stopBlog: true, pauseUntil: null, problem: null };
  const delay = retryDelay(error, row.attempts, policy, random);
  if (delay === null && error.kind === 'rate-limited' && row.attempts < policy.maxAttempts) {
    // The server asked for a longer pause than we wait inside one sync: the entry waits for a later one.
    const until = now + (error.retryAfterMs ?? policy.maxRetryAfterMs);
    return { row: { ...waiting(true), nextAttemptAt: until }, stopBlog: true, pauseUntil: until, problem: { kind: 'rate-limited', message } };
  }
  if (delay === null) {
    const gaveUp = `Gave up after ${row.attempts} attempts: ${message}`;
    return { row: { ...row, state: 'failed', nextAttemptAt: null, lastError: gaveUp, errorKind: error.kind }, stopBlog: false, pauseUntil: null, problem: null };
  }
  const next = now + delay;
  const limited = error.kind === 'rate-limited';
  return {
    row: { ...waiting(true), nextAttemptAt: next },
    stopBlog: false,
    pauseUntil: limited ? next : null,
    problem: limited ? { kind: 'rate-limited', message } : error.kind === 'server' ? { kind: 'server-error', message } : null,
  };
}

/** A crash left the entry in flight: it runs again; its attempt stays counted (the outcome is unknown). */
export function recover(row: OutboxRowState): OutboxRowState {
  return row.state === 'in-flight' ? { ...row, state: 'pending', nextAttemptAt: null } : row;
}

/** The user's "try again" on a failed entry: a fresh budget of attempts. */
export function retry(row: OutboxRowState): OutboxRowState {
  if (row.state !== 'failed' && row.state !== 'pending') throw new Error(`only a failed or waiting entry can be retried (this one is ${row.state})`);
  return { ...row, state: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, errorKind: null };
}
