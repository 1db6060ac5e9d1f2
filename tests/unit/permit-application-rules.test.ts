import { describe, expect, it } from 'vitest';
import {
  ZApplyQuery,
  ZPermitTypeForm,
  applyForLineHref,
  convertQuantity,
  feeRefundDue,
  feeShortfall,
  isFeeCharged,
  linePrefill,
  mixedUnitsProblem,
  type DeclarationLine,
  type PermitTypeRule,
} from '@/lib/permits';
import { PERMIT_CATALOGUE } from '@/prisma/seed/permit-catalogue';

const catalogue: PermitTypeRule[] = PERMIT_CATALOGUE.map((t) => ({
  code: t.code,
  authorityCode: t.authority,
  directions: t.directions,
  hsPrefixes: t.hsPrefixes,
  scope: t.scope,
}));

describe('one application cannot mix units a single permit cannot hold (mixedUnitsProblem)', () => {
  const food = { code: 'SES-FOOD', scope: 'QUANTITY' as const };
  const cites = { code: 'ECO-CITES', scope: 'SHIPMENT' as const };

  it.each([
    ['no product yet', []],
    ['one product', ['KG']],
    ['products in one unit', ['L', 'L', 'L']],
    ['the same unit written differently', ['kg', ' KG ']],
  ])('QUANTITY type, %s: allowed', (_what, units) => {
    expect(mixedUnitsProblem(food, units)).toBeNull();
  });

  it('QUANTITY type: kilograms and litres are refused on the unit field, naming both units and what to do', () => {
    expect(mixedUnitsProblem(food, ['KG', 'KG', 'L'])).toEqual({
      path: 'unit',
      message:
        "A SES-FOOD permit counts one unit, and this application's products are in KG: add the products counted in L to a separate application",
    });
  });

  it('QUANTITY type: every other unit is named', () => {
    expect(mixedUnitsProblem(food, ['PCS', 'KG', 'L', 'KG'])?.message).toContain('counted in KG, L to a separate');
  });

  it('SHIPMENT type: a consignment is written off whole, so its products may be in different units', () => {
    expect(mixedUnitsProblem(cites, ['PCS', 'KG', 'L'])).toBeNull();
  });
});

describe('an application prefilled from a declaration line (linePrefill)', () => {
  const beer: DeclarationLine = {
    lineNo: 2,
    hsCode: '2203000900',
    description: 'Beer, in bottles',
    originCountry: 'DE',
    quantity: '2000',
    unit: 'L',
  };
  const toy: DeclarationLine = {
    lineNo: 1,
    hsCode: '9503007000',
    description: 'Toy\n construction  sets',
    originCountry: 'CN',
    quantity: '5000',
    unit: 'PCS',
  };
  const base = { regime: 'IM40' as const, destinationCountry: 'UZ', catalogue, linkedTypeCodes: [] };

  it('takes the type, direction and goods of the line; the quantity stays in the unit the tariff counts', () => {
    expect(linePrefill({ ...base, line: beer, tariffUnit: 'L' })).toEqual({
      direction: 'IMPORT',
      requirements: [{ authorityCode: 'SES', alternatives: ['SES-FOOD'] }],
      typeCodes: ['SES-FOOD'],
      typeCode: 'SES-FOOD',
      product: { hsCode: '2203000900', description: 'Beer, in bottles', quantity: '2000', unit: 'L', country: 'DE' },
      quantity: { kind: 'AS_DECLARED' },
    });
  });

  it('leaves the quantity empty and says why when no exact conversion is known (litres → kilograms)', () => {
    const prefill = linePrefill({ ...base, line: beer, tariffUnit: 'KG' });
    expect(prefill.product).toMatchObject({ quantity: '', unit: 'KG' });
    expect(prefill.quantity).toEqual({ kind: 'UNKNOWN', declared: '2000', declaredUnit: 'L' });
  });

  it('converts only exactly: pieces to thousands of pieces', () => {
    const prefill = linePrefill({ ...base, line: toy, tariffUnit: '1000PCS' });
    expect(prefill.product).toMatchObject({ quantity: '5', unit: '1000PCS' });
    expect(prefill.quantity).toEqual({ kind: 'CONVERTED', declared: '5000', declaredUnit: 'PCS' });
  });

  it('uses the line’s own unit when the code is not in the tariff', () => {
    expect(linePrefill({ ...base, line: beer, tariffUnit: null }).product).toMatchObject({
      quantity: '2000',
      unit: 'L',
    });
  });

  it('a line needing two authorities’ permits starts with the first one not linked yet, or the one asked for', () => {
    const both = linePrefill({ ...base, line: toy, tariffUnit: 'PCS' });
    expect(both.typeCodes).toEqual(['SES-CHILD', 'STD-COC']);
    expect(both.typeCode).toBe('SES-CHILD');
    expect(linePrefill({ ...base, line: toy, tariffUnit: 'PCS', linkedTypeCodes: ['SES-CHILD'] }).typeCode).toBe(
      'STD-COC',
    );
    expect(linePrefill({ ...base, line: toy, tariffUnit: 'PCS', chosenType: 'std-coc' }).typeCode).toBe('STD-COC');
    // A type the line does not need is not offered, whatever the link says.
    expect(linePrefill({ ...base, line: toy, tariffUnit: 'PCS', chosenType: 'PQ-IMP' }).typeCode).toBe('SES-CHILD');
  });

  it('collapses a multi-line description into the product’s one line', () => {
    expect(linePrefill({ ...base, line: toy, tariffUnit: 'PCS' }).product.description).toBe('Toy construction sets');
  });

  it('an export names the destination country; a line that needs no permit gets no type', () => {
    const cotton: DeclarationLine = { ...beer, hsCode: '5201000000', description: 'Raw cotton', unit: 'KG' };
    const prefill = linePrefill({ ...base, regime: 'EK10', destinationCountry: 'kz', line: cotton, tariffUnit: 'KG' });
    expect(prefill).toMatchObject({ direction: 'EXPORT', typeCode: null, typeCodes: [], requirements: [] });
    expect(prefill.product.country).toBe('KZ');
  });

  it('an inactive type is not offered', () => {
    const inactive = catalogue.map((t) => (t.code === 'SES-FOOD' ? { ...t, isActive: false } : t));
    expect(linePrefill({ ...base, catalogue: inactive, line: beer, tariffUnit: 'L' }).typeCode).toBeNull();
  });
});

