// Issue 13, item 3 and 5: nothing typed is cut or reinterpreted, and each message says what is wrong.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZDeclarationItem, ZDeclarationHeader } from '@/lib/declaration/schema';
import { ZTransportStep, documentStepOn } from '@/lib/declaration/steps';
import { ZApplicationProduct } from '@/lib/permits/schemas';
import { ZTopUpStart } from '@/lib/payments/schemas';
import { ZAdjustment } from '@/lib/officer/decisions';
import { fieldErrorsOf } from '@/lib/validation';
import { incotermCostProblem } from '@/lib/declaration/incoterm-costs';
import { INCOTERMS } from '@/lib/reference/customs';

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
const transport = {
  dispatchCountry: 'CN',
  destinationCountry: 'UZ',
  transportMode: 'ROAD',
  transportDocument: 'CMR 4471023',
  incoterm: 'FOB',
  invoiceCurrency: 'USD',
  invoiceTotal: '6000.00',
  freight: '800',
  insurance: '50',
};

function messageOf(schema: z.ZodType, input: unknown, path: string): string | undefined {
  const r = schema.safeParse(input);
  return r.success ? undefined : fieldErrorsOf(r.error).find((e) => e.path === path)?.message;
}

describe('a negative figure: "must be more than 0", not "must be a number"', () => {
  it.each([
    ['quantity', 'The quantity must be more than 0'],
    ['grossMass', 'The gross mass must be more than 0'],
    ['netMass', 'The net mass must be more than 0'],
    ['invoiceValue', 'The item invoice value must be more than 0'],
  ])('an item %s of -5', (field, message) => {
    expect(messageOf(ZDeclarationItem, { ...item, [field]: '-5' }, field)).toBe(message);
  });

  it('the invoice total', () => {
    expect(
      messageOf(ZDeclarationHeader.pick({ invoiceTotal: true }), { invoiceTotal: '-1250.50' }, 'invoiceTotal'),
    ).toBe('The invoice total must be more than 0');
  });

  it('freight and insurance, where 0 is a valid answer, must be 0 or more', () => {
    expect(messageOf(ZTransportStep, { ...transport, freight: '-800' }, 'freight')).toBe(
      'The freight cost must be 0 or more',
    );
    expect(messageOf(ZTransportStep, { ...transport, insurance: '-1' }, 'insurance')).toBe(
      'The insurance cost must be 0 or more',
    );
    expect(ZTransportStep.safeParse({ ...transport, freight: '0' }).success).toBe(true);
  });

  it('a permit product, a top-up and an officer’s adjusted value say the same', () => {
    expect(
      messageOf(
        ZApplicationProduct,
        { hsCode: '0808108000', description: 'Apples', quantity: '-3', unit: 'KG', country: 'IR' },
        'quantity',
      ),
    ).toBe('The quantity must be more than 0');
    expect(messageOf(ZTopUpStart, { amount: '-5000' }, 'amount')).toBe('The amount to top up must be more than 0');
    expect(
      messageOf(
        ZAdjustment,
        { expectedVersion: 1, lineNo: 1, newInvoiceValue: '-10', reason: 'Low' },
        'newInvoiceValue',
      ),
    ).toBe('The adjusted item value must be more than 0');
  });

  it('text is still "must be a number"', () => {
    expect(messageOf(ZDeclarationItem, { ...item, quantity: 'fifty' }, 'quantity')).toBe(
      'The quantity must be a number, like 1250.50',
    );
  });
});

describe('a 20-digit figure: too large, not "must be a number"', () => {
  const twenty = '12345678901234567890';
  it.each([
    ['invoiceValue', 'The item invoice value is too large: at most 15 digits before the decimal point'],
    ['quantity', 'The quantity is too large: at most 15 digits before the decimal point'],
  ])('an item %s', (field, message) => {
    expect(messageOf(ZDeclarationItem, { ...item, [field]: twenty }, field)).toBe(message);
  });

  it('freight, and an amount with decimals', () => {
    expect(messageOf(ZTransportStep, { ...transport, freight: twenty }, 'freight')).toBe(
      'The freight cost is too large: at most 15 digits before the decimal point',
    );
    expect(messageOf(ZTransportStep, { ...transport, invoiceTotal: `${twenty}.50` }, 'invoiceTotal')).toBe(
      'The invoice total is too large: at most 15 digits before the decimal point',
    );
  });

  it('15 digits are accepted, 16 are not', () => {
    expect(ZDeclarationItem.safeParse({ ...item, invoiceValue: '123456789012345.00' }).success).toBe(true);
    expect(messageOf(ZDeclarationItem, { ...item, invoiceValue: '1234567890123456' }, 'invoiceValue')).toContain(
      'too large',
    );
  });
});

