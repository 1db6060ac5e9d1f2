import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '@/lib/documents/canonical-json';

describe('canonical JSON', () => {
  it.each([
    ['sorts keys', { b: 1, a: 2, c: 3 }, '{"a":2,"b":1,"c":3}'],
    [
      'sorts nested keys and keeps array order',
      { z: [{ y: 1, x: 2 }, 3], a: { d: null, c: true } },
      '{"a":{"c":true,"d":null},"z":[{"x":2,"y":1},3]}',
    ],
    ['sorts by UTF-16 code units, capitals first', { b: 1, B: 2, á: 3, a: 4 }, '{"B":2,"a":4,"b":1,"á":3}'],
    ['writes no whitespace', { a: [1, 2, { b: 'x y' }] }, '{"a":[1,2,{"b":"x y"}]}'],
    ['escapes strings as JSON', { s: 'a"b\\c\n\u0001' }, '{"s":"a\\"b\\\\c\\n\\u0001"}'],
    ['keeps non-ASCII text as is', { name: 'Côte d’Ivoire, Ташкент' }, '{"name":"Côte d’Ivoire, Ташкент"}'],
    ['leaves out undefined properties', { a: 1, b: undefined }, '{"a":1}'],
    ['writes integers and -0 plainly', { n: [0, -0, 42, -7, 1e21] }, '{"n":[0,0,42,-7,1e+21]}'],
    ['writes an empty object and array', { o: {}, a: [] }, '{"a":[],"o":{}}'],
    ['keeps money as strings', { total: '10000.00' }, '{"total":"10000.00"}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same text whatever the insertion order of keys', () => {
    const a = {
      registrationNumber: 'X',
      items: [{ line: 1, hsCode: '8471300000' }],
      post: { code: '26001', name: 'P' },
    };
    const b = {
      post: { name: 'P', code: '26001' },
      items: [{ hsCode: '8471300000', line: 1 }],
      registrationNumber: 'X',
    };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('survives a JSON round trip unchanged (what the database gives back)', () => {
    const value = { b: [1, 'two', null, true, { d: '4.50', c: -3 }], a: 'ü' };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it.each([
    ['NaN', { amount: Number.NaN }, '$.amount'],
    ['Infinity', { a: [1, Number.POSITIVE_INFINITY] }, '$.a[1]'],
    ['-Infinity', { a: { b: Number.NEGATIVE_INFINITY } }, '$.a.b'],
    ['a Date', { at: new Date(0) }, '$.at'],
    ['a bigint', { n: BigInt(1) }, '$.n'],
    ['undefined in an array', { a: [undefined] }, '$.a[0]'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a lone surrogate', { s: 'a\ud800b' }, '$.s'],
  ])('rejects %s, naming where', (_name, value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(value)).toThrow(path);
  });
});
