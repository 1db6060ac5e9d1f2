// npm run bench (part) — what the security layer costs per request, on a real PostgreSQL:
// - the proxy (malformed-path check, cross-site check, CSP nonce and headers, the session cookie's
//   JWT decode) against the JWT decode alone (what the proxy did before: next-auth's withAuth);
// - the server-side session check (session row + user, one query) against the user lookup it
//   replaced;
// - the JSON API's rate limits (two atomic upserts).
// Printed, never asserted.
import { performance } from 'node:perf_hooks';
import { ms, percentile, printFigures, timeRuns, withSeededDatabase, type BenchFigure } from './bench-support.ts';

const figures: BenchFigure[] = [];
const log = (line: string) => console.log(`[bench:security] ${line}`);
const NOW = new Date('2026-11-28T09:30:00Z');
process.env.NEXTAUTH_SECRET ??= 'bench-secret-0123456789abcdef0123456789';
process.env.NEXTAUTH_URL ??= 'http://localhost:3000';

await withSeededDatabase({ prefix: 'csw_bench_security', log }, async () => {
  const { db } = await import('../server/db.ts');
  const { startSession, actorOfSession } = await import('../server/auth/sessions.ts');
  const { enforceApiRateLimits, closeRateLimitStore } = await import('../server/rate-limit.ts');
  const { encode, getToken } = await import('next-auth/jwt');
  const { NextRequest } = await import('next/server');
  const { proxy } = await import('../../proxy.ts');

  const user = await db.user.findFirstOrThrow({ where: { email: 'trader@silkroad.uz' } });
  const session = await startSession({ userId: user.id, now: NOW });
  const RUNS = 2000;

  // 1. The proxy on a signed-in page request, against decoding the session cookie alone.
  const jwt = await encode({ token: { sid: session.id, userId: user.id }, secret: process.env.NEXTAUTH_SECRET! });
  const request = () =>
    new NextRequest('http://localhost:3000/trader/declarations/new', {
      headers: { cookie: `next-auth.session-token=${jwt}`, host: 'localhost:3000' },
    });
  const proxyTimes = await timeRuns(RUNS, 200, () => proxy(request()));
  const decodeTimes = await timeRuns(RUNS, 200, () =>
    getToken({ req: request(), secret: process.env.NEXTAUTH_SECRET }),
  );
  const proxyAdded = percentile(proxyTimes, 95) - percentile(decodeTimes, 95);
  figures.push({
    label: `proxy per request (headers, CSP nonce, checks, cookie decode), p95 of ${RUNS} (p50 ${ms(percentile(proxyTimes, 50))})`,
    target: '—',
    value: ms(percentile(proxyTimes, 95)),
  });
  figures.push({
    label: `  of which the cookie decode alone (what the proxy did before), p95`,
    target: '—',
    value: ms(percentile(decodeTimes, 95)),
  });

  // 2. The session check against the user lookup it replaced.
  const sessionTimes = await timeRuns(RUNS, 200, () => actorOfSession(session.id, new Date(NOW.getTime() + 1000)));
  const userTimes = await timeRuns(RUNS, 200, () => db.user.findUnique({ where: { id: user.id } }));
  const sessionAdded = percentile(sessionTimes, 95) - percentile(userTimes, 95);
  figures.push({
    label: `session check (session + user, one query), p95 of ${RUNS} (p50 ${ms(percentile(sessionTimes, 50))})`,
    target: '—',
    value: ms(percentile(sessionTimes, 95)),
  });
  figures.push({ label: `  the user lookup it replaced, p95`, target: '—', value: ms(percentile(userTimes, 95)) });
  figures.push({
    label: 'added per request by the security headers and the session check (p95 differences)',
    target: '< 2 ms',
    value: ms(Math.max(0, proxyAdded) + Math.max(0, sessionAdded)),
  });

  // 3. The JSON API's rate limits (per user and per address), distinct users so none is refused.
  const limitTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await enforceApiRateLimits({ userId: `bench-${i % 50}`, headers: { 'x-forwarded-for': `10.9.${i % 250}.1` } });
    limitTimes.push(performance.now() - t0);
  }
  figures.push({
    label: `JSON API rate limits (two atomic upserts), p95 of ${RUNS} (p50 ${ms(percentile(limitTimes, 50))})`,
    target: '—',
    value: ms(percentile(limitTimes, 95)),
  });

  await closeRateLimitStore();
  await db.$disconnect();
});

printFigures(figures);
