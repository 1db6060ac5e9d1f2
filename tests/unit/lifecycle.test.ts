import { describe, expect, it } from 'vitest';
import { canTransition, isTerminal, isEditableByTrader, DECLARATION_STATUSES } from '@/lib/declaration/lifecycle';

describe('declaration lifecycle', () => {
  it.each([
    ['DRAFT', 'SUBMITTED', 'TRADER', true],
    ['DRAFT', 'SUBMITTED', 'OFFICER', false],
    ['SUBMITTED', 'REGISTERED', 'SYSTEM', true],
    ['SUBMITTED', 'REGISTERED', 'TRADER', false],
    ['REGISTERED', 'ASSIGNED', 'SYSTEM', true],
    ['ASSIGNED', 'AMENDMENT_REQUESTED', 'OFFICER', true],
    ['AMENDMENT_REQUESTED', 'ASSIGNED', 'TRADER', true],
    ['ASSIGNED', 'RELEASED', 'OFFICER', true],
    ['ASSIGNED', 'RELEASED', 'TRADER', false],
    ['ASSIGNED', 'WITHDRAWN', 'TRADER', true],
    ['ASSIGNED', 'REFUSED', 'OFFICER', true],
    ['ASSESSED', 'PAID', 'SYSTEM', true],
    ['PAID', 'RELEASED', 'SYSTEM', true],
    ['RELEASED', 'WITHDRAWN', 'TRADER', false],
    ['REFUSED', 'ASSIGNED', 'OFFICER', false],
    ['DRAFT', 'RELEASED', 'SYSTEM', false],
  ] as const)('%s → %s by %s: %s', (from, to, by, expected) => {
    expect(canTransition(from, to, by)).toBe(expected);
  });

  it('ends in released, refused or withdrawn only', () => {
    expect(DECLARATION_STATUSES.filter(isTerminal)).toEqual(['RELEASED', 'REFUSED', 'WITHDRAWN']);
  });

  it('lets the trader withdraw at any stage before release, and never after', () => {
    for (const status of DECLARATION_STATUSES) {
      const expected = !['DRAFT', 'SUBMITTED', 'RELEASED', 'REFUSED', 'WITHDRAWN'].includes(status);
      expect(canTransition(status, 'WITHDRAWN', 'TRADER'), status).toBe(expected);
    }
  });

  it('lets the trader edit only a draft or a declaration whose amendment was requested', () => {
    expect(DECLARATION_STATUSES.filter(isEditableByTrader)).toEqual(['DRAFT', 'AMENDMENT_REQUESTED']);
  });
});
