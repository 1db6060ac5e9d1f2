// What stands between a declaration and release, decided from the data alone: its status, the
// control its channel calls for, the payments due and each item's permits (the LINKED formalities,
// lib/permits). Release (src/server/declarations/release.ts) refuses on exactly this list; the
// trader's next action, the officer's page and the timeline's words at registration say the same
// list, so none of them promises a release that will not happen. Pure.
import { D, formatAmount } from '../money';
import { canTransition, type DeclarationStatus, type TransitionActor } from './lifecycle';
import { missingControl, type InspectionKind } from '../officer/decisions';
import type { Channel } from '../risk/profiles';
import type { ItemFormalities, MissingReason } from '../permits';

/** One permit an item still needs before release, with why, and a permit the company could link now. */
export type PermitBlocker = {
  lineNo: number;
  /** Any one of these types satisfies it. */
  alternatives: string[];
  reasonCode: MissingReason;
  reason: string;
  /** HELD-mode formalities only: a permit the company holds that linking would accept. */
  linkable: { id: string; number: string; typeCode: string } | null;
};

export type ReleaseBlocker =
  | { code: 'STATUS'; status: DeclarationStatus; message: string }
  | { code: 'CONTROL_MISSING'; message: string }
  | { code: 'PAYMENT_DUE'; amount: string; message: string }
  | ({ code: 'PERMIT_MISSING'; message: string } & PermitBlocker);

/** Every requirement not satisfied, item by item in the order given, requirement by requirement. */
export function permitBlockers(formalities: readonly ItemFormalities[]): PermitBlocker[] {
  return formalities.flatMap((item) =>
    item.requirements
      .filter((r) => r.status === 'MISSING')
      .map((r) => ({
        lineNo: item.lineNo,
        alternatives: r.requirement.alternatives,
        reasonCode: r.reasonCode ?? 'NOT_LINKED',
        reason: r.reason ?? 'missing',
        linkable: r.linkable ?? null,
      })),
  );
}

/**
 * Why the declaration cannot be released now (empty when it can), by `by`: an officer, or the
 * system's automatic release of a green or blue declaration.
 */
export function releaseBlockers(args: {
  status: DeclarationStatus;
  channel: Channel | null;
  inspections: readonly InspectionKind[];
  /** Still to pay, decimal string. */
  amountDue: string;
  /** The LINKED (or HELD) formalities of every item. */
  formalities: readonly ItemFormalities[];
  by: TransitionActor;
}): ReleaseBlocker[] {
  const blockers: ReleaseBlocker[] = [];
  if (!canTransition(args.status, 'RELEASED', args.by))
    blockers.push({
      code: 'STATUS',
      status: args.status,
      message: `A declaration with status ${args.status} cannot be released.`,
    });
  const control = missingControl(args.channel, args.inspections);
  if (control) blockers.push({ code: 'CONTROL_MISSING', message: control });
  if (new D(args.amountDue).gt(0))
    blockers.push({
      code: 'PAYMENT_DUE',
      amount: args.amountDue,
      message: `Payments of ${formatAmount(args.amountDue)} UZS are outstanding.`,
    });
  for (const p of permitBlockers(args.formalities))
    blockers.push({
      code: 'PERMIT_MISSING',
      ...p,
      message: `Item ${p.lineNo}: ${p.alternatives.join(' or ')} — ${p.reason}.`,
    });
  return blockers;
}

/** "item 1: SES-FOOD and PQ-IMP; item 3: ECO-CITES or ECO-WILD" (items in the order given). */
function permitList(blockers: readonly PermitBlocker[]): string {
  const byLine = new Map<number, string[]>();
  for (const b of blockers) {
    const types = b.alternatives.join(' or ');
    const list = byLine.get(b.lineNo);
    if (list) list.push(types);
    else byLine.set(b.lineNo, [types]);
  }
  return [...byLine].map(([lineNo, types]) => `item ${lineNo}: ${types.join(' and ')}`).join('; ');
}

/**
 * What the timeline records when a green or blue declaration is assessed: that it is released
 * without an officer, and once what — the payments, the missing permits (named) — never more than
 * the blockers say. (Status and control never block a green or blue declaration just assessed.)
 */
export function automaticReleaseReason(channel: 'GREEN' | 'BLUE', blockers: readonly ReleaseBlocker[]): string {
  const base = channel === 'GREEN' ? 'Green channel' : 'Blue channel';
  const audit = channel === 'BLUE' ? ', audited later' : '';
  const waits: string[] = [];
  if (blockers.some((b) => b.code === 'PAYMENT_DUE')) waits.push('the payments are settled');
  const permits = blockers.filter((b): b is Extract<ReleaseBlocker, { code: 'PERMIT_MISSING' }> => {
    return b.code === 'PERMIT_MISSING';
  });
  if (permits.length > 0) waits.push(`the missing permits are linked (${permitList(permits)})`);
  if (waits.length === 0) return `${base}: released automatically, without an officer${audit}`;
  return `${base}: released automatically once ${waits.join(' and ')}${audit}`;
}
