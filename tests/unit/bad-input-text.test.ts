// The one text type at the boundary (lib/text.ts) and cross-field rules that never run on values that
// failed (lib/validation.ts `whenValid`): bad input is a field error, never a throw (a 500).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  INVISIBLE_CHARACTERS_MESSAGE,
  decodeSegmentOnce,
  escapeForLog,
  hasInvisibleCharacters,
  text,
} from '@/lib/text';
import { fieldErrorsOf } from '@/lib/validation';
import { ZDeclarationDraft, ZDeclarationItem, ZDeclarationHeader } from '@/lib/declaration/schema';
import { ZAdjustment, ZDocumentCheck } from '@/lib/officer/decisions';
import { ZRefundDecision, ZRefundRequest } from '@/lib/payments/schemas';
import { ZPostClearanceAudit } from '@/lib/audits/post-clearance';
import { ZPermitTypeForm, ZRefusal, ZStartApplication } from '@/lib/permits/schemas';
import { ZProfileForm } from '@/lib/risk/profile-form';
import { ZSignIn } from '@/lib/auth/roles';
import {
  MAX_ACTION_BODY_BYTES,
  MAX_UPLOAD_BYTES,
  PROXY_BODY_BYTES,
  isDeclaredBodyTooLarge,
} from '@/lib/request-limits';
import { uploadProblem } from '@/lib/declaration/steps';
import nextConfig from '../../next.config';

/** Every field error of a parse, as `path: message`; a throw fails the test (that would be a 500). */
function errorsOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldErrorsOf(result.error).map((e) => `${e.path}: ${e.message}`);
}

describe('the shared text type refuses invisible characters', () => {
  // Decided: every C0 control (tab, LF and CR only in multi-line text), DEL, C1, U+2028/U+2029, the
  // bidi embedding/override/isolate controls (U+202E "right-to-left override" included: it makes a
  // name read backwards on an officer's screen), lone surrogates and noncharacters. Allowed: other
  // format characters (ZWJ/ZWNJ, soft hyphen) and right-to-left letters themselves.
  it.each([
    ['NUL', 'ACME\u0000 LLC', true, true],
    ['BEL', 'ACME\u0007', true, true],
    ['ESC', '\u001b[31mred', true, true],
    ['DEL', 'AC\u007fME', true, true],
    ['C1 (NEL)', 'AC\u0085ME', true, true],
    ['right-to-left override', 'invoice\u202Efdp.exe', true, true],
    ['first strong isolate', 'a\u2068b', true, true],
    ['line separator', 'a\u2028b', true, true],
    ['zero-width space', 'Silk\u200bRoad', true, true],
    ['byte-order mark', '\ufeffSilk Road', true, true],
    ['word joiner', 'Silk\u2060Road', true, true],
    ['lone high surrogate', 'a\ud800b', true, true],
    ['lone low surrogate', 'a\udc00', true, true],
    ['noncharacter U+FFFE', 'a\ufffe', true, true],
    ['noncharacter U+FDD0', 'a\ufdd0', true, true],
    ['tab', 'a\tb', true, false],
    ['line feed', 'a\nb', true, false],
    ['carriage return + line feed', 'a\r\nb', true, false],
    ['plain Latin', 'Toshkent, Amir Temur 1', false, false],
    ['Cyrillic', 'Тошкент шаҳри', false, false],
    ['Arabic letters', 'شركة', false, false],
    ['emoji with zero-width joiner', '👩\u200d💻', false, false],
    ['astral character (a pair, not lone)', '𝔸', false, false],
    ['soft hyphen', 'Ex\u00adport', false, false],
  ])('%s: refused in single-line text %s, in multi-line text %s', (_name, value, isSingleRefused, isMultiRefused) => {
    expect(hasInvisibleCharacters(value)).toBe(isSingleRefused);
    expect(hasInvisibleCharacters(value, { isMultiline: true })).toBe(isMultiRefused);
  });

  it('answers with one field message, checked after trimming and before the length rules', () => {
    const schema = z.object({
      name: text({ error: 'Enter the name' }).min(1, { error: 'Enter the name' }).max(5, { error: 'Too long' }),
    });
    expect(errorsOf(schema, { name: 'a\u0000bcdefgh' })).toEqual([`name: ${INVISIBLE_CHARACTERS_MESSAGE}`]);
    expect(errorsOf(schema, { name: ' ab\n' })).toEqual([]); // a trailing newline pasted in is only whitespace
    expect(schema.parse({ name: ' ab\n' })).toEqual({ name: 'ab' });
    expect(errorsOf(schema, { name: 42 })).toEqual(['name: Enter the name']);
  });

  it.each([
    ['declaration header', 'consignorName', ZDeclarationHeader],
    ['declaration item', 'description', ZDeclarationItem],
    ['refund request', 'reason', ZRefundRequest],
    ['document check', 'findings', ZDocumentCheck],
    ['post-clearance audit', 'findings', ZPostClearanceAudit],
    ['permit application', 'purpose', ZStartApplication],
    ['permit refusal', 'reason', ZRefusal],
    ['permit type', 'name', ZPermitTypeForm],
    ['risk profile', 'name', ZProfileForm],
    ['sign-in', 'password', ZSignIn],
  ] as const)('the %s schema names its field %s for a NUL', (_name, field, schema) => {
    expect(errorsOf(schema, { [field]: 'Some text\u0000' })).toContain(`${field}: ${INVISIBLE_CHARACTERS_MESSAGE}`);
  });

  it('escapes what it logs and cuts it short', () => {
    expect(escapeForLog('a\u0000b\u202e"c')).toBe('a\\u0000b\\u202e\\"c');
    expect(escapeForLog('x'.repeat(1000), 10)).toBe(`${'x'.repeat(10)}…(1000 characters)`);
  });

  it('decodes a path segment once more, and leaves a lone % as it is instead of throwing', () => {
    expect(decodeSegmentOnce('R-2026-%')).toBe('R-2026-%');
    expect(decodeSegmentOnce('%E0%A4%A')).toBe('%E0%A4%A');
    expect(decodeSegmentOnce('PQ%2DIMP')).toBe('PQ-IMP');
  });
});

