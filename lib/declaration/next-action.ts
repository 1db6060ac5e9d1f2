// What the trader should do next, in plain words: one code per situation, and the message of the
// `nextAction` catalogue that says it (amounts grouped the way the portal writes money). Never
// "being processed" while something the trader must do blocks release: payments first, then the
// permits release waits for (lib/declaration/release-blockers.ts; the page lists them).
import type { DeclarationStatus } from './lifecycle';
import { formatAmount } from '../money';

export type NextAction =
  | { code: 'FINISH_DRAFT' }
  | { code: 'AMEND'; reason: string }
  | { code: 'PAY'; amount: string; currency: 'UZS' }
  | { code: 'PROVIDE_PERMITS'; count: number }
  | { code: 'WAIT_FOR_OFFICER' }
  | { code: 'WAIT_ON_HOLD'; reason: string | null }
  | { code: 'COLLECT_GOODS' }
  | { code: 'NONE_REFUSED'; reason: string | null }
  | { code: 'NONE_WITHDRAWN' }
  | { code: 'WAIT' };

export function nextActionFor(args: {
  status: DeclarationStatus;
  currentReason: string | null;
  amountDue: string | null;
  /** How many permits release still waits for (requirements of items not satisfied). */
  missingPermits?: number;
}): NextAction {
  const { status, currentReason, amountDue } = args;
  const missingPermits = args.missingPermits ?? 0;
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
      if (amountDue && amountDue !== '0' && amountDue !== '0.00')
        return { code: 'PAY', amount: amountDue, currency: 'UZS' };
      if (missingPermits > 0) return { code: 'PROVIDE_PERMITS', count: missingPermits };
      return status === 'ASSIGNED' ? { code: 'WAIT_FOR_OFFICER' } : { code: 'WAIT' };
    default: {
      const never: never = status;
      return never;
    }
  }
}

export type NextActionMessageKey =
  | 'finishDraft'
  | 'amend'
  | 'pay'
  | 'permitsMissing'
  | 'waitForOfficer'
  | 'onHold'
  | 'onHoldBecause'
  | 'released'
  | 'refused'
  | 'refusedBecause'
  | 'withdrawn'
  | 'wait';
export type NextActionView = {
  tone: 'action' | 'info' | 'done';
  message: { key: NextActionMessageKey; values?: Record<string, string | number> };
  /** A button to the journey's check page, with the catalogue key of its label. */
  link: { step: 'check'; labelKey: 'continueDraft' | 'startAmendment' } | null;
};

/** How the panel says a next action: tone, catalogue message (with its values) and link. */
export function describeNextAction(action: NextAction): NextActionView {
  switch (action.code) {
    case 'FINISH_DRAFT':
      return { tone: 'action', message: { key: 'finishDraft' }, link: { step: 'check', labelKey: 'continueDraft' } };
    case 'AMEND':
      return {
        tone: 'action',
        message: { key: 'amend', values: { reason: action.reason } },
        link: { step: 'check', labelKey: 'startAmendment' },
      };
    case 'PAY':
      return { tone: 'action', message: { key: 'pay', values: { amount: formatAmount(action.amount) } }, link: null };
    case 'PROVIDE_PERMITS':
      return {
        tone: 'action',
        message: { key: 'permitsMissing', values: { count: action.count } },
        link: null,
      };
    case 'WAIT_FOR_OFFICER':
      return { tone: 'info', message: { key: 'waitForOfficer' }, link: null };
    case 'WAIT_ON_HOLD':
      return {
        tone: 'info',
        message: action.reason ? { key: 'onHoldBecause', values: { reason: action.reason } } : { key: 'onHold' },
        link: null,
      };
    case 'COLLECT_GOODS':
      return { tone: 'done', message: { key: 'released' }, link: null };
    case 'NONE_REFUSED':
      return {
        tone: 'done',
        message: action.reason ? { key: 'refusedBecause', values: { reason: action.reason } } : { key: 'refused' },
        link: null,
      };
    case 'NONE_WITHDRAWN':
      return { tone: 'done', message: { key: 'withdrawn' }, link: null };
    case 'WAIT':
      return { tone: 'info', message: { key: 'wait' }, link: null };
    default: {
      const never: never = action;
      return never;
    }
  }
}
