'use server';
// Server actions of the personal account. Each goes through runAction (actor, zod parse, use case,
// errors as field errors); the use case authorizes and scopes again.
import { runAction } from '@/src/server/http';
import { startTopUp } from '@/src/server/payments/top-ups';
import { creditOverpayment, payDeclaration } from '@/src/server/payments/pay';
import { requestRefund } from '@/src/server/payments/refunds';
import { now } from '@/src/server/clock';
import { ZPayDeclaration, ZRefundRequest, ZReturnOverpayment, ZTopUpStart } from '@/lib/payments/schemas';
import { formFields } from '@/lib/form-data';

export async function startTopUpAction(formData: FormData) {
  return runAction(ZTopUpStart, formFields(formData), ({ actor, input }) => startTopUp({ actor, input, now: now() }));
}

export async function payDeclarationAction(declarationId: string, formData: FormData) {
  return runAction(ZPayDeclaration, { ...formFields(formData), declarationId }, ({ actor, input }) =>
    payDeclaration({
      actor,
      declarationId: input.declarationId,
      idempotencyKey: input.idempotencyKey,
      amount: input.amount,
      now: now(),
    }),
  );
}

export async function creditOverpaymentAction(declarationId: string, formData: FormData) {
  return runAction(ZReturnOverpayment, { ...formFields(formData), declarationId }, ({ actor, input }) =>
    creditOverpayment({ actor, declarationId: input.declarationId, amount: input.amount, now: now() }),
  );
}

export async function requestRefundAction(formData: FormData) {
  return runAction(ZRefundRequest, formFields(formData), ({ actor, input }) =>
    requestRefund({ actor, input, now: now() }),
  );
}
