import { describe, expect, it } from 'vitest';
import { actionPayloadProblem } from '@/lib/security/action-payload';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('server action payloads the portal’s pages can send', () => {
  it.each([
    ['bound ids and a version', '["a3f0c1d2-0000-4000-8000-000000000000", 3]', false],
    ['an escaped dollar string', '["$$100 off"]', false],
    ['undefined', '["$undefined", null]', false],
    ['a form reference in multipart', '["a3f0", "$K1"]', true],
    ['plain objects', '[{"amount":"12.50","items":[1,2]}]', false],
  ])('accepts %s', (_name, payload, isMultipart) => {
    expect(actionPayloadProblem(payload, { isMultipart })).toBeNull();
  });

  it.each([
    ['an empty body', '', false],
    ['a cut body', '[', false],
    ['null', 'null', false],
    ['a bare string', '"x"', false],
    ['a Map reference', '["$Q1"]', false],
    ['a server reference', '["$F1"]', false],
    ['a BigInt that is no number', '["$n1e309"]', false],
    ['a blob reference', '["$B1"]', false],
    ['a form reference outside multipart', '["$K1"]', false],
    ['nesting 5,000 deep', deep(5000), false],
    ['a reference hidden in an object', '[{"a":{"b":"$h1"}}]', true],
  ])('refuses %s', (_name, payload, isMultipart) => {
    expect(actionPayloadProblem(payload, { isMultipart })).not.toBeNull();
  });
});
