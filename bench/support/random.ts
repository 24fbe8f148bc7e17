export { seeded } from '../../tests/support/seeded.ts';

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Zipf-like: low indexes far more often than high ones, as words and tags are used in real writing. */
export function pickSkewed<T>(random: () => number, items: readonly T[], skew = 2): T {
  return items[Math.floor(random() ** skew * items.length)]!;
}

export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
