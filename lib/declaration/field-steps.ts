// Which step of the journey holds a field: for error links from check-your-answers and submission.
import type { JourneyStep } from './steps';

const PARTIES = new Set([
  'regime',
  'postCode',
  'declarantTin',
  'consignorName',
  'consignorCountry',
  'consignorAddress',
  'consigneeName',
  'consigneeCountry',
  'consigneeAddress',
]);
const TRANSPORT = new Set([
  'dispatchCountry',
  'destinationCountry',
  'transportMode',
  'transportDocument',
  'incoterm',
  'invoiceCurrency',
  'invoiceTotal',
  'freight',
  'insurance',
]);

export function stepOfField(path: string): { step: JourneyStep; itemLine?: number; field: string } {
  const [head, index, field] = path.split('.');
  if (head === 'items' && index !== undefined && /^\d+$/.test(index))
    return { step: 'items', itemLine: Number(index) + 1, field: field ?? 'hsCode' };
  if (head === 'items') return { step: 'items', field: 'items' };
  if (head === 'documents') return { step: 'documents', field: field ?? 'type' };
  if (PARTIES.has(head)) return { step: 'parties', field: head };
  if (TRANSPORT.has(head)) return { step: 'transport', field: head };
  return { step: 'check', field: head };
}

/** Fields with an input of that id on their step's page; any other path links to the page itself. */
const FIELDS_WITH_INPUT = new Set([
  ...PARTIES,
  ...TRANSPORT,
  'hsCode',
  'description',
  'originCountry',
  'grossMass',
  'netMass',
  'quantity',
  'supplementaryUnit',
  'invoiceValue',
]);
FIELDS_WITH_INPUT.delete('declarantTin'); // the company's own TIN: shown, never entered

/**
 * The page and field a problem links to: the step page where the field is edited (an item's own
 * page for its fields; the document form's first field for the documents), never an id that exists
 * on no page.
 */
export function fieldHref(declarationId: string, path: string): string {
  const base = `/trader/declarations/${declarationId}`;
  const { step, itemLine, field } = stepOfField(path);
  if (step === 'items' && itemLine)
    return `${base}/items/${itemLine}${FIELDS_WITH_INPUT.has(field) ? `#${field}` : ''}`;
  if (step === 'items') return `${base}/items`;
  if (step === 'documents') return `${base}/documents#type`;
  if (step === 'check') return `${base}/check`;
  return `${base}/${step}${FIELDS_WITH_INPUT.has(field) ? `#${field}` : ''}`;
}
