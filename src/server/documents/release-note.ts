// The signed release note of a declaration, for whoever may see the declaration: the trader's
// company, or an officer of its post. Anyone else — and a declaration not released — gets 404.
//
// A release signs its note in the release transaction (src/server/declarations/release.ts). A
// declaration released before that existed — the seeded history, or records migrated from a legacy
// system — gets its note on the first request instead, from the declaration as released: dated
// with the release and naming the officer who released it (docs/decisions.md).
import { db } from '../db';
import type { Actor } from '../actor';
import { AppError } from '@/lib/errors';
import { releaseNoteContent } from '../declarations/release';
import { issueSignedDocument, latestSignedDocument, toIssued, type IssuedDocument } from './issue';
import { pdfFilename, renderSignedDocumentPdf, type Translate } from './pdf';

/** Printed when the officer who released the declaration has no service number on record. */
const OFFICER_NOT_RECORDED = 'NOT RECORDED';

export async function releaseNoteOf(args: {
  actor: Actor;
  declarationId: string;
}): Promise<IssuedDocument<'RELEASE_NOTE'>> {
  const { actor } = args;
  const scope =
    actor.role === 'TRADER' && actor.companyId
      ? { companyId: actor.companyId }
      : (actor.role === 'INSPECTOR' || actor.role === 'SUPERVISOR') && actor.postId
        ? { postId: actor.postId }
        : null;
  const declaration = scope
    ? await db.declaration.findFirst({
        where: { id: args.declarationId, ...scope },
        select: { id: true, status: true },
      })
    : null;
  if (!declaration) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  const row = await latestSignedDocument(db, 'RELEASE_NOTE', declaration.id);
  if (row) return toIssued(row);
  if (declaration.status !== 'RELEASED')
    throw new AppError('NOT_FOUND', 'This declaration has no release note: it has not been released.');
  return issueMissingReleaseNote(declaration.id);
}

/**
 * Issue the note of a released declaration that has none. The declaration's row is locked first and
 * the note looked for again under the lock, so two first requests at once issue one note. Issued by
 * the system (no actor), at the moment of the release; the officer is the actor of the last status
 * change to RELEASED ("AUTOMATIC" when the system released it, as release.ts prints).
 */
async function issueMissingReleaseNote(declarationId: string): Promise<IssuedDocument<'RELEASE_NOTE'>> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Declaration" WHERE id = ${declarationId}::uuid FOR UPDATE`;
      const existing = await latestSignedDocument(tx, 'RELEASE_NOTE', declarationId);
      if (existing) return toIssued(existing);
      const d = await tx.declaration.findUniqueOrThrow({
        where: { id: declarationId },
        include: {
          items: { orderBy: { lineNo: 'asc' } },
          post: { select: { code: true, name: true } },
          company: { select: { tin: true, name: true } },
        },
      });
      if (d.status !== 'RELEASED' || !d.registrationNumber || !d.post)
        throw new AppError('NOT_FOUND', 'This declaration has no release note: it has not been released.');
      const release = await tx.declarationStatusEvent.findFirst({
        where: { declarationId, toStatus: 'RELEASED' },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        select: { actorId: true, at: true },
      });
      const releasedAt = d.releasedAt ?? release?.at;
      if (!releasedAt)
        throw new AppError(
          'CONFLICT',
          'The release of this declaration has no recorded date, so its release note cannot be issued.',
        );
      let officerNumber: string | null = null;
      if (release?.actorId) {
        const officer = await tx.user.findUnique({ where: { id: release.actorId }, select: { officerNumber: true } });
        officerNumber = officer?.officerNumber ?? OFFICER_NOT_RECORDED;
      }
      const { number, payload } = releaseNoteContent(d, { releasedAt, officerNumber });
      return issueSignedDocument(tx, {
        actor: null,
        kind: 'RELEASE_NOTE',
        number,
        subjectId: d.id,
        payload,
        now: releasedAt,
      });
    },
    { timeout: 20_000 },
  );
}

export async function releaseNotePdf(args: { actor: Actor; declarationId: string; t: Translate }) {
  const document = await releaseNoteOf(args);
  return {
    bytes: await renderSignedDocumentPdf(document, args.t),
    filename: pdfFilename('RELEASE_NOTE', document.number),
    document,
  };
}
