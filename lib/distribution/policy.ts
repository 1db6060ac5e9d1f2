// Automatic distribution (taqsimlash): a yellow or red declaration goes to an on-duty inspector of
// its post with the least open work; ties are broken at random. The trader has no say.
import { seededRng } from '../risk/random';

export type Candidate = { inspectorId: string; openCount: number };

/**
 * Choose an inspector, or null when nobody is on duty (the declaration then waits in the post's pool).
 * `random` returns a number in [0, 1); pass a seeded generator so the choice is reproducible in tests.
 */
export function pickInspector(candidates: readonly Candidate[], random: () => number): string | null {
  if (candidates.length === 0) return null;
  const least = Math.min(...candidates.map((c) => c.openCount));
  const tied = candidates
    .filter((c) => c.openCount === least)
    .sort((a, b) => a.inspectorId.localeCompare(b.inspectorId));
  const index = Math.min(tied.length - 1, Math.floor(random() * tied.length));
  return tied[index].inspectorId;
}

/** A small deterministic generator (mulberry32) seeded from a string (hashed to 32 bits), e.g. a declaration id. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return seededRng(h);
}
