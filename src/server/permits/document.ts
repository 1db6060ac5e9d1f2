// The permit's signed document (kind PERMIT, number = permit number, subject = the permit): issued
// in the issuing transaction, revoked with the permit (so /verify shows "Revoked"), printed as a
// PDF with its QR code for the holder and the issuing authority. A permit issued before that
// existed (the seeded ones, or permits migrated from a legacy system) gets its document on its
// first print instead, dated with the permit's issue (docs/decisions.md).
import { db, type Tx } from '../db';
import type { Actor } from '../actor';
import { AppError } from '@/lib/errors';
import type { PermitPayload } from '@/lib/documents/payloads';
import { dateColumnDay, serviceDate } from '@/lib/time';
import {
  issueSignedDocument,
  latestSignedDocument,
  revokeSignedDocuments,
  toIssued,
  type IssuedDocument,
} from '../documents/issue';
import { pdfFilename, renderSignedDocumentPdf, type Translate } from '../documents/pdf';
import { isValidUuid } from './ids';

/** Sign the permit just created in `tx` (`actor` null: the system, for a permit issued before signing). */
export async function issuePermitDocument(
  tx: Tx,
  args: { actor: Actor | null; permitId: string; now: Date },
): Promise<IssuedDocument<'PERMIT'>> {
  const permit = await tx.permit.findUniqueOrThrow({
    where: { id: args.permitId },
    include: {
      company: { select: { tin: true, name: true } },
      permitType: { include: { authority: { select: { code: true, name: true } } } },
      application: { include: { products: { orderBy: { hsCode: 'asc' } } } },
    },
  });
  const validFrom = dateColumnDay(permit.validFrom);
  const issuedOn = serviceDate(args.now);
  const products = permit.application?.products.length
    ? permit.application.products.map((p) => ({
        hsCode: p.hsCode,
        description: p.description,
        quantity: p.quantity.toFixed(3),
        unit: p.unit,
        country: p.country,
      }))
    : permit.hsCodes.map((hsCode) => ({
        hsCode,
        description: permit.permitType.name,
        quantity: permit.quantity.toFixed(3),
        unit: permit.unit,
        country: '—',
      }));
  const payload: PermitPayload = {
    permitNumber: permit.number,
    permitType: { code: permit.permitType.code, name: permit.permitType.name },
    authority: { code: permit.permitType.authority.code, name: permit.permitType.authority.name },
    holder: { tin: permit.company.tin, name: permit.company.name },
    issuedOn,
    ...(validFrom !== issuedOn ? { validFrom } : {}),
    validUntil: dateColumnDay(permit.validTo),
    scope: permit.permitType.scope,
    granted: { quantity: permit.quantity.toFixed(3), unit: permit.unit },
    ...(permit.conditions ? { conditions: permit.conditions } : {}),
    products,
  };
  return issueSignedDocument(tx, {
    actor: args.actor,
    kind: 'PERMIT',
    number: permit.number,
    subjectId: permit.id,
    payload,
    now: args.now,
  });
}

/**
 * The permit as a PDF, for its holder's traders or the issuing authority's officers (anyone else:
 * "not found"). A revoked permit still prints; its QR code then verifies as "Revoked".
 */
export async function permitPdf(args: {
  actor: Actor;
  permitId: string;
  t: Translate;
}): Promise<{ bytes: Uint8Array; filename: string }> {
  const { actor, permitId } = args;
  const scope =
    actor.role === 'TRADER' && actor.companyId
      ? { companyId: actor.companyId }
      : actor.role === 'AGENCY_OFFICER' && actor.authorityId
        ? { permitType: { authorityId: actor.authorityId } }
        : null;
  if (!scope) throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
  if (!isValidUuid(permitId)) throw new AppError('NOT_FOUND', 'The permit was not found.');
  const permit = await db.permit.findFirst({ where: { id: permitId, ...scope }, select: { id: true } });
  if (!permit) throw new AppError('NOT_FOUND', 'The permit was not found.');
  const latest = await latestSignedDocument(db, 'PERMIT', permit.id);
  const document = latest ? toIssued(latest) : await issueMissingPermitDocument(permit.id);
  return { bytes: await renderSignedDocumentPdf(document, args.t), filename: pdfFilename('PERMIT', document.number) };
}

/**
 * Issue the document of a permit that has none. The permit's row is locked first (as issue and
 * revocation lock it) and the document looked for again under the lock, so two first prints at
 * once issue one document. Issued by the system (no actor) at the permit's issue, so it shows the
 * original issue date; a permit revoked meanwhile gets its document revoked in the same
 * transaction, at the revocation, so /verify shows "Revoked" from its first print.
 */
async function issueMissingPermitDocument(permitId: string): Promise<IssuedDocument<'PERMIT'>> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<
        Array<{ status: string; issuedAt: Date; revokedAt: Date | null; revokedReason: string | null }>
      >`
        SELECT status, "issuedAt", "revokedAt", "revokedReason" FROM "Permit" WHERE id = ${permitId}::uuid FOR UPDATE`;
      const permit = rows[0];
      if (!permit) throw new AppError('NOT_FOUND', 'The permit was not found.');
      const existing = await latestSignedDocument(tx, 'PERMIT', permitId);
      if (existing) return toIssued(existing);
      const issued = await issuePermitDocument(tx, { actor: null, permitId, now: permit.issuedAt });
      if (permit.status === 'REVOKED') {
        await revokeSignedDocuments(tx, {
          actor: null,
          kind: 'PERMIT',
          subjectId: permitId,
          now: permit.revokedAt ?? permit.issuedAt,
          reason: permit.revokedReason ?? 'The permit was revoked.',
        });
      }
      return issued;
    },
    { timeout: 20_000 },
  );
}
