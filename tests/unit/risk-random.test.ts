import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256 } from '@/lib/risk/keyed-hash';
import { keyedUniform, seededRng } from '@/lib/risk/random';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('the keyed hash behind the random selection (pure TypeScript)', () => {
  it('is SHA-256 and HMAC-SHA-256, byte for byte, on lengths around the block boundaries', () => {
    const r = seededRng(7);
    for (const length of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200, 1000]) {
      const text = Array.from({ length }, () => String.fromCharCode(32 + Math.floor(r() * 90))).join('');
      expect(hex(sha256(new TextEncoder().encode(text)))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      for (const key of ['', 'k', 'a'.repeat(64), 'b'.repeat(65), 'секрет-ключ']) {
        expect(hex(hmacSha256(key, text))).toBe(createHmac('sha256', Buffer.from(key, 'utf8')).update(text, 'utf8').digest('hex'));
      }
    }
    // RFC 4231, test case 2.
    expect(hex(hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
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
