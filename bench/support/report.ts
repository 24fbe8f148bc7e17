import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Every benchmark reports through here: a table on stdout and bench-results/<name>.json (git-ignored).
 * A figure that has a baseline measured in the same run carries it, and the ratio (value / baseline), so a
 * slower machine moves both and the ratio still means something.
 */
export interface BenchRow {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  readonly baselineLabel?: string;
  /** The goal, in words ("≤ 20 ms"), when the issue sets one. */
  readonly goal?: string;
  /** Whether the goal is met, when it is a number we can check. */
  readonly met?: boolean;
}

export const RESULTS_DIR = fileURLToPath(new URL('../../bench-results', import.meta.url));

export function report(name: string, rows: readonly BenchRow[], notes: Record<string, unknown> = {}): void {
  const table = rows.map((row) => ({
    metric: row.metric,
    value: `${format(row.value)} ${row.unit}`,
    baseline: row.baseline === undefined ? '' : `${format(row.baseline)} ${row.unit} (${row.baselineLabel ?? 'baseline'})`,
    ratio: row.baseline ? `${(row.value / row.baseline).toFixed(2)}×` : '',
    goal: row.goal ? `${row.goal}${row.met === undefined ? '' : row.met ? ' ✓' : ' ✗'}` : '',
  }));
  const widths = Object.keys(table[0] ?? {}).map((key) =>
    Math.max(key.length, ...table.map((r) => String(r[key as keyof typeof r]).length)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(`\n## ${name}`);
  console.log(line(Object.keys(table[0] ?? {})));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of table) console.log(line(Object.values(row)));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, platform: process.platform };
  const out = rows.map((row) => ({ ...row, ratio: row.baseline ? row.value / row.baseline : undefined }));
  writeFileSync(`${RESULTS_DIR}/${name}.json`, `${JSON.stringify({ name, date: new Date().toISOString(), machine, rows: out, notes }, null, 2)}\n`);
}

function format(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** p-th percentile (0..100) of a list of numbers, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
