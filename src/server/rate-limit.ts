// Rate limits, counted in PostgreSQL by rate-limiter-flexible (RateLimiterPostgres): each
// consume is one `INSERT … ON CONFLICT DO UPDATE … RETURNING` on "RateLimit", so a burst of
// parallel requests cannot pass a limit, and every instance of the portal shares the counts.
// Policies (numbers) live in lib/security/rate-limits.ts. The store has its own small pg pool so
// that a flood of refused requests never takes connections from the use cases.
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '@/lib/errors';
import { RATE_LIMIT_POLICIES, retryAfterSecondsOf, type RateLimitPolicyName } from '@/lib/security/rate-limits';
import { clientAddress, type HeaderSource } from './client-address';

export type RateLimitDecision = {
  isAllowed: boolean;
  /** Whole seconds until the key's window ends (the `Retry-After` of a refusal). */
  retryAfterSeconds: number;
  /** Points counted in the current window, this request included. */
  consumed: number;
};

type Store = { pool: Pool; limiters: Map<RateLimitPolicyName, RateLimiterPostgres> };
const globalForRateLimit = globalThis as unknown as { rateLimitStore?: Store };

function store(): Store {
  if (globalForRateLimit.rateLimitStore) return globalForRateLimit.rateLimitStore;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: the rate limits are counted in PostgreSQL.');
  const pool = new Pool({ connectionString, max: Number(process.env.RATE_LIMIT_POOL_SIZE ?? 5) });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', (e) => console.error('[rate-limit] idle PostgreSQL connection failed', e));
  globalForRateLimit.rateLimitStore = { pool, limiters: new Map() };
  return globalForRateLimit.rateLimitStore;
}

function limiter(name: RateLimitPolicyName): RateLimiterPostgres {
  const { pool, limiters } = store();
  let found = limiters.get(name);
  if (!found) {
    const policy = RATE_LIMIT_POLICIES[name];
    found = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'RateLimit', // created by the migration 20261207131002_sessions_and_rate_limits
      tableCreated: true,
      keyPrefix: name,
      points: policy.points,
      duration: policy.durationSeconds,
      // One limiter per process sweeps rows expired an hour ago (the whole table), every 5 minutes.
      clearExpiredByTimeout: limiters.size === 0,
    });
    limiters.set(name, found);
  }
  return found;
}

/** Keys fit the table's varchar(255) whatever the caller passes (an email has no length limit). */
function storeKey(key: string): string {
  return key.length <= 160 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

function decisionOf(res: RateLimiterRes, isAllowed: boolean): RateLimitDecision {
  return { isAllowed, retryAfterSeconds: retryAfterSecondsOf(res.msBeforeNext), consumed: res.consumedPoints };
}

/**
 * Count one request of `key` under `policy`, atomically. `durationSeconds` replaces the policy's
 * window for a window that starts now (the growing sign-in delay). A store failure throws: the
 * limits fail closed.
 */
export async function consume(
  policy: RateLimitPolicyName,
  key: string,
  options: { durationSeconds?: number } = {},
): Promise<RateLimitDecision> {
  const extra =
    options.durationSeconds === undefined ? {} : { customDuration: Math.max(1, Math.ceil(options.durationSeconds)) };
  try {
    return decisionOf(await limiter(policy).consume(storeKey(key), 1, extra), true);
  } catch (e) {
    if (e instanceof RateLimiterRes) return decisionOf(e, false);
    throw e;
  }
}

/** Give back one point (an attempt that turned out not to count). */
export async function reward(policy: RateLimitPolicyName, key: string): Promise<void> {
  await limiter(policy).reward(storeKey(key), 1);
}

/** Forget the key (a successful sign-in clears its account-and-address failures). */
export async function reset(policy: RateLimitPolicyName, key: string): Promise<void> {
  await limiter(policy).delete(storeKey(key));
}

/** Count one request; over the limit, throw RATE_LIMITED carrying the wait. */
export async function enforce(policy: RateLimitPolicyName, key: string): Promise<void> {
  const decision = await consume(policy, key);
  if (!decision.isAllowed) throw rateLimited(decision.retryAfterSeconds);
}

/**
 * The cookie-authenticated JSON API: per user and per client address. Called by `withActor`
 * (src/server/http.ts) for every route under app/api except next-auth's and the gateway callbacks.
 */
export async function enforceApiRateLimits(input: { userId: string; headers: HeaderSource }): Promise<void> {
  await enforce('apiUser', input.userId);
  await enforce('apiAddress', clientAddress(input.headers));
}

/**
 * The public /verify page, per client address, for the proxy (a page cannot answer 429): null
 * to go on, or the 429 response with Retry-After. Wired in proxy.ts for paths under /verify.
 */
export async function verifyRateLimitResponse(request: Request): Promise<NextResponse | null> {
  const decision = await consume('verifyAddress', clientAddress(request.headers));
  if (decision.isAllowed) return null;
  return new NextResponse('Too many verification requests from your network. Wait a moment and try again.', {
    status: 429,
    headers: {
      'Retry-After': String(decision.retryAfterSeconds),
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });
}

/** Close the store's pool (tests, shutdown). */
export async function closeRateLimitStore(): Promise<void> {
  const current = globalForRateLimit.rateLimitStore;
  globalForRateLimit.rateLimitStore = undefined;
  await current?.pool.end();
}
