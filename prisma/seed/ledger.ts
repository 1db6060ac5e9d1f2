// Personal accounts: a payment per released (non-secured) declaration, debited per payment type
// just before release, and the top-ups that funded them. The running balance of every account
// never goes negative and the cached balance equals the sum of its ledger entries.
import { D } from '../../lib/money.ts';
import { seedUuid } from './ids.ts';
import { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, utcDay } from './dates.ts';
import type { CompanySpec } from './people.ts';
import type { HistoryDeclaration } from './history.ts';
import { DEMO_COMPANY_TINS } from './people.ts';

type PaymentType = 'DUTY' | 'EXCISE' | 'VAT' | 'FEE';
type Receipt = { at: Date; order: number; set: (n: string) => void };

export type MoneyRows = ReturnType<typeof buildMoney>;

const ZERO = new D(0);
const MILLION = new D(1_000_000);

/** Extra money the demo traders keep on their accounts, credited a few days before `now`. */
const DEMO_FLOAT: Record<string, string> = {
  [DEMO_COMPANY_TINS.silkRoad]: '300000000.00',
  [DEMO_COMPANY_TINS.orient]: '500000000.00',
};

export function buildMoney(args: {
  now: Date;
  companies: readonly CompanySpec[];
  declarations: readonly HistoryDeclaration[];
}) {
  const { now, companies, declarations } = args;
  const payments: {
    id: string;
    declarationId: string;
    companyId: string;
    idempotencyKey: string;
    amount: string;
    status: 'COMPLETED';
    receiptNumber: string;
    actorId: string;
    at: Date;
  }[] = [];
  const topUps: {
    id: string;
    companyId: string;
    amount: string;
    gateway: string;
    gatewayTransactionId: string;
    status: 'SUCCEEDED';
    receiptNumber: string;
    createdById: string;
    createdAt: Date;
    completedAt: Date;
  }[] = [];
  type Entry = {
    accountId: string;
    kind: 'TOP_UP' | 'PAYMENT';
    amount: string;
    paymentType: PaymentType | null;
    declarationId: string | null;
    paymentId: string | null;
    topUpId: string | null;
    refundId: null;
    reference: string;
    actorId: string;
    at: Date;
  };
  const entries: { entry: Entry; order: number }[] = [];
  const receipts: Receipt[] = [];
  const accounts: { id: string; companyId: string; balance: string; version: number; createdAt: Date }[] = [];
  let order = 0;

  for (const company of companies) {
    const rng = new Rng(`ledger:${company.tin}`);
    const paid = declarations
      .filter((d) => d.company.id === company.id && d.paidAt)
      .sort((a, b) => a.paidAt!.getTime() - b.paidAt!.getTime() || a.index - b.index);
    let balance = ZERO;
    let count = 0;
    let lastMovement = company.traderCreatedAt.getTime();
    const topUp = (amount: D, completedAt: number) => {
      const n = topUps.length;
      const id = seedUuid(`topup:${company.tin}:${n}`);
      const row = {
        id,
        companyId: company.id,
        amount: amount.toFixed(2),
        gateway: 'test',
        gatewayTransactionId: `test_${seedUuid(`gateway:${id}`).replace(/-/g, '').slice(0, 24)}`,
        status: 'SUCCEEDED' as const,
        receiptNumber: '',
        createdById: company.traderId,
        createdAt: new Date(Math.round(completedAt - rng.float(5, 90) * 1000)),
        completedAt: new Date(Math.round(completedAt)),
      };
      topUps.push(row);
      const entry: Entry = {
        accountId: company.accountId,
        kind: 'TOP_UP',
        amount: row.amount,
        paymentType: null,
        declarationId: null,
        paymentId: null,
        topUpId: id,
        refundId: null,
        reference: '',
        actorId: company.traderId,
        at: row.completedAt,
      };
      entries.push({ entry, order: order++ });
      receipts.push({
        at: row.completedAt,
        order: order++,
        set: (r) => ((row.receiptNumber = r), (entry.reference = r)),
      });
      balance = balance.plus(amount);
      count++;
    };

    for (const d of paid) {
      const a = d.assessment!;
      const byType: Record<PaymentType, D> = { DUTY: ZERO, EXCISE: ZERO, VAT: ZERO, FEE: a.fee };
      for (const x of a.items) {
        byType.DUTY = byType.DUTY.plus(x.duty);
        byType.EXCISE = byType.EXCISE.plus(x.excise);
        byType.VAT = byType.VAT.plus(x.vat);
      }
      const total = a.total;
      const at = d.paidAt!.getTime();
      if (balance.lt(total)) {
        // Top up enough for this payment and some of the next ones, in round millions.
        const amount = total.minus(balance).mul(rng.float(1.2, 2.5).toFixed(3)).div(MILLION).ceil().mul(MILLION);
        const when = Math.max(lastMovement + MINUTE, at - rng.float(10 * MINUTE, 20 * HOUR));
        topUp(amount, Math.min(when, at - MINUTE));
      }
      const paymentId = seedUuid(`payment:${d.id}`);
      const payment = {
        id: paymentId,
        declarationId: d.id,
        companyId: company.id,
        idempotencyKey: `seed-${d.id}`,
        amount: total.toFixed(2),
        status: 'COMPLETED' as const,
        receiptNumber: '',
        actorId: company.traderId,
        at: d.paidAt!,
      };
      payments.push(payment);
      receipts.push({ at: d.paidAt!, order: order++, set: (r) => (payment.receiptNumber = r) });
      for (const type of ['DUTY', 'EXCISE', 'VAT', 'FEE'] as const) {
        if (byType[type].isZero()) continue;
        entries.push({
          entry: {
            accountId: company.accountId,
            kind: 'PAYMENT',
            amount: byType[type].neg().toFixed(2),
            paymentType: type,
            declarationId: d.id,
            paymentId,
            topUpId: null,
            refundId: null,
            reference: d.registrationNumber,
            actorId: company.traderId,
            at: d.paidAt!,
          },
          order: order++,
        });
        count++;
      }
      balance = balance.minus(total);
      if (balance.isNegative()) throw new Error(`Seed ledger: ${company.tin} would go negative`);
      lastMovement = at;
    }

    const float = DEMO_FLOAT[company.tin];
    if (float)
      topUp(new D(float), Math.max(lastMovement + MINUTE, utcDay(now).getTime() - 3 * DAY + 5 * HOUR + 12 * MINUTE));

    accounts.push({
      id: company.accountId,
      companyId: company.id,
      balance: balance.toFixed(2),
      version: count,
      createdAt: company.registeredAt,
    });
  }

  // Receipt numbers R-YYYY-NNNNNNN, one series per (Tashkent) year, in time order.
  receipts.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  const perYear = new Map<number, number>();
  for (const r of receipts) {
    const year = new Date(r.at.getTime() + 5 * HOUR).getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    r.set(`R-${year}-${String(n).padStart(7, '0')}`);
  }

  entries.sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.order - b.order);
  return { payments, topUps, ledgerEntries: entries.map((e) => e.entry), accounts };
}
