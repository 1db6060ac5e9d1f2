// Seeded randomness for the risk model (fold assignment, bagging): same seed, same model.
// Distribution's seededRandom (lib/distribution/policy.ts) draws from the same generator. The risk
// engine's random selection is not seeded but keyed by a server secret (engine.ts `SelectionDraw`):
// it must not be predictable.

/** mulberry32: a tiny, fast generator of numbers in [0, 1) from a 32-bit seed. */
export function seededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
