import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isTerminal,
  isEditableByTrader,
  DECLARATION_STATUSES,
  OPEN_OFFICER_STATUSES,
  type DeclarationStatus,
  type TransitionActor,
} from '@/lib/declaration/lifecycle';

const ACTORS: readonly TransitionActor[] = ['TRADER', 'OFFICER', 'SYSTEM'];

/**
 * The whole state machine, written out from shared/DOMAIN.md "Lifecycle": every allowed
 * (from → to, by) and nothing else. Each status pair × actor not listed here must be refused.
 */
const ALLOWED: Record<DeclarationStatus, Partial<Record<DeclarationStatus, readonly TransitionActor[]>>> = {
  DRAFT: { SUBMITTED: ['TRADER'] },
  SUBMITTED: { REGISTERED: ['SYSTEM'] },
  // Yellow and red go to an inspector; green and blue are assessed and wait for payment.
  REGISTERED: { ASSIGNED: ['SYSTEM'], ASSESSED: ['SYSTEM'], REFUSED: ['OFFICER'], WITHDRAWN: ['TRADER'] },
  ASSIGNED: {
    AMENDMENT_REQUESTED: ['OFFICER'],
    ON_HOLD: ['OFFICER'],
    ASSESSED: ['OFFICER'],
    RELEASED: ['OFFICER'],
    REFUSED: ['OFFICER'],
    WITHDRAWN: ['TRADER'],
  },
  // The trader's resubmission returns the declaration to the officer.
  AMENDMENT_REQUESTED: { ASSIGNED: ['TRADER'], REFUSED: ['OFFICER'], WITHDRAWN: ['TRADER'] },
  ON_HOLD: { ASSIGNED: ['OFFICER'], REFUSED: ['OFFICER'], WITHDRAWN: ['TRADER'] },
  ASSESSED: {
    PAID: ['SYSTEM'],
    RELEASED: ['SYSTEM', 'OFFICER'],
    ASSIGNED: ['SYSTEM'],
    REFUSED: ['OFFICER'],
    WITHDRAWN: ['TRADER'],
  },
  PAID: { RELEASED: ['SYSTEM', 'OFFICER'], ASSIGNED: ['SYSTEM'], REFUSED: ['OFFICER'], WITHDRAWN: ['TRADER'] },
  RELEASED: {},
  REFUSED: {},
  WITHDRAWN: {},
};

const TABLE = DECLARATION_STATUSES.flatMap((from) =>
  DECLARATION_STATUSES.flatMap((to) =>
    ACTORS.map((by) => [from, to, by, (ALLOWED[from][to] ?? []).includes(by)] as const),
  ),
);

describe('declaration lifecycle', () => {
  it('covers every status pair and actor', () => {
    expect(TABLE).toHaveLength(DECLARATION_STATUSES.length * DECLARATION_STATUSES.length * ACTORS.length);
    expect(TABLE.filter(([, , , allowed]) => allowed)).toHaveLength(29);
  });

  it.each(TABLE)('%s → %s by %s: %s', (from, to, by, allowed) => {
    expect(canTransition(from, to, by)).toBe(allowed);
  });

  it('never stays in place', () => {
    for (const status of DECLARATION_STATUSES)
      for (const by of ACTORS) expect(canTransition(status, status, by), status).toBe(false);
  });

  it('ends in released, refused or withdrawn only', () => {
    expect(DECLARATION_STATUSES.filter(isTerminal)).toEqual(['RELEASED', 'REFUSED', 'WITHDRAWN']);
  });

  it('lets the trader withdraw and an officer refuse at any stage after registration before release, and never after', () => {
    for (const status of DECLARATION_STATUSES) {
      const expected = !['DRAFT', 'SUBMITTED', 'RELEASED', 'REFUSED', 'WITHDRAWN'].includes(status);
      expect(canTransition(status, 'WITHDRAWN', 'TRADER'), status).toBe(expected);
      expect(canTransition(status, 'REFUSED', 'OFFICER'), status).toBe(expected);
    }
  });

  it('lets the trader edit only a draft or a declaration whose amendment was requested', () => {
    expect(DECLARATION_STATUSES.filter(isEditableByTrader)).toEqual(['DRAFT', 'AMENDMENT_REQUESTED']);
  });

  it('keeps officer work open only in statuses an officer can still move on', () => {
    expect(OPEN_OFFICER_STATUSES).toEqual(['ASSIGNED', 'AMENDMENT_REQUESTED', 'ON_HOLD']);
    for (const status of OPEN_OFFICER_STATUSES) expect(canTransition(status, 'REFUSED', 'OFFICER'), status).toBe(true);
  });
});
