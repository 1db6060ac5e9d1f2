'use server';
// The officer's requests for documents on a declaration (without an amendment) and their
// withdrawal. Through runAction; the use case authorizes (assigned inspector or supervisor of the
// post), checks the version the page was rendered with (409 when stale) and audits.
import { z } from 'zod';
import { runAction } from '@/src/server/http';
import { requestDocuments, cancelDocumentRequest } from '@/src/server/officer/decisions';
import { now } from '@/src/server/clock';
import { ZDeclarationId } from '@/lib/declaration/schema';
import { ZDocumentRequest } from '@/lib/declaration/document-requests';
import { formFieldLists } from '@/lib/form-data';

export async function requestDocumentsAction(declarationId: string, expectedVersion: number, formData: FormData) {
  return runAction(
    ZDocumentRequest.extend(ZDeclarationId.shape),
    { ...formFieldLists(formData), declarationId, expectedVersion },
    ({ actor, input }) => requestDocuments({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

const ZCancel = ZDeclarationId.extend({
  requestId: z.uuid({ error: 'Unknown request for documents' }),
  expectedVersion: ZDocumentRequest.shape.expectedVersion,
});

export async function cancelDocumentRequestAction(declarationId: string, requestId: string, expectedVersion: number) {
  return runAction(ZCancel, { declarationId, requestId, expectedVersion }, ({ actor, input }) =>
    cancelDocumentRequest({ actor, ...input, now: now() }),
  );
}
