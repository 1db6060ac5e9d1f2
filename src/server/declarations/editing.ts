// Shared by every change a trader makes to a declaration: lock the row scoped to the actor's
// company, refuse when it is not editable (409), and bump the version in the same transaction.
import type { Tx } from '../db';
import type { TraderActor } from '../actor';
import { AppError } from '@/lib/errors';
import { isEditableByTrader, type DeclarationStatus } from '@/lib/declaration/lifecycle';

export type LockedDeclaration = {
  id: string;
  status: DeclarationStatus;
  version: number;
  registrationNumber: string | null;
  companyId: string;
};

/** Lock a declaration of the actor's company (404 for any other). */
export async function lockCompanyDeclaration(
  tx: Tx,
  actor: TraderActor,
  declarationId: string,
): Promise<LockedDeclaration> {
  const rows = await tx.$queryRaw<LockedDeclaration[]>`
    SELECT id, status, version, "registrationNumber", "companyId" FROM "Declaration"
    WHERE id = ${declarationId}::uuid AND "companyId" = ${actor.companyId}::uuid
    FOR UPDATE`;
  if (!rows[0]) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return rows[0];
}

/** Lock a declaration the trader may change now: a draft, or one whose amendment was requested. */
export async function lockEditableDeclaration(
  tx: Tx,
  actor: TraderActor,
  declarationId: string,
): Promise<LockedDeclaration> {
  const row = await lockCompanyDeclaration(tx, actor, declarationId);
  if (!isEditableByTrader(row.status)) {
    throw new AppError(
      'CONFLICT',
      'This declaration has been submitted. It can be changed only when an officer asks for an amendment.',
    );
  }
  return row;
}

export async function bumpVersion(tx: Tx, declarationId: string, now: Date): Promise<void> {
  await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 }, updatedAt: now } });
}
