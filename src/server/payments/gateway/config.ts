// Gateway settings from the environment. The built-in test gateway is on only where
// PAYMENT_TEST_GATEWAY=enabled (npm start and the end-to-end tests set it; production does not);
// its shared secret is PAYMENT_GATEWAY_SECRET (npm start generates one into .data/).
export const TEST_GATEWAY_ENV = 'PAYMENT_TEST_GATEWAY';
export const GATEWAY_SECRET_ENV = 'PAYMENT_GATEWAY_SECRET';

export function isTestGatewayEnabled(): boolean {
  return process.env[TEST_GATEWAY_ENV]?.trim() === 'enabled';
}

/** The shared secret; a missing or short one is a configuration error that says what to do. */
export function gatewaySecret(): string {
  const secret = process.env[GATEWAY_SECRET_ENV]?.trim() ?? '';
  if (secret.length < 32) {
    throw new Error(
      `${GATEWAY_SECRET_ENV} must be set to a secret of at least 32 characters (npm start generates one into .data/payment-gateway-secret).`,
    );
  }
  return secret;
}

/** The portal's own base URL, where the gateway sends its server-to-server callbacks. */
export function portalBaseUrl(): string {
  return (process.env.NEXTAUTH_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, '');
}

export function callbackPath(gatewayName: string): string {
  return `/api/payments/gateway/${gatewayName}/callback`;
}
