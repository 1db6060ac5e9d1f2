import { z } from 'zod';
import { untrimmedText } from '../text';

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
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'Enter your email address' })
    .pipe(z.email({ error: 'Enter an email address like name@example.com' })),
  password: untrimmedText({ error: 'Enter your password' })
    .min(1, { error: 'Enter your password' })
    .max(200, { error: 'The password is too long' }),
});
export type SignInInput = z.input<typeof ZSignIn>;

// Sign-in throttling policies live in lib/security/rate-limits.ts.
