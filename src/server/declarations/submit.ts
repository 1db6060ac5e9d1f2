// Submission: control → registration number → status events → distribution, in one transaction.
// Idempotent by declaration: the row is locked, and a declaration already registered answers with
// its number (a double click, a second tab or a retried request make exactly one submission).
import { db, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { distributeDeclaration } from '../officer/distribution';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation';
import { ZDeclarationDraft } from '@/lib/declaration/schema';
import { formatRegistrationNumber, registrationDate } from '@/lib/declaration/registration-number';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';

export type SubmitResult = { registrationNumber: string; status: DeclarationStatus; isAlreadySubmitted: boolean };

async function nextSequence(tx: Tx, postId: string, day: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "RegistrationSequence" ("postId", "day", "last") VALUES (${postId}::uuid, ${day}::date, 1)
    ON CONFLICT ("postId", "day") DO UPDATE SET "last" = "RegistrationSequence"."last" + 1
    RETURNING "last"`;
  return rows[0].last;
}

/** The stored draft as the form would send it, so the one schema controls both. */
function asDraftInput(d: Awaited<ReturnType<typeof loadForSubmit>>) {
  if (!d) return null;
  const s = (v: { toString(): string } | null) => (v === null ? undefined : v.toString());
  return {
    regime: d.regime,
    postCode: d.post?.code ?? '',
    consignorName: d.consignorName ?? '',
    consignorCountry: d.consignorCountry ?? '',
    consignorAddress: d.consignorAddress ?? '',
    consigneeName: d.consigneeName ?? '',
    consigneeCountry: d.consigneeCountry ?? '',
    consigneeAddress: d.consigneeAddress ?? '',
    dispatchCountry: d.dispatchCountry ?? '',
    destinationCountry: d.destinationCountry ?? '',
    transportMode: d.transportMode ?? '',
    transportDocument: d.transportDocument ?? '',
    incoterm: d.incoterm ?? '',
    invoiceCurrency: d.invoiceCurrency ?? '',
    invoiceTotal: s(d.invoiceTotal) ?? '',
    freight: s(d.freight),
    insurance: s(d.insurance),
    items: d.items.map((i) => ({
      hsCode: i.hsCode,
      description: i.description,
      originCountry: i.originCountry,
      grossMass: i.grossMass.toString(),
      netMass: i.netMass.toString(),
      quantity: i.quantity.toString(),
      supplementaryUnit: i.supplementaryUnit,
      invoiceValue: i.invoiceValue.toString(),
    })),
  };
}

async function loadForSubmit(tx: Tx, id: string) {
  return tx.declaration.findUnique({ where: { id }, include: { items: { orderBy: { lineNo: 'asc' } }, post: true } });
}

export async function submitDeclaration(args: { actor: Actor; declarationId: string; now: Date }): Promise<SubmitResult> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);

  return db.$transaction(async (tx) => {
    // Lock the declaration row (scoped to the company) for the whole submission.
    const locked = await tx.$queryRaw<{ id: string; status: DeclarationStatus; registrationNumber: string | null }[]>`
      SELECT id, status, "registrationNumber" FROM "Declaration"
      WHERE id = ${declarationId}::uuid AND "companyId" = ${actor.companyId}::uuid
      FOR UPDATE`;
    const row = locked[0];
    if (!row) throw new AppError('NOT_FOUND', 'The declaration was not found.');
    if (row.status !== 'DRAFT') {
      if (row.registrationNumber) return { registrationNumber: row.registrationNumber, status: row.status, isAlreadySubmitted: true };
      throw new AppError('CONFLICT', 'This declaration can no longer be submitted.');
    }

    const declaration = await loadForSubmit(tx, declarationId);
    const control = ZDeclarationDraft.safeParse(asDraftInput(declaration));
    if (!control.success || !declaration?.post) {
      throw new AppError('VALIDATION', 'The declaration did not pass the format and logic control.', control.success ? [{ path: 'postCode', message: 'Choose a customs post from the list' }] : fieldErrorsOf(control.error));
    }

    const post = declaration.post;
    const sequence = await nextSequence(tx, post.id, registrationDate(now));
    const registrationNumber = formatRegistrationNumber(post.code, now, sequence);

    await tx.declarationStatusEvent.createMany({
      data: [
        { declarationId, fromStatus: 'DRAFT', toStatus: 'SUBMITTED', actorId: actor.userId, actorRole: actor.role, at: now },
        { declarationId, fromStatus: 'SUBMITTED', toStatus: 'REGISTERED', actorId: null, actorRole: 'SYSTEM', reason: `Registered as ${registrationNumber}`, at: now },
      ],
    });

    // Until the risk engine is wired in, every registered declaration goes to an officer.
    const { inspectorId } = await distributeDeclaration(tx, { declarationId, postId: post.id, now });
    await tx.declarationStatusEvent.create({
      data: { declarationId, fromStatus: 'REGISTERED', toStatus: 'ASSIGNED', actorId: null, actorRole: 'SYSTEM', reason: inspectorId ? 'Distributed to an inspector' : 'Waiting in the post pool for an inspector', at: now },
    });
    await tx.declaration.update({
      where: { id: declarationId },
      data: { status: 'ASSIGNED', registrationNumber, submittedAt: now, registeredAt: now, version: { increment: 1 } },
    });
    await writeAudit(tx, { actor, action: 'declaration.submit', entityType: 'Declaration', entityId: declarationId, data: { registrationNumber, inspectorId }, at: now });
    return { registrationNumber, status: 'ASSIGNED' as const, isAlreadySubmitted: false };
  });
}
