// What a declaration owes, read from the ledger: the one function every screen, document and rule
// that shows or checks "still to pay" goes through (the declaration page, its pay control, the
// release check, the officer's view). The arithmetic is lib/payments/settlement.ts.
import type { db, Tx } from '../db';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import {
  amountDueOf,
  perType,
  settlementOf,
  targetFor,
  type PaymentType,
  type PerType,
  type Settlement,
} from '@/lib/payments/settlement';

type Reader = Tx | typeof db;

export type DeclarationSettlement = {
  assessmentNo: number | null;
  assessed: PerType;
  settled: PerType;
  settlement: Settlement;
  /** What is still to pay (never negative): the settlement's net when something is due, else 0.00. */
  amountDue: string;
};

/**
 * The latest assessment's payable amounts against what the ledger settled for the declaration (one
 * query). A refused or withdrawn declaration owes nothing, so whatever it settled is overpaid (and,
 * once credited back, settled).
 */
export async function loadSettlement(
  reader: Reader,
  declaration: { id: string; status: DeclarationStatus },
): Promise<DeclarationSettlement> {
  const rows = await reader.$queryRaw<
    Array<{ source: 'ASSESSED' | 'SETTLED'; paymentType: PaymentType; amount: string; assessmentNo: number | null }>
  >`
    WITH latest AS (SELECT max("assessmentNo") AS n FROM "AssessedPayment" WHERE "declarationId" = ${declaration.id}::uuid)
    SELECT 'ASSESSED' AS source, ap."paymentType"::text AS "paymentType", sum(ap.amount)::text AS amount, max(latest.n) AS "assessmentNo"
      FROM "AssessedPayment" ap, latest
      WHERE ap."declarationId" = ${declaration.id}::uuid AND ap."assessmentNo" = latest.n AND NOT ap."isSecured"
      GROUP BY ap."paymentType"
    UNION ALL
    -- Debits are negative in the ledger: settled = −(sum of the declaration's payment entries).
    SELECT 'SETTLED', le."paymentType"::text, (-sum(le.amount))::text, NULL
      FROM "LedgerEntry" le
      WHERE le."declarationId" = ${declaration.id}::uuid AND le.kind IN ('PAYMENT', 'REVERSAL') AND le."paymentType" IS NOT NULL
      GROUP BY le."paymentType"`;
  const assessed = perType(rows.filter((r) => r.source === 'ASSESSED'));
  const settled = perType(rows.filter((r) => r.source === 'SETTLED'));
  const assessmentNo = rows.find((r) => r.source === 'ASSESSED')?.assessmentNo ?? null;
  const settlement = settlementOf({ target: targetFor(declaration.status, assessed), settled });
  return {
    assessmentNo: assessmentNo === null ? null : Number(assessmentNo),
    assessed,
    settled,
    settlement,
    amountDue: amountDueOf(settlement),
  };
}

/** What is still to pay on a declaration (its status read here), from the ledger. 0.00 for an unknown id. */
export async function loadAmountDue(reader: Reader, declarationId: string): Promise<string> {
  const d = await reader.declaration.findUnique({ where: { id: declarationId }, select: { id: true, status: true } });
  return d ? (await loadSettlement(reader, d)).amountDue : '0.00';
}