describe('codes: extra characters are refused, never cut', () => {
  it('a pasted 20-digit commodity code is refused, naming how many digits it has', () => {
    const r = ZDeclarationItem.safeParse({ ...item, hsCode: '84713000009999999999' });
    expect(r.success).toBe(false);
    expect(messageOf(ZDeclarationItem, { ...item, hsCode: '84713000009999999999' }, 'hsCode')).toBe(
      'The commodity code has 20 digits, which is too many: it must be exactly 10, like 8471300000',
    );
  });

  it('an 11-digit code and a short one are refused too; exactly 10 digits pass unchanged', () => {
    expect(messageOf(ZDeclarationItem, { ...item, hsCode: '84713000001' }, 'hsCode')).toContain('11 digits');
    expect(messageOf(ZDeclarationItem, { ...item, hsCode: '847130' }, 'hsCode')).toContain('6 digits');
    expect(messageOf(ZDeclarationItem, { ...item, hsCode: '8471.30.00' }, 'hsCode')).toContain('digits only');
    expect(ZDeclarationItem.parse({ ...item, hsCode: ' 8471300000 ' }).hsCode).toBe('8471300000');
  });

  it('the permit product and the officer’s new code refuse the same way', () => {
    expect(
      messageOf(
        ZApplicationProduct,
        { hsCode: '08081080001234567890', description: 'Apples', quantity: '3', unit: 'KG', country: 'IR' },
        'hsCode',
      ),
    ).toContain('20 digits');
    expect(
      messageOf(
        ZAdjustment,
        { expectedVersion: 1, lineNo: 1, newHsCode: '84713000009999999999', reason: 'Wrong heading' },
        'newHsCode',
      ),
    ).toContain('20 digits');
  });

  it('a country name is refused, never cut to a code ("Germany" is not GE, Georgia)', () => {
    const message = messageOf(ZDeclarationItem, { ...item, originCountry: 'Germany' }, 'originCountry');
    expect(message).toBe('Choose the country of origin from the list, or enter its two-letter ISO 3166 code, like DE');
    expect(messageOf(ZTransportStep, { ...transport, dispatchCountry: 'Germany (DE)' }, 'dispatchCountry')).toContain(
      'Choose the country of dispatch from the list',
    );
    expect(ZDeclarationItem.parse({ ...item, originCountry: 'de' }).originCountry).toBe('DE');
  });

  it('a currency code of 4 letters is refused, not cut to 3', () => {
    expect(messageOf(ZTransportStep, { ...transport, invoiceCurrency: 'USDT' }, 'invoiceCurrency')).toContain(
      'ISO 4217',
    );
  });
});

describe('freight and insurance by Incoterm, on the transport step', () => {
  it('FOB without freight is refused on the freight field, with the words of the control', () => {
    expect(messageOf(ZTransportStep, { ...transport, freight: '' }, 'freight')).toBe(
      'Enter the freight cost: under FOB it is not in the invoice price (enter 0 if there was none)',
    );
  });

  it('CIF with freight and insurance is refused on both', () => {
    const r = ZTransportStep.safeParse({ ...transport, incoterm: 'CIF' });
    expect(r.success ? [] : fieldErrorsOf(r.error)).toEqual([
      {
        path: 'freight',
        message:
          'Leave the freight cost empty: under CIF it is already in the invoice price, so it would be counted twice',
      },
      {
        path: 'insurance',
        message:
          'Leave the insurance cost empty: under CIF it is already in the invoice price, so it would be counted twice',
      },
    ]);
    expect(ZTransportStep.safeParse({ ...transport, incoterm: 'CIF', freight: '', insurance: '' }).success).toBe(true);
  });

  it('an Incoterm that is missing: only that field is named', () => {
    const r = ZTransportStep.safeParse({ ...transport, incoterm: '', freight: '' });
    expect(r.success ? [] : fieldErrorsOf(r.error).map((e) => e.path)).toEqual(['incoterm']);
  });

  it('requires or forbids each cost exactly as the duties add it', () => {
    const required = INCOTERMS.filter((i) => incotermCostProblem(i, 'freight', false) !== null);
    const forbidden = INCOTERMS.filter((i) => incotermCostProblem(i, 'freight', true) !== null);
    expect([...required].sort()).toEqual(['EXW', 'FCA', 'FOB']);
    expect([...forbidden].sort()).toEqual(['CFR', 'CIF', 'CIP', 'CPT', 'DAP', 'DDP', 'DPU']);
    expect(INCOTERMS.filter((i) => incotermCostProblem(i, 'insurance', false) !== null).sort()).toEqual([
      'CFR',
      'CPT',
      'EXW',
      'FCA',
      'FOB',
    ]);
    expect(incotermCostProblem(null, 'freight', false)).toBeNull();
  });
});

describe('a document dated in the future, on the documents step', () => {
  const step = documentStepOn('2026-11-28');
  it('is refused on its date, naming the document', () => {
    expect(messageOf(step, { type: 'INVOICE', number: 'INV-1', date: '2026-11-29' }, 'date')).toBe(
      'The date of the invoice cannot be in the future (today is 2026-11-28)',
    );
  });
  it('today and earlier are accepted; a date that is no date keeps its own message', () => {
    expect(step.safeParse({ type: 'INVOICE', number: 'INV-1', date: '2026-11-28' }).success).toBe(true);
    expect(messageOf(step, { type: 'INVOICE', number: 'INV-1', date: '2026-02-30' }, 'date')).toBe(
      'Enter a real date, like 2026-11-28',
    );
  });
});
