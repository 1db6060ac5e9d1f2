import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { DECLARATION_STATUSES, type DeclarationStatus } from '@/lib/declaration/lifecycle';
import { describeNextAction, nextActionFor, type NextAction } from '@/lib/declaration/next-action';
import { isPayableStatus } from '@/lib/payments/settlement';
import nextActionMessages from '@/lib/i18n/messages/en/nextAction.json';

const t = createTranslator({ locale: 'en', messages: { nextAction: nextActionMessages }, namespace: 'nextAction' });
const say = (action: NextAction) => {
  const view = describeNextAction(action);
  return t(view.message.key, view.message.values);
};

describe('what the trader should do next', () => {
  it.each<[DeclarationStatus, string | null, string | null, NextAction]>([
    ['DRAFT', null, null, { code: 'FINISH_DRAFT' }],
    ['DRAFT', null, '500.00', { code: 'FINISH_DRAFT' }],
    ['SUBMITTED', null, null, { code: 'WAIT' }],
    ['REGISTERED', null, '0.00', { code: 'WAIT' }],
    ['REGISTERED', null, '1000.00', { code: 'PAY', amount: '1000.00', currency: 'UZS' }],
    ['ASSIGNED', null, '0.00', { code: 'WAIT_FOR_OFFICER' }],
    ['ASSIGNED', null, '0', { code: 'WAIT_FOR_OFFICER' }],
    ['ASSIGNED', null, null, { code: 'WAIT_FOR_OFFICER' }],
    ['ASSIGNED', null, '1234567.89', { code: 'PAY', amount: '1234567.89', currency: 'UZS' }],
    ['ASSESSED', null, '42.10', { code: 'PAY', amount: '42.10', currency: 'UZS' }],
    ['ASSESSED', null, '0.00', { code: 'WAIT' }],
    ['PAID', null, '0.00', { code: 'WAIT' }],
    ['PAID', null, '15.00', { code: 'PAY', amount: '15.00', currency: 'UZS' }],
    // During an amendment nothing is paid, even with an amount outstanding: the reassessment comes first.
    [
      'AMENDMENT_REQUESTED',
      'Declare the beer at 5000 USD',
      '1000.00',
      { code: 'AMEND', reason: 'Declare the beer at 5000 USD' },
    ],
    ['AMENDMENT_REQUESTED', null, null, { code: 'AMEND', reason: '' }],
    [
      'ON_HOLD',
      'Waiting for the laboratory',
      '1000.00',
      { code: 'WAIT_ON_HOLD', reason: 'Waiting for the laboratory' },
    ],
    ['ON_HOLD', null, null, { code: 'WAIT_ON_HOLD', reason: null }],
    ['RELEASED', null, '0.00', { code: 'COLLECT_GOODS' }],
    ['REFUSED', 'Forged invoice', '1000.00', { code: 'NONE_REFUSED', reason: 'Forged invoice' }],
    ['WITHDRAWN', null, '1000.00', { code: 'NONE_WITHDRAWN' }],
  ])('%s (reason %s, due %s)', (status, currentReason, amountDue, expected) => {
    expect(nextActionFor({ status, currentReason, amountDue })).toEqual(expected);
  });

  // A paid green declaration waiting for permits is not "being processed": the permits are the trader's to give.
  it.each<[DeclarationStatus, string | null, number, NextAction]>([
    ['PAID', '0.00', 2, { code: 'PROVIDE_PERMITS', count: 2 }],
    ['ASSESSED', '0.00', 1, { code: 'PROVIDE_PERMITS', count: 1 }],
    ['ASSIGNED', '0.00', 1, { code: 'PROVIDE_PERMITS', count: 1 }],
    ['PAID', '0.00', 0, { code: 'WAIT' }],
    // payments first (the page lists the permits under the payment)
    ['ASSESSED', '500.00', 3, { code: 'PAY', amount: '500.00', currency: 'UZS' }],
    ['AMENDMENT_REQUESTED', '0.00', 1, { code: 'AMEND', reason: '' }],
    ['ON_HOLD', '0.00', 1, { code: 'WAIT_ON_HOLD', reason: null }],
    ['RELEASED', '0.00', 1, { code: 'COLLECT_GOODS' }],
  ])('%s, due %s, %d permits missing', (status, amountDue, missingPermits, expected) => {
    expect(nextActionFor({ status, currentReason: null, amountDue, missingPermits })).toEqual(expected);
  });

  it('has an answer for every status', () => {
    for (const status of DECLARATION_STATUSES)
      expect(nextActionFor({ status, currentReason: null, amountDue: null }).code).toBeTruthy();
  });
});

describe('how the next action is said', () => {
  it('writes the amount due with grouped thousands and the currency', () => {
    expect(say({ code: 'PAY', amount: '1234567.89', currency: 'UZS' })).toBe('Pay 1 234 567.89 UZS');
    expect(say({ code: 'PAY', amount: '100000', currency: 'UZS' })).toBe('Pay 100 000.00 UZS');
    expect(say({ code: 'PAY', amount: '0.5', currency: 'UZS' })).toBe('Pay 0.50 UZS');
  });

  it.each<[NextAction, string, 'action' | 'info' | 'done', string | null]>([
    [{ code: 'FINISH_DRAFT' }, 'This declaration is a draft. Finish it and submit it.', 'action', 'continueDraft'],
    [
      { code: 'AMEND', reason: 'Attach the certificate' },
      'The officer asked for an amendment: Attach the certificate',
      'action',
      'startAmendment',
    ],
    [
      { code: 'WAIT_FOR_OFFICER' },
      'An inspector is checking the declaration. You do not need to do anything now.',
      'info',
      null,
    ],
    [{ code: 'WAIT_ON_HOLD', reason: 'Laboratory test' }, 'The declaration is on hold: Laboratory test', 'info', null],
    [{ code: 'WAIT_ON_HOLD', reason: null }, 'The declaration is on hold.', 'info', null],
    [{ code: 'COLLECT_GOODS' }, 'The goods are released. Nothing more to do.', 'done', null],
    [{ code: 'NONE_REFUSED', reason: 'Forged invoice' }, 'The declaration was refused: Forged invoice', 'done', null],
    [{ code: 'NONE_REFUSED', reason: null }, 'The declaration was refused.', 'done', null],
    [{ code: 'NONE_WITHDRAWN' }, 'You withdrew this declaration.', 'done', null],
    [{ code: 'WAIT' }, 'The declaration is being processed.', 'info', null],
    [
      { code: 'PROVIDE_PERMITS', count: 1 },
      'Release is waiting for 1 permit: link each one to its item, or apply for it if your company does not hold one.',
      'action',
      null,
    ],
    [
      { code: 'PROVIDE_PERMITS', count: 3 },
      'Release is waiting for 3 permits: link each one to its item, or apply for it if your company does not hold one.',
      'action',
      null,
    ],
  ])('%j', (action, text, tone, link) => {
    const view = describeNextAction(action);
    expect(say(action)).toBe(text);
    expect(view.tone).toBe(tone);
    expect(view.link?.labelKey ?? null).toBe(link);
  });
});

describe('paying waits for an amended declaration to be resubmitted', () => {
  it('is refused while the amendment is requested (removed items took their assessed amounts with them)', () => {
    expect(isPayableStatus('AMENDMENT_REQUESTED')).toBe(false);
    expect(isPayableStatus('ASSIGNED')).toBe(true);
  });
});
