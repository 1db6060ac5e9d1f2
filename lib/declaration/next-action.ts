// What the trader should do next, in plain words: one code per situation, translated by the UI.
import type { DeclarationStatus } from './lifecycle';

export type NextAction =
  | { code: 'FINISH_DRAFT' }
  | { code: 'AMEND'; reason: string }
  | { code: 'PAY'; amount: string; currency: 'UZS' }
  | { code: 'WAIT_FOR_OFFICER' }
  | { code: 'WAIT_ON_HOLD'; reason: string | null }
  | { code: 'COLLECT_GOODS' }
  | { code: 'NONE_REFUSED'; reason: string | null }
  | { code: 'NONE_WITHDRAWN' }
  | { code: 'WAIT' };

export function nextActionFor(args: { status: DeclarationStatus; currentReason: string | null; amountDue: string | null }): NextAction {
  const { status, currentReason, amountDue } = args;
  switch (status) {
    case 'DRAFT':
      return { code: 'FINISH_DRAFT' };
    case 'AMENDMENT_REQUESTED':
      return { code: 'AMEND', reason: currentReason ?? '' };
    case 'ON_HOLD':
      return { code: 'WAIT_ON_HOLD', reason: currentReason };
    case 'RELEASED':
      return { code: 'COLLECT_GOODS' };
    case 'REFUSED':
      return { code: 'NONE_REFUSED', reason: currentReason };
    case 'WITHDRAWN':
      return { code: 'NONE_WITHDRAWN' };
    case 'ASSESSED':
    case 'ASSIGNED':
    case 'PAID':
    case 'SUBMITTED':
    case 'REGISTERED':
      if (amountDue && amountDue !== '0' && amountDue !== '0.00') return { code: 'PAY', amount: amountDue, currency: 'UZS' };
      return status === 'ASSIGNED' ? { code: 'WAIT_FOR_OFFICER' } : { code: 'WAIT' };
    default: {
      const never: never = status;
      return never;
    }
  }
}
