// The signed release note of a declaration, for whoever may see the declaration: the trader's
// company, or an officer of its post. Anyone else — and a declaration not released — gets 404.
import { db } from '../db';
import type { Actor } from '../actor';
import { AppError } from '@/lib/errors';
import { latestSignedDocument, toIssued, type IssuedDocument } from './issue';
import { pdfFilename, renderSignedDocumentPdf, type Translate } from './pdf';

export async function releaseNoteOf(args: { actor: Actor; declarationId: string }): Promise<IssuedDocument<'RELEASE_NOTE'>> {
  const { actor } = args;
  const scope =
    actor.role === 'TRADER' && actor.companyId
      ? { companyId: actor.companyId }
      : (actor.role === 'INSPECTOR' || actor.role === 'SUPERVISOR') && actor.postId
        ? { postId: actor.postId }
        : null;
  const declaration = scope ? await db.declaration.findFirst({ where: { id: args.declarationId, ...scope }, select: { id: true } }) : null;
  if (!declaration) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  const row = await latestSignedDocument(db, 'RELEASE_NOTE', declaration.id);
  if (!row) throw new AppError('NOT_FOUND', 'This declaration has no release note: it has not been released.');
  return toIssued(row);
}

export async function releaseNotePdf(args: { actor: Actor; declarationId: string; t: Translate }) {
  const document = await releaseNoteOf(args);
  return { bytes: await renderSignedDocumentPdf(document, args.t), filename: pdfFilename('RELEASE_NOTE', document.number), document };
}
