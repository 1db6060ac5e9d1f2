import { describe, expect, it } from 'vitest';
import { ZDeclarationDraft, ZDeclarationItem } from '@/lib/declaration/schema';
import { fieldErrorsOf } from '@/lib/validation';

const item = {
  hsCode: '8471300000',
  description: 'Laptops',
  originCountry: 'CN',
  grossMass: '120.5',
  netMass: '100',
  quantity: '50',
  supplementaryUnit: 'PCS',
  invoiceValue: '6000.00',
};
const valid = {
  regime: 'IM40',
  postCode: '26001',
  consignorName: 'Shenzhen Tech Ltd',
  consignorCountry: 'cn',
  consignorAddress: 'Shenzhen, Nanshan 1',
  consigneeName: 'Silk Road Trading LLC',
  consigneeCountry: 'UZ',
  consigneeAddress: 'Tashkent, Amir Temur 107',
  dispatchCountry: 'CN',
  destinationCountry: 'UZ',
  transportMode: 'ROAD',
  transportDocument: 'CMR 4471023',
  incoterm: 'FOB',
  invoiceCurrency: 'usd',
  invoiceTotal: '6000.00',
  freight: '800',
  insurance: '',
  items: [item],
};

function errorsOf(input: unknown) {
  const r = ZDeclarationDraft.safeParse(input);
  return r.success ? [] : fieldErrorsOf(r.error);
}

describe('ZDeclarationDraft', () => {
  it('accepts a complete declaration and normalises codes and amounts', () => {
    const r = ZDeclarationDraft.parse(valid);
    expect(r.consignorCountry).toBe('CN');
    expect(r.invoiceCurrency).toBe('USD');
    expect(r.invoiceTotal).toBe('6000');
    expect(r.freight).toBe('800');
    expect(r.insurance).toBeUndefined();
  });

  it.each([
    ['regime', 'XX40', 'Choose the customs regime'],
    ['postCode', '123', 'Choose the customs post'],
    ['consignorName', '  ', 'Enter the consignor name'],
    ['consignorCountry', 'XX', 'ISO 3166'],
    ['consigneeCountry', '', 'Enter the consignee country'],
    ['dispatchCountry', 'Germany', 'ISO 3166'],
    ['transportMode', 'SHIP', 'Choose the mode of transport'],
    ['incoterm', 'FOO', 'Incoterm'],
    ['invoiceCurrency', 'ABC', 'ISO 4217'],
    ['invoiceTotal', 'ten', 'must be a number'],
    ['invoiceTotal', '0', 'must be more than 0'],
    ['invoiceTotal', '10.123', 'at most 2 decimal places'],
    ['freight', '-5', 'must be 0 or more'],
  ])('names %s when it is %j', (field, value, message) => {
    const errors = errorsOf({ ...valid, [field]: value });
    expect(errors.map((e) => e.path)).toContain(field);
    expect(errors.find((e) => e.path === field)?.message).toContain(message);
  });

  it('names every failing field at once, not only the first', () => {
    const errors = errorsOf({
      ...valid,
      regime: '',
      consignorName: '',
      invoiceTotal: 'x',
      items: [{ ...item, hsCode: '12', netMass: '500' }],
    });
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['consignorName', 'invoiceTotal', 'items.0.hsCode', 'items.0.netMass', 'regime'].sort(),
    );
  });

  it('requires at least one item and at most 999', () => {
    expect(errorsOf({ ...valid, items: [] }).map((e) => e.path)).toEqual(['items']);
    expect(errorsOf({ ...valid, items: Array.from({ length: 1000 }, () => item) }).map((e) => e.path)).toEqual([
      'items',
    ]);
    expect(errorsOf({ ...valid, items: Array.from({ length: 999 }, () => item) })).toEqual([]);
  });
});

describe('ZDeclarationItem', () => {
  it.each([
    ['hsCode', '847130', 'has 6 digits: it must be exactly 10'],
    ['hsCode', '84713000AB', 'must be 10 digits'],
    ['originCountry', 'ZZ', 'ISO 3166'],
    ['grossMass', '0', 'must be more than 0'],
    ['netMass', '-1', 'must be more than 0'],
    ['quantity', '1.2345', 'at most 3 decimal places'],
    ['supplementaryUnit', 'BOX', 'unit of quantity'],
    ['invoiceValue', '', 'Enter the item invoice value'],
  ])('names %s when it is %j', (field, value, message) => {
    const r = ZDeclarationItem.safeParse({ ...item, [field]: value });
    expect(r.success).toBe(false);
    const errors = r.success ? [] : fieldErrorsOf(r.error);
    expect(errors.find((e) => e.path === field)?.message).toContain(message);
  });

  it('refuses a net mass above the gross mass, and accepts equal masses', () => {
    const heavy = ZDeclarationItem.safeParse({ ...item, grossMass: '10', netMass: '10.001' });
    expect(heavy.success).toBe(false);
    expect(ZDeclarationItem.safeParse({ ...item, grossMass: '10', netMass: '10' }).success).toBe(true);
  });

  it('accepts amounts as JSON numbers and with a decimal comma', () => {
    const r = ZDeclarationItem.parse({ ...item, invoiceValue: 6000.5, grossMass: '120,5' });
    expect(r.invoiceValue).toBe('6000.5');
    expect(r.grossMass).toBe('120.5');
  });
});
