import { describe, expect, it } from 'vitest';
import { pickInspector, seededRandom } from '@/lib/distribution/policy';

describe('distribution policy (taqsimlash)', () => {
  it('leaves the declaration in the pool when nobody is on duty', () => {
    expect(pickInspector([], () => 0.5)).toBeNull();
  });

  it('gives it to the inspector with the least open work', () => {
    const candidates = [
      { inspectorId: 'a', openCount: 3 },
      { inspectorId: 'b', openCount: 1 },
      { inspectorId: 'c', openCount: 2 },
    ];
    for (const r of [0, 0.3, 0.99]) expect(pickInspector(candidates, () => r)).toBe('b');
  });

  it('breaks ties with the random draw, never by input order', () => {
    const tied = [
      { inspectorId: 'z', openCount: 0 },
      { inspectorId: 'a', openCount: 0 },
      { inspectorId: 'm', openCount: 5 },
    ];
    expect(pickInspector(tied, () => 0)).toBe('a');
    expect(pickInspector(tied, () => 0.99)).toBe('z');
    expect(pickInspector([...tied].reverse(), () => 0)).toBe('a');
  });

  it('spreads ties roughly evenly over many declarations', () => {
    const tied = ['a', 'b', 'c', 'd'].map((id) => ({ inspectorId: id, openCount: 0 }));
    const counts: Record<string, number> = {};
    for (let i = 0; i < 4000; i++) {
      const id = pickInspector(tied, seededRandom(`declaration-${i}`))!;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    for (const id of ['a', 'b', 'c', 'd']) expect(counts[id]).toBeGreaterThan(850);
  });

  it('keeps open work balanced to within one when declarations arrive one by one', () => {
    const open: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 100; i++) {
      const id = pickInspector(
        Object.entries(open).map(([inspectorId, openCount]) => ({ inspectorId, openCount })),
        seededRandom(String(i)),
      )!;
      open[id] += 1;
    }
    const values = Object.values(open);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
  });

  it('draws the same numbers from the same seed', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(seededRandom('y')()).not.toBe(seededRandom('x')());
  });
});
