// Seeded randomness for the risk model (fold assignment, bagging): same seed, same model.
// Distribution's seededRandom (lib/distribution/policy.ts) draws from the same generator. The risk
// engine's random selection is keyed instead (keyedUniform): it must not be predictable.
import { hmacSha256 } from './keyed-hash';

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

/**
 * A uniform draw in [0, 1) that only the holder of `key` can predict: HMAC-SHA-256(key, message),
 * its first 48 bits. The risk engine's random selection draws this way from the declaration id,
 * so a trader who sees the id (and reads this code) still cannot tell which drafts would be picked.
 */
export function keyedUniform(key: string, message: string): number {
  const mac = hmacSha256(key, message);
  let v = 0;
  for (let i = 0; i < 6; i++) v = v * 256 + mac[i];
  return v / 2 ** 48;
}