const ITEM = {
  hsCode: '8471300000',
  description: 'Laptops',
  originCountry: 'CN',
  grossMass: '12.5',
  netMass: '10',
  quantity: '5',
  supplementaryUnit: 'PCS',
  invoiceValue: '1000',
};

describe('cross-field rules never run on a field that failed', () => {
  // Each of these made `new D(...)` throw in a cross-field rule: a 500 instead of a field error.
  it.each([
    ['empty gross mass', { grossMass: '' }, 'grossMass: Enter the gross mass'],
    ['empty net mass', { netMass: '' }, 'netMass: Enter the net mass'],
    ['text for a mass', { grossMass: 'abc' }, 'grossMass: The gross mass must be a number, like 1250.50'],
    [
      '1e309 (Infinity once JSON.parse has read it)',
      { grossMass: JSON.parse('1e309') as number },
      'grossMass: Enter the gross mass',
    ],
    ['the text "1e309"', { netMass: '1e309' }, 'netMass: The net mass must be a number, like 1250.50'],
    ['a mass as an object', { grossMass: { value: 1 } }, 'grossMass: Enter the gross mass'],
    ['too many decimals', { grossMass: '1.23456' }, 'grossMass: The gross mass can have at most 3 decimal places'],
    ['NaN', { netMass: Number.NaN }, 'netMass: Enter the net mass'],
  ])('an item with %s is a field error', (_name, change, expected) => {
    expect(errorsOf(ZDeclarationItem, { ...ITEM, ...change })).toEqual([expected]);
  });

  it('still compares the masses once both are valid', () => {
    expect(errorsOf(ZDeclarationItem, { ...ITEM, netMass: '13' })).toEqual([
      'netMass: The net mass cannot be more than the gross mass',
    ]);
    expect(errorsOf(ZDeclarationItem, ITEM)).toEqual([]);
  });

  it('names the item of a whole declaration body', () => {
    const errors = errorsOf(ZDeclarationDraft, { items: [ITEM, { ...ITEM, grossMass: '' }] });
    expect(errors).toContain('items.1.grossMass: Enter the gross mass');
  });

  // Found by the bad-input sweep (POST /api/declarations answered 500): an item that is not an object
  // has no fields, so the masses' rule read `null.netMass` or built a Decimal from undefined.
  it.each([
    ['null', null],
    ['a string', 'abc'],
    ['a number', 12345],
    ['a list', ['a']],
  ])('an item that is %s is a field error, not a throw', (_name, item) => {
    expect(errorsOf(ZDeclarationItem, item)).toHaveLength(1);
    expect(errorsOf(ZDeclarationDraft, { items: [item] })).toContainEqual(expect.stringMatching(/^items\.0: /));
  });

  it('an adjusted value that is not a number is a field error, not a throw', () => {
    expect(errorsOf(ZAdjustment, { expectedVersion: 1, lineNo: 1, newInvoiceValue: 'abc', reason: 'Too low' })).toEqual(
      ['newInvoiceValue: The adjusted item value must be a number, like 1250.50'],
    );
  });

  it('object rules wait for valid fields (a refusal without a note, with a note that failed)', () => {
    const refundId = '4c1f0e2a-7b3d-4e8f-9a21-5d6c7e8f9a0b';
    expect(errorsOf(ZRefundDecision, { refundId, decision: 'REFUSE', note: 'x'.repeat(501) })).toEqual([
      'note: Must be 500 characters or fewer',
    ]);
    expect(errorsOf(ZRefundDecision, { refundId, decision: 'REFUSE', note: '' })).toEqual([
      'note: Say why the refund is refused',
    ]);
  });

  it('an audit with bad additional revenue is a field error, not a throw', () => {
    expect(
      errorsOf(ZPostClearanceAudit, { findings: 'Checked', isHit: 'no', isCritical: 'no', additionalRevenue: 'lots' }),
    ).toEqual(['additionalRevenue: The additional revenue must be a number, like 1250.50']);
  });
});

