import type { Tx } from './db';
import type { Actor } from './actor';
import type { Prisma } from '@/src/generated/prisma/client';

export type AuditInput = {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
  at: Date;
};

/** Write the audit entry of a state change. Call it inside the transaction that makes the change. */
export async function writeAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: input.actor?.userId ?? null,
      actorRole: input.actor?.role ?? 'SYSTEM',
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      data: input.data,
      at: input.at,
    },
  });
}
