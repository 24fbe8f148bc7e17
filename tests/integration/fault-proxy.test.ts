// The fault proxy does what each mode says, against the real WordPress, seen through the WordPress adapter.
// What matters for the exactly-once soak: which faults let WordPress act on the request, and how the client
// sees each one (errors.ts must say "outcome unknown" exactly where WordPress may have acted).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SecretString } from '../../electron/core/secrets/redact.ts';
import { WordPressAdapter } from '../../electron/core/sync/wordpress/wp-rest-adapter.ts';
import { FAULT_MODES, type FaultProxy, modeChooser, startFaultProxy } from './support/fault-proxy.ts';
import { requireWordPress, resetWordPress, type WpEnv } from './wp-fixture.ts';

let wp: WpEnv | null = null;
let proxy: FaultProxy | null = null;

beforeAll(async () => {
  wp = await requireWordPress();
});
beforeEach(async (ctx) => {
  ctx.skip(wp === null, 'the WordPress fixture could not start (reason printed above)');
  await resetWordPress(wp!);
  // Only writes are faulted here, so that the checks (GETs) through the same proxy see the truth.
  proxy = await startFaultProxy({ target: wp!.url, seed: 7, faultable: (method) => method !== 'GET' });
});
afterEach(async () => {
  await proxy?.close();
  proxy = null;
});
afterAll(async () => {
  if (wp) await resetWordPress(wp);
});

function adapter(restRoot: string, timeoutMs = 5_000): WordPressAdapter {
  return new WordPressAdapter({ restRoot, credentials: { user: wp!.user, password: new SecretString(wp!.appPassword) }, timeoutMs });
}

/** Creates a post through the proxy in `mode`; reports how the client saw it and whether WordPress made it. */
async function createThrough(mode: (typeof FAULT_MODES)[number], timeoutMs?: number) {
  const through = adapter(`${proxy!.url}/wp-json/`, timeoutMs);
  const direct = adapter(wp!.restUrl);
  const key = crypto.randomUUID();
  proxy!.script([mode]);
  const outcome = await through.createPost({ title: `Via proxy: ${mode}`, content: '<p>Hej</p>' }, key).then(
    () => null,
    (error: unknown) => error,
  );
  return { error: outcome, made: (await direct.findPostsByClientKey(key)).length };
}

describe('fault proxy', () => {
  test('pass: the request and its answer go through unchanged', async () => {
    const { error, made } = await createThrough('pass');
    expect(error).toBeNull();
    expect(made).toBe(1);
    expect(proxy!.counters).toMatchObject({ pass: 1, requests: 1, upstream: 1 });
  });

  test('drop: WordPress made the post, the client lost the answer (outcome unknown)', async () => {
    const { error, made } = await createThrough('drop');
    expect(made).toBe(1);
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true, retryable: true });
    expect(proxy!.counters).toMatchObject({ drop: 1, upstream: 1 });
  });

  test('reset: the connection dies before WordPress sees anything', async () => {
    const { error, made } = await createThrough('reset');
    expect(made).toBe(0);
    // The client cannot tell this from `drop`: it must still treat the outcome as unknown.
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true });
    expect(proxy!.counters).toMatchObject({ reset: 1, upstream: 0 });
  });

  test('stall: WordPress made the post, the client timed out waiting', async () => {
    const started = Date.now();
    const { error, made } = await createThrough('stall', 1_500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(made).toBe(1);
    expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: true });
    expect(proxy!.counters).toMatchObject({ stall: 1, upstream: 1 });
  });

  test('http500: WordPress made the post, the client got a 500', async () => {
    const { error, made } = await createThrough('http500');
    expect(made).toBe(1);
    expect(error).toMatchObject({ kind: 'server', status: 500, outcomeUnknown: true });
  });

  test('http429: nothing reaches WordPress, and Retry-After is honoured', async () => {
    const { error, made } = await createThrough('http429');
    expect(made).toBe(0);
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 1000, outcomeUnknown: false });
    expect(proxy!.counters).toMatchObject({ http429: 1, upstream: 0 });
  });

  test('random mode replays with its seed, counts every request, and logs each one', async () => {
    const a = modeChooser(99);
    const b = modeChooser(99);
    const sequence = Array.from({ length: 200 }, () => a());
    expect(Array.from({ length: 200 }, () => b())).toEqual(sequence);
    expect(new Set(sequence)).toEqual(new Set(FAULT_MODES));
    expect(sequence.filter((m) => m === 'pass').length).toBeGreaterThan(60);

    proxy!.setMode('random');
    const through = adapter(`${proxy!.url}/wp-json/`, 1_500);
    for (let i = 0; i < 12; i++) await through.createTerm('tag', `Tagg ${i}`).catch(() => undefined);
    // The proxy drew the writes' modes from the same seeded sequence (GETs are not faultable here, not drawn).
    const writes = proxy!.events.filter((e) => e.method === 'POST');
    expect(writes).toHaveLength(12);
    expect(writes.map((e) => e.mode)).toEqual(Array.from({ length: 12 }, modeChooser(7)));
    for (const e of writes) expect(e.upstreamStatus === null).toBe(e.mode === 'reset' || e.mode === 'http429');
    const total = FAULT_MODES.reduce((sum, mode) => sum + proxy!.counters[mode], 0);
    expect(total).toBe(proxy!.counters.requests);
  });
});
