import { describe, expect, it } from 'vitest';
import { AppError, httpStatus } from '@/lib/errors';
import { homeOf, ZSignIn } from '@/lib/auth/roles';
import { formatAmount, round2, D } from '@/lib/money';

describe('AppError → HTTP status', () => {
  it.each([
    ['VALIDATION', 422],
    ['NOT_FOUND', 404],
    ['FORBIDDEN', 403],
    ['CONFLICT', 409],
    ['RATE_LIMITED', 429],
    ['UNAUTHENTICATED', 401],
  ] as const)('%s → %i', (code, status) => {
    expect(httpStatus(new AppError(code, 'x').code)).toBe(status);
  });
});

describe('roles and sign-in', () => {
  it.each([
    ['TRADER', '/trader'],
    ['INSPECTOR', '/officer'],
    ['SUPERVISOR', '/officer'],
    ['AGENCY_OFFICER', '/agency'],
    ['ADMIN', '/admin'],
  ] as const)('%s lands on %s', (role, home) => {
    expect(homeOf(role)).toBe(home);
  });

  it('normalises the email and names empty fields', () => {
    expect(ZSignIn.parse({ email: ' Trader@SilkRoad.UZ ', password: 'x' }).email).toBe('trader@silkroad.uz');
    const r = ZSignIn.safeParse({ email: '', password: '' });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['email', 'password']);
  });
});

describe('money', () => {
  it('rounds half-up to 2 decimals', () => {
    expect(round2(new D('1.005')).toFixed(2)).toBe('1.01');
    expect(round2(new D('2.675')).toFixed(2)).toBe('2.68');
    expect(round2(new D('-1.005')).toFixed(2)).toBe('-1.01');
  });

  it('groups thousands with spaces', () => {
    expect(formatAmount('46391541')).toBe('46 391 541.00');
    expect(formatAmount('1234567.891')).toBe('1 234 567.89');
    expect(formatAmount('-1000')).toBe('-1 000.00');
    expect(formatAmount('12')).toBe('12.00');
  });
});
