// When the trader can expect the declaration's next step, from the service's SLA settings (the
// officers' targets per channel, `sla.targetMinutes`). Pure: `now` and the targets are passed in.
//
// - Submitted or registered: the portal registers, scores and routes it within seconds.
// - With an officer (yellow or red: assigned, on hold, and assessed or paid until the officer
//   releases it): a decision by registration + the channel's target — the same clock as the
//   officer's queue (it starts at registration and does not stop while on hold). Past it: overdue.
// - Green or blue, assessed, with an amount due: released within seconds of the payment — unless
//   permits are missing, when release waits for them too (the next-action panel names them).
// - Otherwise nothing to expect from the service: the trader's turn (a draft, an amendment), a
//   final status, or a release held up by something the next-action panel explains.
import type { DeclarationStatus } from './lifecycle';
import type { SlaTargets } from '../officer/queue-query';
import { D } from '../money';

export type ExpectedNextStep =
  | { code: 'NONE' }
  | { code: 'AUTOMATIC' }
  | { code: 'RELEASE_AFTER_PAYMENT' }
  | {
      code: 'OFFICER_DECISION';
      channel: 'YELLOW' | 'RED';
      /** Registration + the channel's target. */
      dueBy: Date;
      targetMinutes: number;
      isOverdue: boolean;
    };

export function expectedNextStep(args: {
  status: DeclarationStatus;
  channel: string | null;
  registeredAt: Date | null;
  amountDue: string;
  /** Permits release still waits for (lib/declaration/release-blockers.ts). */
  missingPermits?: number;
  targets: SlaTargets;
  now: Date;
}): ExpectedNextStep {
  const { status, channel, registeredAt, targets, now } = args;
  const isDue = new D(args.amountDue).gt(0);
  const officer = (): ExpectedNextStep => {
    if ((channel !== 'YELLOW' && channel !== 'RED') || !registeredAt) return { code: 'NONE' };
    const targetMinutes = targets[channel];
    const dueBy = new Date(registeredAt.getTime() + targetMinutes * 60_000);
    return { code: 'OFFICER_DECISION', channel, dueBy, targetMinutes, isOverdue: now.getTime() > dueBy.getTime() };
  };
  switch (status) {
    case 'SUBMITTED':
    case 'REGISTERED':
      return { code: 'AUTOMATIC' };
    case 'ASSIGNED':
    case 'ON_HOLD':
      return officer();
    case 'ASSESSED':
    case 'PAID':
      if (channel === 'GREEN' || channel === 'BLUE')
        return isDue && !args.missingPermits ? { code: 'RELEASE_AFTER_PAYMENT' } : { code: 'NONE' };
      return officer();
    case 'DRAFT':
    case 'AMENDMENT_REQUESTED':
    case 'RELEASED':
    case 'REFUSED':
    case 'WITHDRAWN':
      return { code: 'NONE' };
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** A target in words' parts: whole days, hours and minutes (e.g. 2880 → 2 days; 90 → 1 hour 30 minutes). */
export function targetParts(minutes: number): { days: number; hours: number; minutes: number } {
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
