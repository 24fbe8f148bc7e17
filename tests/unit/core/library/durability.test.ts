import { describe, expect, test } from 'vitest';
import { killRounds } from './support/kill-loop.ts';
import { tempDir } from './support/core.ts';

describe('durability', () => {
  test('kill -9 at random moments, 60 times: never a corrupt database, never a lost acknowledged save', async () => {
    const report = await killRounds(tempDir('longhand-kill-'), 60);
    expect(report.rounds).toBe(60);
    // The kills must have landed among saves, not only during start-up.
    expect(report.acknowledged).toBeGreaterThan(60);
  }, 180_000);
});
