// The other side of the built-in test gateway: a simulated bank, as a real one would behave. Its
// checkout page (app/gateway/test) reads the merchant's signed request, takes the "card payment"
// and notifies the merchant server to server with a signed callback — at once, twice (a gateway
// retrying), later (payment pending, notification delayed) or as a decline. It never touches the
// ledger: the portal learns of the payment only through the callback URL, like from any bank.
// Like a real bank it keeps its own book of the orders it charged (TestBankCharge): an order is
// charged once, so a second checkout tab cannot take the money again (the portal would refuse the
// second notification — the top-up is already credited — and that money would be lost).
import { randomBytes } from 'node:crypto';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { db, Prisma } from '../../db';
import {
  MERCHANT_ID,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  ZCheckoutRequest,
  formatSignatureHeader,
  unixSeconds,
  type CallbackBody,
  type CallbackStatus,
  type CheckoutRequest,
} from '@/lib/payments/gateway-protocol';
import { callbackPath, gatewaySecret, isTestGatewayEnabled, portalBaseUrl } from './config';
import { hmacHex, isCheckoutSignatureValid, isSameDigest, signCallback } from './signature';
import { TEST_GATEWAY_NAME } from './test-gateway';
import type { Actor } from '../../actor';

export { isTestGatewayEnabled };

export type CheckoutReading = { isValid: true; request: CheckoutRequest } | { isValid: false; problem: string };

/** The merchant's checkout request from the page's query, with its signature checked. */
export function readCheckoutRequest(query: Record<string, string | undefined>): CheckoutReading {
  const parsed = ZCheckoutRequest.safeParse(query);
  if (!parsed.success)
    return { isValid: false, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const { signature, ...request } = parsed.data;
  if (!isCheckoutSignatureValid(gatewaySecret(), request, signature))
    return { isValid: false, problem: 'the merchant’s signature does not match the request' };
  return { isValid: true, request };
}

/**
 * The test bank stands in for a card form in the demo, so it takes money only for a top-up of the
 * signed-in trader's own company: anyone else (anonymous, another company, an officer) is told the
 * order is not theirs, and nothing is charged. Null when the actor may pay the order.
 */
export async function foreignOrderProblem(
  actor: Actor | null,
  order: string,
): Promise<'UNAUTHENTICATED' | 'NOT_FOUND' | null> {
  if (!actor) return 'UNAUTHENTICATED';
  if (actor.role !== 'TRADER' || !actor.companyId || !z.uuid().safeParse(order).success) return 'NOT_FOUND';
  const topUp = await db.topUp.findFirst({ where: { id: order, companyId: actor.companyId }, select: { id: true } });
  return topUp ? null : 'NOT_FOUND';
}

/** For the bank's pages: anonymous → sign in and come back; someone else's order → not found. */
export async function requireOrderOwnerPage(
  actor: Actor | null,
  order: string | null,
  returnTo: string,
): Promise<void> {
  if (!order) return; // an invalid request is shown as invalid by the page itself
  const problem = await foreignOrderProblem(actor, order);
  if (problem === 'UNAUTHENTICATED') redirect(`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`);
  if (problem === 'NOT_FOUND') notFound();
}

export function newTransactionId(): string {
  return `test_${randomBytes(12).toString('hex')}`;
}

export type Charge = { isCharged: true; transactionId: string } | { isCharged: false; problem: string };

/**
 * Take the card payment for an order, once: the first tab charges it; any later attempt (another
 * tab, a back button, a double click) is refused and charges nothing. The primary key on the order
 * decides between two tabs paying at the same moment.
 */
export async function chargeOrder(args: { order: string; amount: string; now: Date }): Promise<Charge> {
  const transactionId = newTransactionId();
  try {
    await db.testBankCharge.create({
      data: { order: args.order, transactionId, amount: args.amount, chargedAt: args.now },
    });
    return { isCharged: true, transactionId };
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
    return { isCharged: false, problem: (await chargedProblem(args.order))! };
  }
}

/** Why an order cannot be paid (or declined) again, or null when the bank has not charged it. */
export async function chargedProblem(order: string): Promise<string | null> {
  const charge = await db.testBankCharge.findUnique({ where: { order } });
  if (!charge) return null;
  return `This order was already paid (transaction ${charge.transactionId}, ${charge.amount.toFixed(2)} UZS): nothing was charged this time. Go back to the portal to see your top-up.`;
}

/** A payment held by the bank whose notification has not been sent yet (the "delayed callback" scenario), carried in the pending page's URL. */
export const ZHeldPayment = z.object({
  order: z.uuid(),
  amount: z.string().regex(/^\d{1,15}\.\d{2}$/),
  returnPath: z.string().regex(/^\/[A-Za-z0-9/_-]{0,200}$/),
  transactionId: z.string().regex(/^test_[0-9a-f]{24}$/),
  token: z.string().regex(/^[0-9a-f]{64}$/),
});
export type HeldPayment = Omit<z.infer<typeof ZHeldPayment>, 'token'>;

// The bank's own seal on the pending page's URL (a different message from anything the merchant signs).
const heldInput = (h: HeldPayment) => `test-bank:held:${h.order}:${h.amount}:${h.transactionId}:${h.returnPath}`;

export function holdToken(held: HeldPayment): string {
  return hmacHex(gatewaySecret(), heldInput(held));
}

export function readHeldPayment(query: Record<string, string | undefined>): HeldPayment | null {
  const parsed = ZHeldPayment.safeParse(query);
  if (!parsed.success) return null;
  const { token, ...held } = parsed.data;
  return isSameDigest(holdToken(held), token) ? held : null;
}

export type Delivery = { status: number; body: string };

/** Notify the merchant: POST the signed callback to the portal's callback URL, as a bank's server would. */
export async function sendCallback(args: {
  order: string;
  amount: string;
  transactionId: string;
  status: CallbackStatus;
  now: Date;
}): Promise<Delivery> {
  const body: CallbackBody = {
    merchant: MERCHANT_ID,
    order: args.order,
    transactionId: args.transactionId,
    amount: args.amount,
    currency: 'UZS',
    status: args.status,
    occurredAt: args.now.toISOString(),
  };
  const raw = JSON.stringify(body);
  const timestamp = unixSeconds(args.now);
  const response = await fetch(`${portalBaseUrl()}${callbackPath(TEST_GATEWAY_NAME)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: formatSignatureHeader(signCallback(gatewaySecret(), timestamp, raw)),
    },
    body: raw,
    cache: 'no-store',
  });
  return { status: response.status, body: await response.text() };
}
