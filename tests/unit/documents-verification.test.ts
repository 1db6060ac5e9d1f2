import { describe, expect, it } from 'vitest';
import {
  isContentShown,
  parseVerificationRequest,
  verificationPath,
  verificationUrl,
  verificationVerdict,
  type VerdictInput,
} from '@/lib/documents/verification';
import { orderVersions, versionedNumber, versionOf, ZDocumentNumber } from '@/lib/documents/numbering';

const SIG = 'A'.repeat(85) + 'g';
const OTHER = 'B'.repeat(85) + 'g';
const found = (over: Partial<Extract<VerdictInput, { isFound: true }>> = {}): VerdictInput => ({
  isFound: true,
  isStoredSignatureValid: true,
  storedSignature: SIG,
  presentedSignature: SIG,
  hasNewerVersion: false,
  isRevoked: false,
  ...over,
});

describe('the verification verdict', () => {
  it.each([
    ['unknown number', { isFound: false } as VerdictInput, 'UNKNOWN'],
    ['genuine, current, from the QR code', found(), 'GENUINE_CURRENT'],
    ['genuine, current, checked by number only', found({ presentedSignature: null }), 'GENUINE_CURRENT'],
    ['a presented signature that is not the stored one', found({ presentedSignature: OTHER }), 'TAMPERED'],
    ['a malformed presented signature', found({ presentedSignature: '' }), 'TAMPERED'],
    ['the stored row no longer verifies', found({ isStoredSignatureValid: false }), 'TAMPERED'],
    [
      'the stored row no longer verifies, even without a presented signature',
      found({ isStoredSignatureValid: false, presentedSignature: null }),
      'TAMPERED',
    ],
    [
      'tampered beats superseded and revoked',
      found({ presentedSignature: OTHER, hasNewerVersion: true, isRevoked: true }),
      'TAMPERED',
    ],
    ['a newer version exists', found({ hasNewerVersion: true, isRevoked: true }), 'SUPERSEDED'],
    ['a newer version exists (previous not marked revoked)', found({ hasNewerVersion: true }), 'SUPERSEDED'],
    ['revoked, no newer version', found({ isRevoked: true }), 'REVOKED'],
  ])('%s → %s', (_name, input, verdict) => {
    expect(verificationVerdict(input)).toBe(verdict);
  });

  it('shows the signed content only to whoever presents the genuine signature', () => {
    expect(isContentShown('GENUINE_CURRENT', SIG)).toBe(true);
    expect(isContentShown('SUPERSEDED', SIG)).toBe(true);
    expect(isContentShown('REVOKED', SIG)).toBe(true);
    expect(isContentShown('GENUINE_CURRENT', null)).toBe(false);
    expect(isContentShown('TAMPERED', SIG)).toBe(false);
    expect(isContentShown('UNKNOWN', SIG)).toBe(false);
  });
});

describe('the verification URL', () => {
  it('puts each part of the number in a path segment and the signature in ?sig=', () => {
    expect(verificationPath('26001/261128/0000042', SIG)).toBe(`/verify/26001/261128/0000042?sig=${SIG}`);
    expect(verificationPath('26001/261128/0000042-2')).toBe('/verify/26001/261128/0000042-2');
    expect(verificationUrl('https://customs.example/', 'PQ-IMP/2026/7', SIG)).toBe(
      `https://customs.example/verify/PQ-IMP/2026/7?sig=${SIG}`,
    );
  });

  it('reads back what it wrote, from path segments or from the form', () => {
    expect(parseVerificationRequest({ segments: ['26001', '261128', '0000042'], query: { sig: SIG } })).toEqual({
      type: 'CHECK',
      number: '26001/261128/0000042',
      presentedSignature: SIG,
    });
    expect(parseVerificationRequest({ segments: undefined, query: { number: ' 26001/261128/0000042 ' } })).toEqual({
      type: 'CHECK',
      number: '26001/261128/0000042',
      presentedSignature: null,
    });
    expect(parseVerificationRequest({ segments: ['26001%2F261128%2F0000042'], query: {} })).toEqual({
      type: 'CHECK',
      number: '26001/261128/0000042',
      presentedSignature: null,
    });
    expect(parseVerificationRequest({ segments: undefined, query: {} })).toEqual({ type: 'EMPTY' });
    expect(parseVerificationRequest({ segments: [], query: { number: '  ' } })).toEqual({ type: 'EMPTY' });
  });

  it.each([
    ['script', ['<script>alert(1)</script>']],
    ['dot segments', ['..', 'etc']],
    ['too long', ['9'.repeat(65)]],
    ['bad percent-encoding', ['%E0%A4%A']],
    ['spaces inside', ['26001 261128']],
  ])('treats %s as an invalid number, never a lookup', (_name, segments) => {
    expect(parseVerificationRequest({ segments, query: {} }).type).toBe('INVALID');
  });

  it('takes a malformed or repeated ?sig= as presented but never matching', () => {
    expect(parseVerificationRequest({ segments: ['X1'], query: { sig: 'short' } })).toEqual({
      type: 'CHECK',
      number: 'X1',
      presentedSignature: '',
    });
    expect(parseVerificationRequest({ segments: ['X1'], query: { sig: [SIG, OTHER] } })).toEqual({
      type: 'CHECK',
      number: 'X1',
      presentedSignature: SIG,
    });
  });
});

describe('document numbers and versions', () => {
  it('accepts registration, permit and versioned numbers', () => {
    for (const n of ['26001/261128/0000042', '26001/261128/0000042-2', 'PQ-IMP/2026/000123', 'R.2026.1'])
      expect(ZDocumentNumber.safeParse(n).success).toBe(true);
    for (const n of ['', '/a', 'a//b', 'a/', 'a/.b', 'a b', 'a?b', 'a%2Fb'])
      expect(ZDocumentNumber.safeParse(n).success).toBe(false);
  });

  it('numbers version n as <base>-n and reads it back', () => {
    expect(versionedNumber('26001/261128/0000042', 1)).toBe('26001/261128/0000042');
    expect(versionedNumber('26001/261128/0000042', 2)).toBe('26001/261128/0000042-2');
    expect(versionOf('26001/261128/0000042', '26001/261128/0000042-12')).toBe(12);
    expect(versionOf('26001/261128/0000042', '26001/261128/0000042')).toBe(1);
    expect(versionOf('26001/261128/0000042', '26001/261128/00000421')).toBeNull();
    expect(versionOf('26001/261128/0000042', '26001/261128/0000042-1')).toBeNull();
    expect(() => versionedNumber('X', 0)).toThrow();
  });

  it('orders a series by version, not by text or time (…-10 after …-9), also when the base ends in -<digit>', () => {
    const numbers = ['P-2-10', 'P-2', 'P-2-9', 'P-2-2'].map((number) => ({ number }));
    expect(orderVersions(numbers).map((d) => `${d.number}@${d.version}`)).toEqual([
      'P-2@1',
      'P-2-2@2',
      'P-2-9@9',
      'P-2-10@10',
    ]);
    expect(orderVersions([])).toEqual([]);
  });
});
