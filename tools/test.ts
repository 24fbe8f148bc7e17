import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { provisionChromium, provisionWordPress } from './provision.ts';

/**
 * `npm test`: everything CI checks, in the order that fails fastest.
 *   1. provision Chromium and the WordPress fixture (installs them on Debian as root),
 *   2. typecheck every layer, lint (layer rules included),
 *   3. build the app (the e2e suite drives the built renderer),
 *   4. vitest: unit, integration (real WordPress), e2e (real Chromium).
 * Ends with one plain line "tests: N passed, N failed, N skipped" for CI's reader.
 * Under CI=true a missing fixture fails the run; locally it is reported and those suites say why they skip.
 */
const CI = process.env.CI === 'true';
const args = process.argv.slice(2);

function step(name: string, command: string, commandArgs: string[]): void {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✗ ${name} failed (exit ${result.status})`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const chromiumOk = provisionChromium();
const wordpressOk = provisionWordPress();
if (CI && !(chromiumOk && wordpressOk)) {
  console.error('✗ CI=true and a test fixture is missing: failing rather than skipping.');
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

step('typecheck', process.execPath, ['tools/typecheck.ts']);
step('lint', 'npx', ['oxlint', '--type-aware', '--quiet']);
step('build', 'npm', ['run', '-s', 'build']);

mkdirSync('test-output', { recursive: true });
const report = 'test-output/vitest.json';
console.log('\n▶ vitest (unit, integration, e2e)');
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], { stdio: 'inherit' });

if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (CI && skipped > 0) {
    console.error('✗ tests were skipped under CI=true');
    process.exit(1);
  }
}
process.exit(vitest.status ?? 1);
