import { z } from 'zod';

export const ROLES = ['TRADER', 'INSPECTOR', 'SUPERVISOR', 'AGENCY_OFFICER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Where each role lands after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'TRADER':
      return '/trader';
    case 'INSPECTOR':
    case 'SUPERVISOR':
      return '/officer';
    case 'AGENCY_OFFICER':
      return '/agency';
    case 'ADMIN':
      return '/admin';
    default: {
      const never: never = role;
      return never;
    }
  }
}

export const ZSignIn = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().toLowerCase().min(1, { error: 'Enter your email address' }).pipe(z.email({ error: 'Enter an email address like name@example.com' })),
  password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }).max(200, { error: 'The password is too long' }),
});
export type SignInInput = z.input<typeof ZSignIn>;

/**
 * Sign-in throttling: after this many failures within the window, further attempts are refused
 * until the window has passed, per account and per client address.
 */
export const SIGN_IN_POLICY = { windowMinutes: 15, maxFailuresPerAccount: 5, maxFailuresPerAddress: 20 } as const;

export function signInBlockedBy(failuresForAccount: number, failuresForAddress: number): 'ACCOUNT' | 'ADDRESS' | null {
  if (failuresForAccount >= SIGN_IN_POLICY.maxFailuresPerAccount) return 'ACCOUNT';
  if (failuresForAddress >= SIGN_IN_POLICY.maxFailuresPerAddress) return 'ADDRESS';
  return null;
}
