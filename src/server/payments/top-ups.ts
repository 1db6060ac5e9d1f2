// Top-ups: the trader starts one for an amount, and is sent to the gateway's checkout. Nothing is
// credited here: only the gateway's signed callback credits (callbacks.ts).
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import type { TopUpStartInput } from '@/lib/payments/schemas';
import { gatewayByName, topUpGateway } from './gateway/registry';

export const topUpReturnPath = (topUpId: string) => `/trader/account/top-ups/${topUpId}`;

export type StartedTopUp = { id: string; checkoutUrl: string };

export async function startTopUp(args: { actor: Actor; input: TopUpStartInput; now: Date }): Promise<StartedTopUp> {
  const { actor, input, now } = args;
  assertTrader(actor);
  const gateway = topUpGateway();
  if (!gateway)
    throw new AppError(
      'CONFLICT',
      'Online top-up is not available at the moment. Pay by bank transfer to the customs account, or try again later.',
    );
  const amount = new D(input.amount).toFixed(2);
  return db.$transaction(async (tx) => {
    const topUp = await tx.topUp.create({
      data: {
        companyId: actor.companyId,
        amount,
        gateway: gateway.name,
        status: 'PENDING',
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    // Built before commit: a gateway that cannot sign (no secret) leaves no pending top-up behind.
    const checkoutUrl = await gateway.checkoutUrl({ topUpId: topUp.id, amount, returnPath: topUpReturnPath(topUp.id) });
    await writeAudit(tx, {
      actor,
      action: 'topup.start',
      entityType: 'TopUp',
      entityId: topUp.id,
      data: { amount, gateway: gateway.name },
      at: now,
    });
    return { id: topUp.id, checkoutUrl };
  });
}

export type TopUpView = {
  id: string;
  amount: string;
  status: 'PENDING' | 'SUCCEEDED' | 'DECLINED';
  gateway: string;
  gatewayTransactionId: string | null;
  receiptNumber: string | null;
  createdAt: Date;
  completedAt: Date | null;
  /** Where to continue paying a pending top-up (null when it is not pending or its gateway is off). */
  checkoutUrl: string | null;
};

/** One of the company's top-ups (another company's is "not found"). */
export async function getTopUp(args: { actor: Actor; topUpId: string }): Promise<TopUpView> {
  const { actor } = args;
  assertTrader(actor);
  const t = await db.topUp.findFirst({ where: { id: args.topUpId, companyId: actor.companyId } });
  if (!t) throw new AppError('NOT_FOUND', 'The top-up was not found.');
  const gateway = gatewayByName(t.gateway);
  const amount = t.amount.toFixed(2);
  return {
    id: t.id,
    amount,
    status: t.status,
    gateway: t.gateway,
    gatewayTransactionId: t.gatewayTransactionId,
    receiptNumber: t.receiptNumber,
    createdAt: t.createdAt,
    completedAt: t.completedAt,
    checkoutUrl:
      t.status === 'PENDING' && gateway?.isEnabled()
        ? await gateway.checkoutUrl({ topUpId: t.id, amount, returnPath: topUpReturnPath(t.id) })
        : null,
  };
}

/** The company's top-ups still waiting for the gateway, newest first. */
export async function listPendingTopUps(args: { actor: Actor; limit?: number }) {
  const { actor } = args;
  assertTrader(actor);
  const rows = await db.topUp.findMany({
    where: { companyId: actor.companyId, status: 'PENDING' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: args.limit ?? 10,
    select: { id: true, amount: true, gateway: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, amount: r.amount.toFixed(2) }));
}
