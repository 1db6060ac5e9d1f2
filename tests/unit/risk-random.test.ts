import { describe, expect, it } from 'vitest';
import { keyedUniform } from '@/src/server/risk/selection-key';

describe('the keyed draw behind the random selection (node:crypto HMAC-SHA-256)', () => {
  it('is the first 48 bits of HMAC-SHA-256 (RFC 4231, test case 2)', () => {
    // HMAC-SHA-256("Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e…
    expect(keyedUniform('Jefe', 'what do ya want for nothing?')).toBe(0x5bdcc146bf60 / 2 ** 48);
  });

  it('draws uniformly in [0, 1): the same for the same key and message, another for another key', () => {
    expect(keyedUniform('s', 'd-1')).toBe(keyedUniform('s', 'd-1'));
    expect(keyedUniform('s', 'd-1')).not.toBe(keyedUniform('t', 'd-1'));
    const draws = Array.from({ length: 4000 }, (_, i) => keyedUniform('s', `d-${i}`));
    for (const d of draws) expect(d >= 0 && d < 1).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(draws.filter((d) => d < 0.1).length).toBeGreaterThan(320);
    expect(draws.filter((d) => d < 0.1).length).toBeLessThan(480);
  });
});
