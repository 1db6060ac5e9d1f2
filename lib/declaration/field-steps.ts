// Which step of the journey holds a field: for error links from check-your-answers and submission.
import type { JourneyStep } from './steps';

const PARTIES = new Set(['regime', 'postCode', 'declarantTin', 'consignorName', 'consignorCountry', 'consignorAddress', 'consigneeName', 'consigneeCountry', 'consigneeAddress']);
const TRANSPORT = new Set(['dispatchCountry', 'destinationCountry', 'transportMode', 'transportDocument', 'incoterm', 'invoiceCurrency', 'invoiceTotal', 'freight', 'insurance']);

export function stepOfField(path: string): { step: JourneyStep; itemLine?: number; field: string } {
  const [head, index, field] = path.split('.');
  if (head === 'items' && index !== undefined && /^\d+$/.test(index)) return { step: 'items', itemLine: Number(index) + 1, field: field ?? 'hsCode' };
  if (head === 'items') return { step: 'items', field: 'items' };
  if (head === 'documents') return { step: 'documents', field: field ?? 'type' };
  if (PARTIES.has(head)) return { step: 'parties', field: head };
  if (TRANSPORT.has(head)) return { step: 'transport', field: head };
  return { step: 'check', field: head };
}

/** The page and field a problem links to. */
export function fieldHref(declarationId: string, path: string): string {
  const base = `/trader/declarations/${declarationId}`;
  const { step, itemLine, field } = stepOfField(path);
  if (step === 'items' && itemLine) return `${base}/items/${itemLine}#${field}`;
  if (step === 'documents') return `${base}/documents#type`;
  if (step === 'check') return `${base}/check`;
  return `${base}/${step}#${field}`;
}
