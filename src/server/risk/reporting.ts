// How the risk engine performs, for supervisors: hit rates over a date range per channel and per
// applied profile. Counted in PostgreSQL (raw SQL: per-profile figures come from the reasons stored
// as JSON with each assessment), so the app receives one row per channel and per profile.
import { db } from '../db';
import { assertRole, type Actor } from '../actor';
import { CHANNELS, type Channel } from '@/lib/risk/profiles';
import { startOfServiceDate } from '@/lib/time';

/** Hit rates over a date range: per channel, and per applied profile (from the stored reasons). */
export async function riskPerformance(args: { actor: Actor; from: string; to: string }) {
  assertRole(args.actor, ['SUPERVISOR']);
  const from = startOfServiceDate(args.from);
  const to = new Date(startOfServiceDate(args.to).getTime() + 86_400_000);
  const byChannel = await db.$queryRaw<
    Array<{ channel: Channel; declarations: number; inspected: number; hits: number }>
  >`
    SELECT d.channel, COUNT(*)::int AS declarations,
           COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Inspection" i WHERE i."declarationId" = d.id))::int AS inspected,
           COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Inspection" i WHERE i."declarationId" = d.id AND i."isHit"))::int AS hits
    FROM "Declaration" d
    WHERE d."registeredAt" >= ${from} AND d."registeredAt" < ${to} AND d.channel IS NOT NULL
    GROUP BY d.channel`;
  const byProfile = await db.$queryRaw<
    Array<{ profileId: string; name: string; isShadow: boolean; matched: number; inspected: number; hits: number }>
  >`
    SELECT r.value->>'profileId' AS "profileId", MAX(r.value->>'name') AS name, bool_or((r.value->>'isShadow')::boolean) AS "isShadow",
           COUNT(DISTINCT a."declarationId")::int AS matched,
           COUNT(DISTINCT a."declarationId") FILTER (WHERE EXISTS (SELECT 1 FROM "Inspection" i WHERE i."declarationId" = a."declarationId"))::int AS inspected,
           COUNT(DISTINCT a."declarationId") FILTER (WHERE EXISTS (SELECT 1 FROM "Inspection" i WHERE i."declarationId" = a."declarationId" AND i."isHit"))::int AS hits
    FROM "RiskAssessment" a, jsonb_array_elements(a.reasons) r
    WHERE a."createdAt" >= ${from} AND a."createdAt" < ${to} AND r.value->>'kind' = 'PROFILE' AND r.value ? 'profileId'
    GROUP BY r.value->>'profileId'
    ORDER BY matched DESC`;
  return {
    byChannel: CHANNELS.map(
      (c) => byChannel.find((r) => r.channel === c) ?? { channel: c, declarations: 0, inspected: 0, hits: 0 },
    ),
    byProfile,
  };
}
