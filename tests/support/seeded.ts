/**
 * A seeded PRNG (mulberry32): tiny, fast, and enough for tests and benchmarks, whose point is that a seed
 * replays — the same archive, the same kill moments, the same fault modes on every run and every machine.
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
