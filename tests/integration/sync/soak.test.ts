// The exactly-once soak in `npm test`: ≥ 200 random publishes and updates through the fault-injecting proxy
// (the benchmark runs 1,000). See soak.ts for what is checked.
import { expect, test } from 'vitest';
import { runSoak } from './soak.ts';
import { useWordPressFixture } from './support.ts';

const wp = useWordPressFixture();

const OPERATIONS = Number(process.env.LONGHAND_SOAK_OPERATIONS ?? 200);

test(`fault soak: ${OPERATIONS} random publishes/updates through drops, resets, stalls, 500s and 429s`, { timeout: 600_000 }, async () => {
  const summary = await runSoak(wp(), { operations: OPERATIONS, seed: Number(process.env.LONGHAND_SOAK_SEED ?? 36) });
  console.log(`[soak] ${JSON.stringify(summary)}`);
  expect(summary.remotePerLocal).toEqual({ missing: 0, extra: 0, provisionalLeft: 0 });
  expect(summary.contentMismatches).toBe(0);
  expect(summary.statusMismatches).toBe(0);
  expect(summary.entriesNotDone).toBe(0);
  // Whatever duplicates retried creates left, the engine found and trashed (the trash holds nothing else).
  expect(summary.trashedDuplicates).toBe(summary.duplicatesRemoved);
  for (const mode of ['drop', 'reset', 'stall', 'http500', 'http429'] as const) expect(summary.faults[mode]).toBeGreaterThan(0);
});
