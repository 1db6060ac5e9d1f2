'use server';
// The finance desk's decision on a refund request. The two forms name their note differently (one
// page, two forms): each maps it to the schema's `note` and back for the field error.
import { runAction } from '@/src/server/http';
import { decideRefund } from '@/src/server/payments/refunds';
import { now } from '@/src/server/clock';
import { ZRefundDecision } from '@/lib/payments/schemas';
import { formValue } from '@/lib/form-data';

async function decide(refundId: string, decision: 'APPROVE' | 'REFUSE', note: string | undefined, field: string) {
  const result = await runAction(ZRefundDecision, { refundId, decision, note }, ({ actor, input }) =>
    decideRefund({ actor, input, now: now() }),
  );
  return result.ok
    ? result
    : { ...result, fieldErrors: result.fieldErrors.map((e) => (e.path === 'note' ? { ...e, path: field } : e)) };
}

export async function approveRefundAction(refundId: string, formData: FormData) {
  return decide(refundId, 'APPROVE', formValue(formData, 'approvalNote'), 'approvalNote');
}

export async function refuseRefundAction(refundId: string, formData: FormData) {
  return decide(refundId, 'REFUSE', formValue(formData, 'refusalReason'), 'refusalReason');
}
