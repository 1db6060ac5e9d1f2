// Rate-limit policies: how many requests (or sign-in attempts) a key may make in a window, and
// the per-account growing delay of sign-in. Pure numbers and arithmetic; the counting itself is
// atomic in PostgreSQL (src/server/rate-limit.ts).

export type RateLimitPolicy = {
  /** Requests (points) allowed in one window. */
  points: number;
  /** The window, fixed from the first request of the key. */
  durationSeconds: number;
};

const MINUTE = 60;

export const RATE_LIMIT_POLICIES = {
  /** Sign-in, per (account, address): 5 failures in 15 minutes lock this pair only. */
  signInAccountAddress: { points: 5, durationSeconds: 15 * MINUTE },
  /** Sign-in, per address across accounts: 20 failures in 15 minutes. */
  signInAddress: { points: 20, durationSeconds: 15 * MINUTE },
  /**
   * Sign-in, per account from any address: a counter only (never refuses by itself); its count
   * sets the growing delay of `accountDelaySeconds`. Never a hard lock: a stranger can only slow
   * the owner, not lock them out.
   */
  signInAccount: { points: 1_000_000, durationSeconds: 15 * MINUTE },
  /** The per-account gate: one checked attempt per delay; the window is the delay of that attempt. */
  signInAccountDelay: { points: 1, durationSeconds: 1 },
  /** The cookie-authenticated JSON API, per user. */
  apiUser: { points: 300, durationSeconds: MINUTE },
  /** The cookie-authenticated JSON API, per client address (an office behind one NAT). */
  apiAddress: { points: 1200, durationSeconds: MINUTE },
  /** Status polling (a page polls every 3 s: 20 a minute; three tabs fit), per user. */
  statusPolling: { points: 60, durationSeconds: MINUTE },
  /** The public document verification, per client address. */
  verifyAddress: { points: 60, durationSeconds: MINUTE },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitPolicyName = keyof typeof RATE_LIMIT_POLICIES;

/** The growing delay per account: free failures, then 2^(n − free) seconds, capped. */
export const SIGN_IN_DELAY = { freeFailures: 10, maxDelaySeconds: 60 } as const;

/**
 * How long an attempt on an account must wait after the previous checked one, given the failures
 * recorded for the account in its window: none up to 10, then 1, 2, 4, … seconds, at most 60.
 */
export function accountDelaySeconds(failures: number): number {
  if (!Number.isFinite(failures) || failures < SIGN_IN_DELAY.freeFailures) return 0;
  const exponent = Math.floor(failures) - SIGN_IN_DELAY.freeFailures;
  // 2^6 = 64 already passes the cap; larger exponents would only overflow towards Infinity.
  if (exponent >= 6) return SIGN_IN_DELAY.maxDelaySeconds;
  return Math.min(2 ** exponent, SIGN_IN_DELAY.maxDelaySeconds);
}

/** Whole seconds to wait (at least 1) from the milliseconds a limiter reports. */
export function retryAfterSecondsOf(msBeforeNext: number): number {
  if (!Number.isFinite(msBeforeNext) || msBeforeNext <= 0) return 1;
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/**
 * The sign-in refusal travels from next-auth's authorize() to the form as an error string
 * (`RATE_LIMITED:<seconds>`): next-auth passes only the message.
 */
export function signInRateLimitedError(retryAfterSeconds: number): string {
  return `RATE_LIMITED:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

export function parseSignInError(
  error: string | null | undefined,
): { code: 'RATE_LIMITED'; retryAfterSeconds: number | null } | { code: 'INVALID_CREDENTIALS' } | null {
  if (!error) return null;
  const match = /^RATE_LIMITED(?::(\d{1,7}))?$/.exec(error);
  if (match) return { code: 'RATE_LIMITED', retryAfterSeconds: match[1] ? Number(match[1]) : null };
  return { code: 'INVALID_CREDENTIALS' };
}

/** A wait in the largest sensible unit, rounded up, for a message such as "wait 2 minutes". */
export function waitInUnits(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return { unit: 'seconds', count: s };
  return { unit: 'minutes', count: Math.ceil(s / 60) };
}