describe('convertQuantity: exact conversions only, never a guess', () => {
  it.each([
    ['2000', 'L', 'L', '2000'],
    ['12.5', 'kg', 'KG', '12.5'],
    ['5000', 'PCS', '1000PCS', '5'],
    ['3', '1000PCS', 'PCS', '3000'],
    ['2000', 'L', 'KG', null],
    ['10', 'PCS', 'KG', null],
    ['1', 'PCS', '1000PCS', '0.001'],
    ['0.5', 'PCS', '1000PCS', null], // 0.0005: more than 3 decimals
    ['0', 'KG', 'KG', null],
    ['abc', 'KG', 'KG', null],
  ])('%s %s → %s: %s', (quantity, from, to, expected) => {
    expect(convertQuantity(quantity, from, to)).toBe(expected);
  });
});

describe('the apply page’s URL contract', () => {
  it('builds /trader/permits/apply?declaration=<id>&line=<n>, and reads it back', () => {
    const id = '0b7e4c1e-2f55-4f3b-9d7a-1c2b3d4e5f60';
    expect(applyForLineHref(id, 3)).toBe(`/trader/permits/apply?declaration=${id}&line=3`);
    expect(applyForLineHref(id, 3, 'STD-COC')).toBe(`/trader/permits/apply?declaration=${id}&line=3&type=STD-COC`);
    expect(ZApplyQuery.parse({ declaration: id, line: '3', type: 'std-coc' })).toEqual({
      declaration: id,
      line: 3,
      type: 'STD-COC',
    });
  });

  it('drops anything malformed instead of failing', () => {
    expect(ZApplyQuery.parse({ declaration: 'x', line: '1e309', type: ['A', 'B'] })).toEqual({
      declaration: undefined,
      line: undefined,
      type: undefined,
    });
    expect(ZApplyQuery.parse({ line: '0' }).line).toBeUndefined();
  });
});

describe('permit fees (lib/permits/fees.ts)', () => {
  const charge = { amount: '150000.00', isRefundable: true };

  it.each([
    ['REFUSED', charge, false, '150000.00'],
    ['WITHDRAWN', charge, false, '150000.00'],
    ['ISSUED', charge, false, null],
    ['REFUSED', { ...charge, isRefundable: false }, false, null],
    ['REFUSED', charge, true, null],
    ['REFUSED', null, false, null],
  ] as const)('%s, charge %j, already refunded %s → %s', (outcome, c, isRefunded, expected) => {
    expect(feeRefundDue({ outcome, charge: c, isRefunded })).toBe(expected);
  });

  it('a fee of 0 charges nothing; the shortfall is what the balance lacks', () => {
    expect(isFeeCharged('0.00')).toBe(false);
    expect(isFeeCharged('0.01')).toBe(true);
    expect(feeShortfall('150000.00', '100000.50')).toBe('49999.50');
    expect(feeShortfall('150000.00', '150000.00')).toBeNull();
  });

  it('the catalogue form reads the refund rule as a checkbox (absent = not refundable)', () => {
    const form = {
      name: 'Test',
      authorityCode: 'SES',
      directions: 'IMPORT',
      hsPrefixes: '0808',
      validityDays: '30',
      scope: 'QUANTITY',
      requiredDocuments: '',
      fee: '100',
    };
    expect(ZPermitTypeForm.parse({ ...form, isFeeRefundable: 'on' }).isFeeRefundable).toBe(true);
    expect(ZPermitTypeForm.parse(form).isFeeRefundable).toBe(false);
  });
});
