import { describe, expect, it } from 'vitest';
import { fieldHref, stepOfField } from '@/lib/declaration/field-steps';

const ID = '3f2b6d1e-0000-4000-8000-000000000001';
const base = `/trader/declarations/${ID}`;

describe('where an error of the declaration is corrected', () => {
  it.each([
    // An item's field: that item's own page, at the field (the check page has no such input).
    ['items.0.hsCode', `${base}/items/1#hsCode`],
    ['items.11.netMass', `${base}/items/12#netMass`],
    ['items.2.supplementaryUnit', `${base}/items/3#supplementaryUnit`],
    ['items', `${base}/items`],
    ['documents', `${base}/documents#type`],
    ['documents.1.date', `${base}/documents#type`],
    ['regime', `${base}/parties#regime`],
    ['postCode', `${base}/parties#postCode`],
    ['consigneeCountry', `${base}/parties#consigneeCountry`],
    ['declarantTin', `${base}/parties`],
    ['freight', `${base}/transport#freight`],
    ['invoiceTotal', `${base}/transport#invoiceTotal`],
    ['incoterm', `${base}/transport#incoterm`],
    ['_form', `${base}/check`],
  ])('%s → %s', (path, href) => {
    expect(fieldHref(ID, path)).toBe(href);
  });

  it('never links to a dotted path id', () => {
    for (const path of ['items.0.hsCode', 'items.0', 'documents.0.type', 'items.0.unknownField'])
      expect(fieldHref(ID, path)).not.toMatch(/#.*\./);
  });

  it('knows the step of every field', () => {
    expect(stepOfField('items.4.quantity')).toEqual({ step: 'items', itemLine: 5, field: 'quantity' });
    expect(stepOfField('insurance')).toEqual({ step: 'transport', field: 'insurance' });
    expect(stepOfField('somethingElse')).toEqual({ step: 'check', field: 'somethingElse' });
  });
});