describe('the body limits agree', () => {
  const experimental = nextConfig.experimental as {
    serverActions?: { bodySizeLimit?: unknown };
    proxyClientMaxBodySize?: unknown;
  };

  it('lets a file just over 10 MB reach its action whole, so that the action names the field', () => {
    expect(experimental.serverActions?.bodySizeLimit).toBe(MAX_ACTION_BODY_BYTES);
    expect(MAX_ACTION_BODY_BYTES).toBeGreaterThanOrEqual(MAX_UPLOAD_BYTES + 64 * 1024);
    expect(uploadProblem(MAX_UPLOAD_BYTES + 1, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe(
      'The selected file must be smaller than 10 MB',
    );
    expect(uploadProblem(MAX_UPLOAD_BYTES, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBeNull();
  });

  it('cuts the proxy’s copy only above what any action accepts (a cut body is never parsed as whole)', () => {
    expect(experimental.proxyClientMaxBodySize).toBe(PROXY_BODY_BYTES);
    expect(PROXY_BODY_BYTES).toBeGreaterThan(MAX_ACTION_BODY_BYTES);
  });

  it('tells a declared length over the action limit', () => {
    expect(isDeclaredBodyTooLarge(String(MAX_ACTION_BODY_BYTES))).toBe(false);
    expect(isDeclaredBodyTooLarge(String(MAX_ACTION_BODY_BYTES + 1))).toBe(true);
    expect(isDeclaredBodyTooLarge(null)).toBe(false);
    expect(isDeclaredBodyTooLarge('lots')).toBe(false);
  });
});
