// The printable declaration, the first user of signed documents. Its document is issued lazily:
// the first time a registered declaration is printed (or its verification link asked for), with
// the registration number as the document number; when the declaration's content has changed
// since (an amendment), the next print re-issues it as `<registration number>-2`, … and the
// earlier version shows as "Superseded".
import { db } from '../db';
import { assertOfficer, assertTrader, type Actor } from '../actor';
import { AppError } from '@/lib/errors';
import { canonicalJson } from '@/lib/documents/canonical-json';
import { declarationDocumentPayload } from '@/lib/documents/declaration';
import { SECURED_REGIMES } from '@/lib/duties';
import { loadAppliedPayments } from '../declarations/applied-rates';
import {
  issueSignedDocument,
  isStoredDocumentIntact,
  latestSignedDocument,
  reissueSignedDocument,
  toIssued,
  type IssuedDocument,
} from './issue';
import { pdfFilename, renderSignedDocumentPdf, type Translate } from './pdf';

/** Traders read their company's declarations; officers those of their post (never a draft). */
function declarationScope(actor: Actor): { companyId: string } | { postId: string; status: { not: 'DRAFT' } } {
  if (actor.role === 'TRADER') {
    assertTrader(actor);
    return { companyId: actor.companyId };
  }
  assertOfficer(actor);
  return { postId: actor.postId, status: { not: 'DRAFT' } };
}

/**
 * The current signed document of a registered declaration the actor may read: issued now if it has
 * none, re-issued if the declaration's content no longer matches it (or the stored copy fails its
 * integrity check). A draft is a CONFLICT; another company's or post's declaration NOT_FOUND.
 */
export async function ensureDeclarationDocument(args: {
  actor: Actor;
  declarationId: string;
  now: Date;
}): Promise<IssuedDocument<'DECLARATION'>> {
  const { actor, declarationId, now } = args;
  const scope = declarationScope(actor);
  return db.$transaction(
    async (tx) => {
      const declaration = await tx.declaration.findFirst({
        where: { id: declarationId, ...scope },
        include: {
          post: { select: { code: true, name: true } },
          company: { select: { tin: true, name: true } },
          items: {
            orderBy: { lineNo: 'asc' },
            include: {
              permitLinks: { include: { permit: { select: { number: true, permitTypeCode: true, unit: true } } } },
            },
          },
          documents: {
            orderBy: [{ date: 'asc' }, { createdAt: 'asc' }],
            select: { type: true, number: true, date: true },
          },
        },
      });
      if (!declaration) throw new AppError('NOT_FOUND', 'The declaration was not found.');
      if (!declaration.registrationNumber || !declaration.registeredAt) {
        throw new AppError(
          'CONFLICT',
          'This declaration is not registered yet. Its printable copy, with the registration number and a QR code, is available once it is registered.',
        );
      }
      const payload = declarationDocumentPayload({
        ...declaration,
        payments: await loadAppliedPayments(tx, declaration.id),
        isSecured: SECURED_REGIMES.has(declaration.regime),
        permits: declaration.items.flatMap((i) =>
          i.permitLinks.map((l) => ({
            lineNo: i.lineNo,
            number: l.permit.number,
            type: l.permit.permitTypeCode,
            quantity: l.quantity,
            unit: l.permit.unit,
          })),
        ),
      });
      // The first version carries the registration number, so a lock on the subject orders callers.
      const latest = await latestSignedDocument(tx, 'DECLARATION', declaration.id);
      if (!latest) {
        return issueSignedDocument(tx, {
          actor,
          kind: 'DECLARATION',
          number: declaration.registrationNumber,
          subjectId: declaration.id,
          payload,
          now,
        });
      }
      if (latest.revokedAt)
        throw new AppError('CONFLICT', 'The signed copy of this declaration was revoked; it can no longer be printed.');
      const isIntact = await isStoredDocumentIntact(tx, latest);
      if (isIntact && canonicalJson(latest.payload) === canonicalJson(payload))
        return toIssued(latest as typeof latest & { kind: 'DECLARATION' });
      if (!isIntact)
        console.error(`[documents] ${latest.number} failed its integrity check; re-issuing it from the declaration.`);
      return reissueSignedDocument(tx, {
        actor,
        kind: 'DECLARATION',
        subjectId: declaration.id,
        payload,
        now,
        reason: isIntact
          ? 'The declaration changed since the document was issued.'
          : 'The stored document failed its integrity check.',
      });
    },
    { timeout: 20_000 },
  );
}

/** The declaration as a PDF for the actor, with the file name to offer. */
export async function declarationPdf(args: {
  actor: Actor;
  declarationId: string;
  now: Date;
  t: Translate;
}): Promise<{ bytes: Uint8Array; filename: string; document: IssuedDocument<'DECLARATION'> }> {
  const document = await ensureDeclarationDocument(args);
  return {
    bytes: await renderSignedDocumentPdf(document, args.t),
    filename: pdfFilename('DECLARATION', document.number),
    document,
  };
}
