// One zod schema per payment form and API body, shared by the form, the server action and the
// route handler. Amounts stay decimal strings (UZS, at most 2 decimals); bad input names its field.
import { z } from 'zod';
import { D } from '../money';
import { decimalString, requiredText, optionalText } from '../declaration/fields';
import { ZIdempotencyKey } from './idempotency';
import { whenValid } from '../validation';

export const MIN_TOP_UP = '1000.00';
export const MAX_TOP_UP = '100000000000.00';

const uzs = (label: string) => decimalString(label, { scale: 2, isPositive: true });

export const ZTopUpStart = z.object({
  amount: uzs('amount to top up').superRefine((v, ctx) => {
    if (new D(v).lt(MIN_TOP_UP))
      ctx.addIssue({ code: 'custom', message: 'The amount to top up must be at least 1 000.00 UZS' });
    else if (new D(v).gt(MAX_TOP_UP))
      ctx.addIssue({ code: 'custom', message: 'The amount to top up can be at most 100 000 000 000.00 UZS' });
  }),
});
export type TopUpStartInput = z.output<typeof ZTopUpStart>;

/** Pay what a declaration owes from the balance. `amount` is what the trader saw: if it changed since, nothing is paid. */
export const ZPayDeclaration = z.object({
  declarationId: z.uuid({ error: 'The declaration was not found' }),
  idempotencyKey: ZIdempotencyKey,
  amount: uzs('amount to pay'),
});
export type PayDeclarationInput = z.output<typeof ZPayDeclaration>;

/**
 * The JSON body of POST /api/payments/declarations/:id. The idempotency key comes only from the
 * `Idempotency-Key` header: a key in the body would let a cross-site form (which cannot set headers)
 * make the request look like a proper API call.
 */
export const ZPayDeclarationBody = ZPayDeclaration.omit({ declarationId: true, idempotencyKey: true });
/** The `Idempotency-Key` header of the API, by its header name so that the error names it. */
export const ZIdempotencyKeyHeader = z.object({ 'Idempotency-Key': ZIdempotencyKey });

/** Credit a declaration's overpayment back to the balance; `amount` is the overpayment the trader saw. */
export const ZReturnOverpayment = z.object({
  declarationId: z.uuid({ error: 'The declaration was not found' }),
  amount: uzs('overpaid amount'),
});

export const ZRefundRequest = z.object({
  amount: uzs('amount to refund'),
  reason: requiredText('reason for the refund', 500, { isMultiline: true }),
});
export type RefundRequestInput = z.output<typeof ZRefundRequest>;

export const REFUND_DECISIONS = ['APPROVE', 'REFUSE'] as const;
export type RefundDecision = (typeof REFUND_DECISIONS)[number];

export const ZRefundDecision = z
  .object({
    refundId: z.uuid({ error: 'The refund request was not found' }),
    decision: z.enum(REFUND_DECISIONS, { error: 'Choose whether to approve or refuse the refund' }),
    note: optionalText(500, { isMultiline: true }),
  })
  .superRefine(
    (v, ctx) => {
      if (v.decision === 'REFUSE' && !v.note)
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why the refund is refused' });
    },
    whenValid('decision', 'note'),
  );
export type RefundDecisionInput = z.output<typeof ZRefundDecision>;
