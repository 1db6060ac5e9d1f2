// Server-side sessions: how long one lasts, when it counts as idle, and the change-password form.
// Pure rules; the server passes `now` and the policy (read from the environment once).
import { z } from 'zod';
import type { Role } from './roles';

export type SessionPolicy = {
  /** Absolute lifetime from sign-in: activity never extends a session past it. */
  maxHours: number;
  /** Idle timeout of inspectors, supervisors, agency officers and administrators. */
  idleMinutesStaff: number;
  /** Idle timeout of traders (their declaration journeys are long; every step is saved). */
  idleMinutesTrader: number;
};

export const DEFAULT_SESSION_POLICY: SessionPolicy = { maxHours: 12, idleMinutesStaff: 30, idleMinutesTrader: 120 };

/** `lastSeenAt` is written at most this often, so the idle clock is exact to within this. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Why a session ended (`UserSession.endedReason`). */
export const SESSION_END_REASONS = ['SIGNED_OUT', 'SIGNED_OUT_EVERYWHERE', 'PASSWORD_CHANGED', 'DEACTIVATED'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export function idleMinutesOf(role: Role, policy: SessionPolicy): number {
  switch (role) {
    case 'TRADER':
      return policy.idleMinutesTrader;
    case 'INSPECTOR':
    case 'SUPERVISOR':
    case 'AGENCY_OFFICER':
    case 'ADMIN':
      return policy.idleMinutesStaff;
    default: {
      const never: never = role;
      return never;
    }
  }
}

/** When a session started at `createdAt` ends at the latest. */
export function sessionExpiresAt(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.maxHours * 3_600_000);
}

export type SessionTimes = { expiresAt: Date; lastSeenAt: Date; endedAt: Date | null };
export type SessionVerdict = 'LIVE' | 'ENDED' | 'EXPIRED' | 'IDLE';

/** Whether a session may still act at `now` for a user of `role`: ended, past its absolute end, or idle too long. */
export function sessionVerdict(session: SessionTimes, role: Role, now: Date, policy: SessionPolicy): SessionVerdict {
  if (session.endedAt && session.endedAt.getTime() <= now.getTime()) return 'ENDED';
  if (now.getTime() >= session.expiresAt.getTime()) return 'EXPIRED';
  if (now.getTime() - session.lastSeenAt.getTime() > idleMinutesOf(role, policy) * 60_000) return 'IDLE';
  return 'LIVE';
}

/** Whether this request should move `lastSeenAt` forward (at most once a minute, never backwards). */
export function isLastSeenDue(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}

const LIMITS = {
  maxHours: { min: 1, max: 168 },
  idleMinutesStaff: { min: 1, max: 1440 },
  idleMinutesTrader: { min: 1, max: 1440 },
} as const;

const ENV_NAMES = {
  maxHours: 'SESSION_MAX_HOURS',
  idleMinutesStaff: 'SESSION_IDLE_MINUTES_STAFF',
  idleMinutesTrader: 'SESSION_IDLE_MINUTES_TRADER',
} as const;

/**
 * The policy from the environment: unset or empty values take the defaults; anything else must be a
 * whole number within its limits, or start-up fails naming the variable (a typo must not silently
 * mean "sessions never idle out").
 */
export function sessionPolicyFromEnv(env: Record<string, string | undefined>): SessionPolicy {
  const policy = { ...DEFAULT_SESSION_POLICY };
  for (const key of Object.keys(ENV_NAMES) as Array<keyof SessionPolicy>) {
    const raw = env[ENV_NAMES[key]]?.trim();
    if (!raw) continue;
    const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    const { min, max } = LIMITS[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${ENV_NAMES[key]} must be a whole number from ${min} to ${max} (got "${raw}").`);
    }
    policy[key] = value;
  }
  return policy;
}

/** The password policy: length over composition rules (NIST SP 800-63B); the sign-in form accepts up to 200 characters. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const ZChangePassword = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password' })
      .min(1, { error: 'Enter your current password' })
      .max(PASSWORD_MAX_LENGTH, { error: 'The current password is not right' }),
    newPassword: z
      .string({ error: 'Enter a new password' })
      .min(1, { error: 'Enter a new password' })
      .min(PASSWORD_MIN_LENGTH, { error: `The new password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
      .max(PASSWORD_MAX_LENGTH, { error: `The new password can be at most ${PASSWORD_MAX_LENGTH} characters long` })
      .refine((v) => v.trim().length > 0, { error: 'The new password cannot be only spaces' }),
    confirmPassword: z
      .string({ error: 'Enter the new password again' })
      .min(1, { error: 'Enter the new password again' }),
  })
  .superRefine((v, ctx) => {
    // Runs even when a field failed (zod reports every issue): compare only real, non-empty strings.
    const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
    if (isText(v.newPassword) && isText(v.confirmPassword) && v.confirmPassword !== v.newPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two new passwords do not match' });
    }
    if (isText(v.newPassword) && v.currentPassword === v.newPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'The new password must be different from the current one',
      });
    }
  });
export type ChangePasswordInput = z.output<typeof ZChangePassword>;

/** "Sign out everywhere" takes no input; its schema is the empty form. */
export const ZSignOutEverywhere = z.object({});
