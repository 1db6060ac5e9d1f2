// The secret the risk engine's random selection is keyed with (lib/risk/engine.ts draws
// HMAC(secret, declaration id)). RISK_SELECTION_SECRET when set; otherwise a random secret created
// once per database, on first use, in the Setting row 'risk.selectionSecret' — so a fresh machine
// needs no configuration. Whoever knows the secret can predict the draw: it never leaves the server.
import { randomBytes } from 'node:crypto';
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';

export const RISK_SELECTION_SECRET_ENV = 'RISK_SELECTION_SECRET';
export const RISK_SELECTION_SECRET_KEY = 'risk.selectionSecret';

let cached: string | null = null;

export async function riskSelectionKey(reader: Tx | PrismaClient): Promise<string> {
  const fromEnv = process.env[RISK_SELECTION_SECRET_ENV]?.trim();
  if (fromEnv) return fromEnv;
  if (cached) return cached;
  // Concurrent first uses: one insert wins, the others wait for it and then read the same row.
  const candidate = JSON.stringify({ secret: randomBytes(32).toString('base64url') });
  const inserted = await reader.$executeRaw`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${RISK_SELECTION_SECRET_KEY}, ${candidate}::jsonb, now()) ON CONFLICT ("key") DO NOTHING`;
  const row = await reader.setting.findUniqueOrThrow({ where: { key: RISK_SELECTION_SECRET_KEY } });
  const stored = (row.value as { secret?: unknown } | null)?.secret;
  const secret = typeof stored === 'string' && stored.length > 0 ? stored : JSON.stringify(row.value);
  // A row this call inserted may still roll back with the caller's transaction: cache only a row
  // that was there before.
  if (inserted === 0) cached = secret;
  return secret;
}
