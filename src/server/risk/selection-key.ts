// The risk engine's random selection: the secret it is keyed with, and the keyed draw itself.
// lib/risk/engine.ts takes the draw as a function (`SelectionDraw`) so that lib/ stays pure and the
// secret never leaves the server: whoever knows it can predict the draw.
// The secret: RISK_SELECTION_SECRET when set; otherwise a random secret created once per database,
// on first use, in the Setting row 'risk.selectionSecret' — so a fresh machine needs no configuration.
import { createHmac, randomBytes } from 'node:crypto';
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';
import { isSelectedAtShare, type SelectionDraw } from '@/lib/risk/engine';

export const RISK_SELECTION_SECRET_ENV = 'RISK_SELECTION_SECRET';
export const RISK_SELECTION_SECRET_KEY = 'risk.selectionSecret';

let cached: string | null = null;

export async function riskSelectionKey(reader: Tx | PrismaClient): Promise<string> {
  const fromEnv = process.env[RISK_SELECTION_SECRET_ENV]?.trim();
  if (fromEnv) return fromEnv;
  if (cached) return cached;
  // Concurrent first uses: one insert wins, the others wait for it and then read the same row.
  const candidate = JSON.stringify({ secret: randomBytes(32).toString('base64url') });
  const inserted =
    await reader.$executeRaw`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${RISK_SELECTION_SECRET_KEY}, ${candidate}::jsonb, now()) ON CONFLICT ("key") DO NOTHING`;
  const row = await reader.setting.findUniqueOrThrow({ where: { key: RISK_SELECTION_SECRET_KEY } });
  const stored = (row.value as { secret?: unknown } | null)?.secret;
  const secret = typeof stored === 'string' && stored.length > 0 ? stored : JSON.stringify(row.value);
  // A row this call inserted may still roll back with the caller's transaction: cache only a row
  // that was there before.
  if (inserted === 0) cached = secret;
  return secret;
}

/**
 * A uniform draw in [0, 1) that only the holder of `secret` can predict: the first 48 bits of
 * HMAC-SHA-256(secret, message), both as UTF-8, over 2^48. Past assessments and the seeded demo
 * rely on these exact values (tests/unit/risk-selection-draw.test.ts pins them): do not change the
 * hash, the encoding or the bits taken.
 */
export function keyedUniform(secret: string, message: string): number {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest().readUIntBE(0, 6) / 2 ** 48;
}

/** The engine's `SelectionDraw` under a secret: a declaration's draw is keyed on "risk-selection:" + its id. */
export function keyedSelectionDraw(secret: string): SelectionDraw {
  return (declarationId) => keyedUniform(secret, `risk-selection:${declarationId}`);
}

/** Whether the random share picks a declaration under a secret (what the engine decides with `keyedSelectionDraw`). */
export function isRandomlySelected(secret: string, declarationId: string, sharePercent: number): boolean {
  return isSelectedAtShare(keyedSelectionDraw(secret)(declarationId), sharePercent);
}

/** The selection draw registration uses: keyed with this database's (or the environment's) secret. */
export async function loadSelectionDraw(reader: Tx | PrismaClient): Promise<SelectionDraw> {
  return keyedSelectionDraw(await riskSelectionKey(reader));
}
