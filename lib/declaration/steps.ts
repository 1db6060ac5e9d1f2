// One schema per step of the declaration journey (parties → transport and terms → items →
// documents → check your answers). Each step validates its own fields fully; the whole control
// (lib/declaration/control.ts) runs on check-your-answers and at submission.
import { z } from 'zod';
import {
  DOCUMENT_NAME,
  ZDeclarationHeader,
  ZDeclarationItem,
  ZDocumentReference,
  futureDocumentDateMessage,
  isCalendarDate,
} from './schema';
import { incotermCostProblem } from './incoterm-costs';
import { whenValid } from '../validation';
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from '../request-limits';

export const JOURNEY_STEPS = ['parties', 'transport', 'items', 'documents', 'check'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export const ZPartiesStep = ZDeclarationHeader.pick({
  regime: true,
  postCode: true,
  consignorName: true,
  consignorCountry: true,
  consignorAddress: true,
  consigneeName: true,
  consigneeCountry: true,
  consigneeAddress: true,
});
export type PartiesStep = z.output<typeof ZPartiesStep>;

/**
 * Transport and terms. Freight and insurance are checked against the Incoterm here, where both are
 * entered, with the control's words (./incoterm-costs.ts): a FOB declaration without freight is
 * refused on this step, not first on check-your-answers.
 */
export const ZTransportStep = ZDeclarationHeader.pick({
  dispatchCountry: true,
  destinationCountry: true,
  transportMode: true,
  transportDocument: true,
  incoterm: true,
  invoiceCurrency: true,
  invoiceTotal: true,
  freight: true,
  insurance: true,
}).superRefine((step, ctx) => {
  for (const cost of ['freight', 'insurance'] as const) {
    // A cost with its own issue is given (its issue says what is wrong with it); blank is undefined.
    const problem = incotermCostProblem(step.incoterm, cost, step[cost] !== undefined);
    if (problem) ctx.addIssue({ code: 'custom', path: [cost], message: problem });
  }
}, whenValid('incoterm'));
export type TransportStep = z.output<typeof ZTransportStep>;

export const ZItemStep = ZDeclarationItem;

export { isCalendarDate };

/**
 * One document of the documents step on the service date `today` (YYYY-MM-DD, `serviceDate(now)`):
 * a document dated after today is refused here, with the control's words. Its optional file is
 * checked by `uploadProblem`.
 */
export const documentStepOn = (today: string) =>
  ZDocumentReference.superRefine(
    (document, ctx) => {
      if (document.date > today)
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          message: futureDocumentDateMessage(`the ${DOCUMENT_NAME[document.type]}`, today),
        });
    },
    whenValid('type', 'date'),
  );
export type DocumentStep = z.output<ReturnType<typeof documentStepOn>>;

/** The file attached to a document, checked by content (magic bytes), never by its name. */
export { MAX_UPLOAD_BYTES } from '../request-limits';
export type UploadKind = { mimeType: 'application/pdf' | 'image/jpeg' | 'image/png'; extension: 'pdf' | 'jpg' | 'png' };

export function sniffUpload(bytes: Uint8Array): UploadKind | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return { mimeType: 'application/pdf', extension: 'pdf' }; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', extension: 'jpg' };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: 'image/png', extension: 'png' };
  return null;
}

/** Said by the server and, before sending, by the browser (a file over the request limit never reaches the server). */
export { UPLOAD_TOO_LARGE } from '../request-limits';

/** Why an upload is refused, in plain words, or null when it is acceptable. Exactly 10 MB is accepted. */
export function uploadProblem(size: number, bytes: Uint8Array): string | null {
  if (size === 0) return 'The selected file is empty';
  if (size > MAX_UPLOAD_BYTES) return UPLOAD_TOO_LARGE;
  if (!sniffUpload(bytes)) return 'The selected file must be a PDF, JPEG or PNG';
  return null;
}

export const ZItemLine = z.object({ lineNo: z.coerce.number().int().min(1).max(999) });
