// The latest assessment of a declaration with the method and rate of every payment, as stored at
// registration (or at the last reassessment): what the declaration's page and its printed copy show.
import { db, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { AppError } from '@/lib/errors';
import { isAppliedMethod, type AppliedPayment, type AppliedPaymentType } from '@/lib/duties/applied-rate';

const TYPE_ORDER: Record<AppliedPaymentType, number> = { DUTY: 0, EXCISE: 1, VAT: 2, FEE: 3 };

/**
 * The payments of the declaration's latest assessment, items by line (duty, excise, VAT) then the
 * fee; none before it is assessed. For a declaration the caller has already read within the actor's
 * scope (the trader's page, the printed copy).
 */
export async function loadAppliedPayments(reader: Tx | typeof db, declarationId: string): Promise<AppliedPayment[]> {
  const latest = await reader.assessedPayment.aggregate({ where: { declarationId }, _max: { assessmentNo: true } });
  const assessmentNo = latest._max.assessmentNo;
  if (!assessmentNo) return [];
  const rows = await reader.assessedPayment.findMany({
    where: { declarationId, assessmentNo },
    select: {
      paymentType: true,
      method: true,
      rate: true,
      rateUnit: true,
      base: true,
      amount: true,
      item: { select: { lineNo: true } },
    },
  });
  return (
    rows
      // An item removed by an amendment keeps its rows of earlier assessments only; the latest has none.
      .filter((r) => r.paymentType === 'FEE' || r.item)
      .map((r): AppliedPayment => ({
        lineNo: r.paymentType === 'FEE' ? null : r.item!.lineNo,
        type: r.paymentType,
        method: isAppliedMethod(r.method) ? r.method : null,
        rate: r.rate === null ? null : r.rate.toFixed(),
        unit: r.rateUnit,
        base: r.base.toFixed(2),
        amount: r.amount.toFixed(2),
      }))
      .sort((a, b) => (a.lineNo ?? 1e9) - (b.lineNo ?? 1e9) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type])
  );
}

/** The trader's view of the applied rates of one of the company's declarations (another company's is "not found"). */
export async function getAppliedRates(args: { actor: Actor; declarationId: string }): Promise<AppliedPayment[]> {
  const { actor } = args;
  assertTrader(actor);
  const d = await db.declaration.findFirst({
    where: { id: args.declarationId, companyId: actor.companyId },
    select: { id: true },
  });
  if (!d) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return loadAppliedPayments(db, d.id);
}
