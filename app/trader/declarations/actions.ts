'use server';
// Server actions of the trader's declaration journey. Each goes through runAction (actor, zod
// parse, use case, errors as field errors); the use case authorizes and scopes again.
import { z } from 'zod';
import { runAction } from '@/src/server/http';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { startDeclaration, saveParties, saveTransport } from '@/src/server/declarations/journey';
import { addItem, updateItem, removeItem, duplicateItem, importItems } from '@/src/server/declarations/items';
import { addDocument, removeDocument } from '@/src/server/declarations/documents';
import { withdrawDeclaration, copyDeclaration } from '@/src/server/declarations/lifecycle';
import { now } from '@/src/server/clock';
import { ZDeclarationDraft, ZDeclarationId } from '@/lib/declaration/schema';
import { ZPartiesStep, ZTransportStep, ZItemStep, documentStepOn, uploadProblem } from '@/lib/declaration/steps';
import { serviceDate } from '@/lib/time';
import { AppError } from '@/lib/errors';
import { text } from '@/lib/text';
import { CSV_TOO_LARGE, MAX_CSV_BYTES } from '@/lib/declaration/items-csv';
import { formFields, formFile } from '@/lib/form-data';

// An item button or form carries the item's id and the declaration version its page was rendered with.
const ZItemRef = z.object({ itemId: z.uuid(), expectedVersion: z.number().int().min(0) });
const ZDocumentId = z.object({ documentId: z.uuid() });

export async function saveDraftAction(input: unknown) {
  return runAction(ZDeclarationDraft, input, ({ actor, input }) =>
    createDeclarationDraft({ actor, input, now: now() }),
  );
}

export async function startDeclarationAction(formData: FormData) {
  return runAction(ZPartiesStep, formFields(formData), ({ actor, input }) =>
    startDeclaration({ actor, input, now: now() }),
  );
}

export async function savePartiesAction(declarationId: string, formData: FormData) {
  return runAction(
    ZPartiesStep.extend(ZDeclarationId.shape),
    { ...formFields(formData), declarationId },
    ({ actor, input }) => saveParties({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

export async function saveTransportAction(declarationId: string, formData: FormData) {
  return runAction(
    ZTransportStep.extend(ZDeclarationId.shape),
    { ...formFields(formData), declarationId },
    ({ actor, input }) => saveTransport({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

export async function addItemAction(declarationId: string, formData: FormData) {
  return runAction(ZItemStep.and(ZDeclarationId), { ...formFields(formData), declarationId }, ({ actor, input }) =>
    addItem({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

export async function updateItemAction(
  declarationId: string,
  itemId: string,
  expectedVersion: number,
  formData: FormData,
) {
  return runAction(
    ZItemStep.and(ZDeclarationId).and(ZItemRef),
    { ...formFields(formData), declarationId, itemId, expectedVersion },
    ({ actor, input }) =>
      updateItem({
        actor,
        declarationId: input.declarationId,
        itemId: input.itemId,
        expectedVersion: input.expectedVersion,
        input,
        now: now(),
      }),
  );
}

export async function removeItemAction(declarationId: string, itemId: string, expectedVersion: number) {
  return runAction(
    ZDeclarationId.extend(ZItemRef.shape),
    { declarationId, itemId, expectedVersion },
    ({ actor, input }) => removeItem({ actor, ...input, now: now() }),
  );
}

export async function duplicateItemAction(declarationId: string, itemId: string, expectedVersion: number) {
  return runAction(
    ZDeclarationId.extend(ZItemRef.shape),
    { declarationId, itemId, expectedVersion },
    ({ actor, input }) => duplicateItem({ actor, ...input, now: now() }),
  );
}

export async function importItemsAction(declarationId: string, formData: FormData) {
  return runAction(ZDeclarationId, { declarationId }, async ({ actor, input }) => {
    const file = formFile(formData, 'file');
    // A form sent with no file chosen carries an unnamed empty part; a chosen file of 0 bytes has a name.
    if (!(file instanceof File) || (file.size === 0 && file.name === ''))
      throw new AppError('VALIDATION', 'Choose a CSV file.', [{ path: 'file', message: 'Choose a CSV file of items' }]);
    if (file.size > MAX_CSV_BYTES)
      throw new AppError('VALIDATION', 'The file is too large.', [{ path: 'file', message: CSV_TOO_LARGE }]);
    const outcome = await importItems({
      actor,
      declarationId: input.declarationId,
      csv: await file.text(),
      now: now(),
    });
    if (outcome.problems.length) {
      throw new AppError(
        'VALIDATION',
        'The file was not imported.',
        outcome.problems.map((p) => ({
          path: 'file',
          message: `Line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`,
        })),
      );
    }
    return outcome;
  });
}

export async function addDocumentAction(declarationId: string, formData: FormData) {
  const at = now();
  return runAction(
    documentStepOn(serviceDate(at)).extend(ZDeclarationId.shape),
    { ...formFields(formData), declarationId },
    async ({ actor, input }) => {
      const file = formFile(formData, 'file');
      let upload = null;
      if (file instanceof File) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const problem = uploadProblem(file.size, bytes);
        if (problem)
          throw new AppError('VALIDATION', 'There is a problem with the file.', [{ path: 'file', message: problem }]);
        upload = { fileName: file.name, bytes };
      }
      return addDocument({ actor, declarationId: input.declarationId, input, file: upload, now: at });
    },
  );
}

export async function removeDocumentAction(declarationId: string, documentId: string) {
  return runAction(ZDeclarationId.extend(ZDocumentId.shape), { declarationId, documentId }, ({ actor, input }) =>
    removeDocument({ actor, declarationId: input.declarationId, documentId: input.documentId, now: now() }),
  );
}

export async function submitDeclarationAction(declarationId: string) {
  return runAction(ZDeclarationId, { declarationId }, ({ actor, input }) =>
    submitDeclaration({ actor, declarationId: input.declarationId, now: now() }),
  );
}

const ZWithdraw = ZDeclarationId.extend({
  reason: text({ error: 'Say why you are withdrawing the declaration', isMultiline: true })
    .min(1, { error: 'Say why you are withdrawing the declaration' })
    .max(500, { error: 'The reason must be 500 characters or fewer' }),
});

export async function withdrawDeclarationAction(declarationId: string, formData: FormData) {
  return runAction(ZWithdraw, { ...formFields(formData), declarationId }, ({ actor, input }) =>
    withdrawDeclaration({ actor, declarationId: input.declarationId, reason: input.reason, now: now() }),
  );
}

export async function copyDeclarationAction(declarationId: string) {
  return runAction(ZDeclarationId, { declarationId }, ({ actor, input }) =>
    copyDeclaration({ actor, declarationId: input.declarationId, now: now() }),
  );
}
