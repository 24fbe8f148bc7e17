import { percentile } from './report.ts';

/** Runs `fn` once per input and returns the durations in ms (after one untimed warm-up call). */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): number[] {
  if (inputs.length > 0) fn(inputs[0]!);
  return inputs.map((input) => {
    const start = performance.now();
    fn(input);
    return performance.now() - start;
  });
}

export function p50p95(samples: readonly number[]): { p50: number; p95: number } {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** `items` repeated until `n` long (so every word is measured about as often). */
export function cycle<T>(items: readonly T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => items[i % items.length]!);
}
