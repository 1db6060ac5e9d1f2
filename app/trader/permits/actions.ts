'use server';
// Server actions of the trader's permit applications. Each goes through runAction (actor, zod
// parse, use case, errors as field errors); the use case authorizes and scopes again.
import { runAction } from '@/src/server/http';
import {
  addApplicationDocument,
  addApplicationProduct,
  answerInformationRequest,
  removeApplicationDocument,
  removeApplicationProduct,
  startApplication,
  startApplicationForLine,
  submitApplication,
  withdrawApplication,
} from '@/src/server/permits/applications';
import { now } from '@/src/server/clock';
import { AppError } from '@/lib/errors';
import { uploadProblem } from '@/lib/declaration/steps';
import {
  ZAnswer,
  ZApplicationDocument,
  ZApplicationDocumentId,
  ZApplicationId,
  ZApplicationProduct,
  ZDeclarationLineRef,
  ZProductId,
  ZStartApplication,
  ZStartApplicationForLine,
  ZWithdrawApplication,
} from '@/lib/permits';
import { formFields, formFile } from '@/lib/form-data';

export async function startApplicationAction(formData: FormData) {
  return runAction(ZStartApplication, formFields(formData), ({ actor, input }) =>
    startApplication({ actor, input, now: now() }),
  );
}

/** "Apply for a permit" from a declaration line: the line is bound by the page, the form is prefilled from it. */
export async function startApplicationForLineAction(declarationId: string, lineNo: number, formData: FormData) {
  return runAction(
    ZStartApplicationForLine.extend(ZDeclarationLineRef.shape),
    { ...formFields(formData), declarationId, lineNo },
    ({ actor, input }) =>
      startApplicationForLine({
        actor,
        declarationId: input.declarationId,
        lineNo: input.lineNo,
        input,
        now: now(),
      }),
  );
}

export async function addProductAction(applicationId: string, formData: FormData) {
  return runAction(
    ZApplicationProduct.extend(ZApplicationId.shape),
    { ...formFields(formData), applicationId },
    ({ actor, input }) => addApplicationProduct({ actor, applicationId: input.applicationId, input, now: now() }),
  );
}

export async function removeProductAction(applicationId: string, productId: string) {
  return runAction(ZApplicationId.extend(ZProductId.shape), { applicationId, productId }, ({ actor, input }) =>
    removeApplicationProduct({ actor, applicationId: input.applicationId, productId: input.productId, now: now() }),
  );
}

export async function addDocumentAction(applicationId: string, formData: FormData) {
  return runAction(
    ZApplicationDocument.extend(ZApplicationId.shape),
    { ...formFields(formData), applicationId },
    async ({ actor, input }) => {
      const file = formFile(formData, 'file');
      if (!(file instanceof File))
        throw new AppError('VALIDATION', 'There is a problem with the file.', [
          { path: 'file', message: 'Choose the file to attach' },
        ]);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = uploadProblem(file.size, bytes);
      if (problem)
        throw new AppError('VALIDATION', 'There is a problem with the file.', [{ path: 'file', message: problem }]);
      return addApplicationDocument({
        actor,
        applicationId: input.applicationId,
        input,
        file: { fileName: file.name, bytes },
        now: now(),
      });
    },
  );
}

export async function removeDocumentAction(applicationId: string, documentId: string) {
  return runAction(
    ZApplicationId.extend(ZApplicationDocumentId.shape),
    { applicationId, documentId },
    ({ actor, input }) =>
      removeApplicationDocument({
        actor,
        applicationId: input.applicationId,
        documentId: input.documentId,
        now: now(),
      }),
  );
}

export async function submitApplicationAction(applicationId: string) {
  return runAction(ZApplicationId, { applicationId }, ({ actor, input }) =>
    submitApplication({ actor, applicationId: input.applicationId, now: now() }),
  );
}

export async function answerAction(applicationId: string, formData: FormData) {
  return runAction(
    ZAnswer.extend(ZApplicationId.shape),
    { ...formFields(formData), applicationId },
    ({ actor, input }) => answerInformationRequest({ actor, applicationId: input.applicationId, input, now: now() }),
  );
}

export async function withdrawAction(applicationId: string, formData: FormData) {
  return runAction(
    ZWithdrawApplication.extend(ZApplicationId.shape),
    { ...formFields(formData), applicationId },
    ({ actor, input }) => withdrawApplication({ actor, applicationId: input.applicationId, input, now: now() }),
  );
}
