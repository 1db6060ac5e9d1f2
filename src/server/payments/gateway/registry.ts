// The gateways the portal knows. A real bank is one more entry here (its own PaymentGateway with
// its own secret and checkout URL); nothing in the ledger changes.
import { testGateway } from './test-gateway';
import type { PaymentGateway } from './types';

const GATEWAYS: readonly PaymentGateway[] = [testGateway];

/** A gateway by name, enabled or not (a callback for a disabled one is still logged). */
export function gatewayByName(name: string): PaymentGateway | null {
  return GATEWAYS.find((g) => g.name === name) ?? null;
}

/** The gateway new top-ups go through: the first enabled one, or null when online top-up is off. */
export function topUpGateway(): PaymentGateway | null {
  return GATEWAYS.find((g) => g.isEnabled()) ?? null;
}
