'use server';
// The test bank's server actions. They run only in demo mode and only for the signed-in trader
// whose company started the top-up (the test bank is the demo's stand-in for a card form; it must
// never be a way to credit money without paying). Every input is re-read and its signature checked again; an order is charged once
// (a second tab is refused, nothing charged); the merchant is notified by a signed server-to-server
// callback to its callback URL, never by touching its database.
import { z } from 'zod';
import { now } from '@/src/server/clock';
import { getActor } from '@/src/server/auth/session';
import {
  chargeOrder,
  chargedProblem,
  foreignOrderProblem,
  holdToken,
  isTestGatewayEnabled,
  newTransactionId,
  readCheckoutRequest,
  readHeldPayment,
  sendCallback,
  type Delivery,
} from '@/src/server/payments/gateway/test-bank';
import type { CallbackStatus } from '@/lib/payments/gateway-protocol';

type Result =
  { ok: true; data: { href: string; message?: string } } | { ok: false; formError: string; fieldErrors: [] };

const fail = (formError: string): Result => ({ ok: false, formError, fieldErrors: [] });
const ZScenario = z.enum(['SUCCESS', 'DECLINE', 'DELAYED', 'DUPLICATE']);
const ZQuery = z.record(z.string(), z.string().max(500));

async function deliver(
  args: { order: string; amount: string; transactionId: string; status: CallbackStatus },
  times = 1,
): Promise<Delivery[]> {
  const at = now();
  return Promise.all(Array.from({ length: times }, () => sendCallback({ ...args, now: at })));
}

const isAcknowledged = (d: Delivery) => d.status === 200;

/** Only the signed-in trader whose company started the top-up may pay it (or release its held notification). */
async function ownerProblem(order: string): Promise<string | null> {
  switch (await foreignOrderProblem(await getActor(), order)) {
    case 'UNAUTHENTICATED':
      return 'Sign in to the portal as the trader who started this top-up to pay it.';
    case 'NOT_FOUND':
      return 'This payment request is not one of your company’s top-ups: nothing was charged.';
    default:
      return null;
  }
}

export async function payAtTestGatewayAction(query: Record<string, string>, scenario: string): Promise<Result> {
  try {
    if (!isTestGatewayEnabled()) return fail('The test gateway is switched off.');
    const parsedQuery = ZQuery.safeParse(query);
    const parsedScenario = ZScenario.safeParse(scenario);
    if (!parsedQuery.success || !parsedScenario.success) return fail('The payment request is not valid.');
    const reading = readCheckoutRequest(parsedQuery.data);
    if (!reading.isValid) return fail(`The payment request is not valid: ${reading.problem}.`);
    const { order, amount, returnPath } = reading.request;
    const notOwner = await ownerProblem(order);
    if (notOwner) return fail(notOwner);
    const chosen = parsedScenario.data;
    if (chosen === 'DECLINE') {
      const problem = await chargedProblem(order);
      if (problem) return fail(problem);
    }
    // Every scenario but a decline takes the money now (a delayed one only notifies later): once per order.
    const charge =
      chosen === 'DECLINE'
        ? { isCharged: true as const, transactionId: newTransactionId() }
        : await chargeOrder({ order, amount, now: now() });
    if (!charge.isCharged) return fail(charge.problem);
    const { transactionId } = charge;
    switch (chosen) {
      case 'SUCCESS':
      case 'DUPLICATE': {
        const deliveries = await deliver(
          { order, amount, transactionId, status: 'SUCCEEDED' },
          chosen === 'DUPLICATE' ? 2 : 1,
        );
        if (!deliveries.every(isAcknowledged))
          return fail(
            `The merchant did not acknowledge the notification (HTTP ${deliveries.map((d) => d.status).join(', ')}).`,
          );
        return { ok: true, data: { href: returnPath } };
      }
      case 'DECLINE': {
        const [delivery] = await deliver({ order, amount, transactionId, status: 'DECLINED' });
        if (!isAcknowledged(delivery))
          return fail(`The merchant did not acknowledge the notification (HTTP ${delivery.status}).`);
        return { ok: true, data: { href: returnPath } };
      }
      case 'DELAYED': {
        const held = { order, amount, returnPath, transactionId };
        return {
          ok: true,
          data: { href: `/gateway/test/pending?${new URLSearchParams({ ...held, token: holdToken(held) })}` },
        };
      }
      default: {
        const never: never = chosen;
        return never;
      }
    }
  } catch (e) {
    console.error('[test gateway] payment failed', e);
    return fail('The test gateway could not reach the merchant. Try again.');
  }
}

/** The delayed notification: the bank sends it now. */
export async function sendHeldNotificationAction(query: Record<string, string>): Promise<Result> {
  try {
    if (!isTestGatewayEnabled()) return fail('The test gateway is switched off.');
    const parsed = ZQuery.safeParse(query);
    const held = parsed.success ? readHeldPayment(parsed.data) : null;
    if (!held) return fail('This pending payment is not valid.');
    const notOwner = await ownerProblem(held.order);
    if (notOwner) return fail(notOwner);
    const [delivery] = await deliver({
      order: held.order,
      amount: held.amount,
      transactionId: held.transactionId,
      status: 'SUCCEEDED',
    });
    if (!isAcknowledged(delivery))
      return fail(`The merchant did not acknowledge the notification (HTTP ${delivery.status}).`);
    return { ok: true, data: { href: held.returnPath, message: 'DELIVERED' } };
  } catch (e) {
    console.error('[test gateway] notification failed', e);
    return fail('The test gateway could not reach the merchant. Try again.');
  }
}
