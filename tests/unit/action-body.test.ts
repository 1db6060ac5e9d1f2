// A server action's arguments nested thousands of levels deep overflowed React's decoder (a 500, found
// by the bad-input sweep): the proxy refuses them first (lib/security/action-body.ts).
import { describe, expect, it } from 'vitest';
import { MAX_ACTION_NESTING, actionBodyProblem, isServerActionCall, jsonNestingDepth } from '@/lib/security/action-body';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('jsonNestingDepth', () => {
  it.each([
    ['a scalar', '"abc"', 0],
    ['an empty list', '[]', 1],
    ['a form reference among arguments', '["3f0c…","$K1"]', 1],
    ['an object in a list', '[{"a":[1,{"b":2}]}]', 4],
    ['brackets inside a string', '["[[[{{{"]', 1],
    ['an escaped quote inside a string', '["a\\"[[[[", [1]]', 2],
    ['10,000 levels', deep(10_000), 10_000],
  ])('%s', (_name, json, depth) => {
    expect(jsonNestingDepth(json)).toBe(depth);
  });

  it('stops counting once past the limit', () => {
    expect(jsonNestingDepth(deep(10_000), 64)).toBe(65);
  });
});

describe('actionBodyProblem', () => {
  // A FormData body sets its own multipart type with the boundary.
  const action = (body: BodyInit, contentType?: string) => new Request('http://portal.test/trader', { method: 'POST', headers: { 'Next-Action': 'abc123', ...(contentType ? { 'Content-Type': contentType } : {}) }, body });

  it('refuses arguments nested deeper than the limit, as text/plain', async () => {
    expect(await actionBodyProblem(action(`[${deep(10_000)}]`, 'text/plain;charset=UTF-8'))).toMatch(/nest more than 64 levels/);
    expect(await actionBodyProblem(action(`[${deep(MAX_ACTION_NESTING)}]`, 'text/plain;charset=UTF-8'))).toMatch(/nest/);
    expect(await actionBodyProblem(action(`[${deep(MAX_ACTION_NESTING - 1)}]`, 'text/plain;charset=UTF-8'))).toBeNull();
  });

  it('looks at the numbered (argument) parts of a multipart body, not at the form’s own fields or files', async () => {
    const deepArgs = new FormData();
    deepArgs.append('_1_amount', '150000');
    deepArgs.append('0', `["$K1",${deep(10_000)}]`);
    expect(await actionBodyProblem(action(deepArgs))).toMatch(/nest/);

    const deepField = new FormData();
    deepField.append('_1_description', deep(10_000));
    deepField.append('_1_file', new Blob([deep(10_000)]), 'brackets.txt');
    deepField.append('0', '["$K1"]');
    expect(await actionBodyProblem(action(deepField))).toBeNull();
  });

  it('is asked only of server action calls', () => {
    expect(isServerActionCall('POST', new Headers({ 'Next-Action': 'abc' }))).toBe(true);
    expect(isServerActionCall('POST', new Headers())).toBe(false);
    expect(isServerActionCall('GET', new Headers({ 'Next-Action': 'abc' }))).toBe(false);
  });
});
