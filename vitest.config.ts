import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// No test may load the real Electron (it downloads its binary on first require): `electron` resolves to a
// module that throws, and shell tests replace it with vi.mock('electron', …).
const noRealElectron = fileURLToPath(new URL('./tests/unit/support/no-real-electron.ts', import.meta.url));

// Three suites, one runner. `npm test` runs them all (tools/test.ts provisions Chromium and WordPress first).
// - unit: Node-only, fast: core, common, the shell with `electron` replaced, the transports.
// - integration: the real WordPress fixture on 127.0.0.1 (tests/fixtures/wordpress).
// - e2e: the built renderer served by the harness, driven in real Chromium.
export default defineConfig({
  resolve: { alias: { electron: noRealElectron } },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          expect: { poll: { timeout: 10_000 } },
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The UI answers in milliseconds, but a loaded 2-core CI machine may pause; polls wait up to 10 s.
          expect: { poll: { timeout: 10_000 } },
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
