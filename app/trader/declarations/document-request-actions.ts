'use server';
// The trader's answer to an officer's request for documents: one requested document with its file,
// uploaded from the declaration page. Through runAction; the use case authorizes and audits.
import { z } from 'zod';
import { runAction } from '@/src/server/http';
import { uploadRequestedDocument } from '@/src/server/declarations/document-requests';
import { now } from '@/src/server/clock';
import { ZDeclarationId } from '@/lib/declaration/schema';
import { ZRequestedDocument } from '@/lib/declaration/document-requests';
import { uploadProblem } from '@/lib/declaration/steps';
import { AppError } from '@/lib/errors';
import { formFields, formFile } from '@/lib/form-data';

const ZUpload = ZRequestedDocument.extend(ZDeclarationId.shape).extend({
  requestId: z.uuid({ error: 'Unknown request for documents' }),
});

export async function uploadRequestedDocumentAction(declarationId: string, requestId: string, formData: FormData) {
  return runAction(ZUpload, { ...formFields(formData), declarationId, requestId }, async ({ actor, input }) => {
    const file = formFile(formData, 'file');
    let upload = null;
    if (file instanceof File && !(file.size === 0 && file.name === '')) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = uploadProblem(file.size, bytes);
      if (problem)
        throw new AppError('VALIDATION', 'There is a problem with the file.', [{ path: 'file', message: problem }]);
      upload = { fileName: file.name, bytes };
    }
    return uploadRequestedDocument({
      actor,
      declarationId: input.declarationId,
      requestId: input.requestId,
      input,
      file: upload,
      now: now(),
    });
  });
}
