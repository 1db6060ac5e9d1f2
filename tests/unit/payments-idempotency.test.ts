import { describe, expect, it } from 'vitest';
import { classifyRepeat, overpaymentKey, paymentKey, ZIdempotencyKey } from '@/lib/payments/idempotency';
import { ZPayDeclaration, ZRefundDecision, ZRefundRequest, ZTopUpStart } from '@/lib/payments/schemas';
import { ZStatementPeriod, defaultStatementPeriod, ZHistoryQuery } from '@/lib/payments/queries';
import { fieldErrorsOf } from '@/lib/validation';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const KEY = '3b2f8a1e-6c1d-4e0a-9b7c-0d5e4f3a2b1c';

describe('idempotency keys', () => {
  it.each([[KEY], ['abcdefghijklmnop'], ['A_b-C_d-E_f-G_h-1234']])('accepts %s', (key) => {
    expect(ZIdempotencyKey.safeParse(key).success).toBe(true);
  });

  it.each([[''], ['short'], ['has space in it 1234'], ['x'.repeat(81)], ['ünïcödé-key-1234567'], [1234567890123456]])(
    'refuses %s',
    (key) => {
      expect(ZIdempotencyKey.safeParse(key).success).toBe(false);
    },
  );

  it('scopes the stored key to the company and the declaration', () => {
    expect(paymentKey({ companyId: A, declarationId: B, clientKey: KEY })).toBe(`pay:${A}:${B}:${KEY}`);
    expect(paymentKey({ companyId: B, declarationId: B, clientKey: KEY })).not.toBe(
      paymentKey({ companyId: A, declarationId: B, clientKey: KEY }),
    );
    expect(overpaymentKey({ declarationId: B, settlementNo: 2 })).toBe(`overpayment:${B}:2`);
  });

  it('a stored key of the same company and declaration is a repeat; anything else is foreign', () => {
    expect(classifyRepeat(null, { companyId: A, declarationId: B })).toBe('NEW');
    expect(classifyRepeat({ companyId: A, declarationId: B }, { companyId: A, declarationId: B })).toBe('REPEAT');
    expect(classifyRepeat({ companyId: A, declarationId: B }, { companyId: B, declarationId: B })).toBe('FOREIGN');
    expect(classifyRepeat({ companyId: A, declarationId: A }, { companyId: A, declarationId: B })).toBe('FOREIGN');
  });
});

const errors = (r: { success: boolean; error?: unknown }) => (r.success ? [] : fieldErrorsOf(r.error as never));

describe('payment forms name the failing field', () => {
  it.each([
    ['', 'Enter the amount to top up'],
    ['12,5,0', 'The amount to top up must be a number, like 1250.50'],
    ['100.001', 'The amount to top up can have at most 2 decimal places'],
    ['999.99', 'The amount to top up must be at least 1 000.00 UZS'],
    ['100000000000.01', 'The amount to top up can be at most 100 000 000 000.00 UZS'],
    ['-5000', 'The amount to top up must be more than 0'],
  ])('a top-up of "%s": %s', (amount, message) => {
    expect(errors(ZTopUpStart.safeParse({ amount }))).toEqual([{ path: 'amount', message }]);
  });

  it('reads amounts as decimals, with spaces and a decimal comma', () => {
    expect(ZTopUpStart.parse({ amount: '5 000 000,50' }).amount).toBe('5000000.5');
  });

  it('a payment needs the declaration, the key and the amount', () => {
    expect(
      errors(ZPayDeclaration.safeParse({ declarationId: 'nope', idempotencyKey: 'x', amount: '0' })).map((e) => e.path),
    ).toEqual(['declarationId', 'idempotencyKey', 'amount']);
    expect(ZPayDeclaration.safeParse({ declarationId: A, idempotencyKey: KEY, amount: '100000.00' }).success).toBe(
      true,
    );
  });

  it('a refund needs an amount and a reason; a refusal needs a note', () => {
    expect(errors(ZRefundRequest.safeParse({ amount: '', reason: ' ' })).map((e) => e.path)).toEqual([
      'amount',
      'reason',
    ]);
    expect(errors(ZRefundDecision.safeParse({ refundId: A, decision: 'REFUSE', note: '  ' }))).toEqual([
      { path: 'note', message: 'Say why the refund is refused' },
    ]);
    expect(ZRefundDecision.safeParse({ refundId: A, decision: 'APPROVE', note: '' }).success).toBe(true);
    expect(errors(ZRefundDecision.safeParse({ refundId: A, decision: 'MAYBE' })).map((e) => e.path)).toEqual([
      'decision',
    ]);
  });
});

describe('statement periods and history filters', () => {
  it('a period ends on or after it starts, and covers at most 731 days', () => {
    expect(ZStatementPeriod.safeParse({ from: '2026-11-01', to: '2026-11-28' }).success).toBe(true);
    expect(errors(ZStatementPeriod.safeParse({ from: '2026-11-28', to: '2026-11-01' }))).toEqual([
      { path: 'to', message: 'The last day of the statement must be on or after its first day' },
    ]);
    expect(errors(ZStatementPeriod.safeParse({ from: '2024-01-01', to: '2026-01-01' })).map((e) => e.path)).toEqual([
      'to',
    ]);
    expect(errors(ZStatementPeriod.safeParse({ from: '2026-02-30', to: '' })).map((e) => e.path)).toEqual([
      'from',
      'to',
    ]);
  });

  it('the default statement is this month to today, in Tashkent', () => {
    expect(defaultStatementPeriod(new Date('2026-11-30T19:30:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(defaultStatementPeriod(new Date('2026-11-28T09:30:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-28' });
  });

  it('drops a bad history filter instead of failing', () => {
    expect(ZHistoryQuery.parse({ kind: 'THEFT', from: '2026-13-01', page: '-3' })).toEqual({
      kind: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});
