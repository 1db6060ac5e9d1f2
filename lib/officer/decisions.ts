// Officers' decisions: one zod schema per decision form (shared by the form, the server action and
// any API), and the four-eyes rule for value and classification adjustments.
import { z } from 'zod';
import { D } from '../money';
import { decimalString, hsCode as ZHsCode } from '../declaration/fields';
import type { Channel } from '../risk/profiles';
import { text as plainText } from '../text';
import { whenValid } from '../validation';

const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(0);
const text = (label: string, max = 1000) =>
  plainText({ error: `Enter ${label}`, isMultiline: true })
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `${label[0].toUpperCase()}${label.slice(1)} must be ${max} characters or fewer` });

export const DISCREPANCY_TYPES = [
  'UNDERVALUATION',
  'MISCLASSIFICATION',
  'ORIGIN',
  'QUANTITY',
  'PROHIBITED_GOODS',
  'DOCUMENTS',
  'OTHER',
] as const;

const yesNo = z.preprocess((v) => v === true || v === 'yes' || v === 'on' || v === 'true', z.boolean());

export const ZDocumentCheck = z
  .object({
    expectedVersion: version,
    findings: text('the findings of the document check'),
    isHit: yesNo,
    discrepancyType: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(DISCREPANCY_TYPES, { error: 'Choose the type of discrepancy' }).optional(),
    ),
  })
  .superRefine(
    (v, ctx) => {
      if (v.isHit && !v.discrepancyType)
        ctx.addIssue({ code: 'custom', path: ['discrepancyType'], message: 'Choose the type of discrepancy found' });
    },
    whenValid('isHit', 'discrepancyType'),
  );

export const ZExamination = z
  .object({
    expectedVersion: version,
    findings: text('the findings of the examination'),
    isHit: yesNo,
    isCritical: yesNo,
    discrepancyType: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(DISCREPANCY_TYPES, { error: 'Choose the type of discrepancy' }).optional(),
    ),
  })
  .superRefine(
    (v, ctx) => {
      if (v.isHit && !v.discrepancyType)
        ctx.addIssue({ code: 'custom', path: ['discrepancyType'], message: 'Choose the type of discrepancy found' });
      if (v.isCritical && !v.isHit)
        ctx.addIssue({ code: 'custom', path: ['isCritical'], message: 'Only a hit can be critical' });
    },
    whenValid('isHit', 'isCritical', 'discrepancyType'),
  );

const amount = decimalString('adjusted item value', { scale: 2, isPositive: true });

/** A value or classification adjustment of one item (invoice currency; the payments are reassessed). */
export const ZAdjustment = z
  .object({
    expectedVersion: version,
    lineNo: z.coerce.number({ error: 'Choose the item' }).int().min(1, { error: 'Choose the item' }).max(999),
    newInvoiceValue: z.preprocess((v) => (v === '' ? undefined : v), amount.optional()),
    newHsCode: z.preprocess((v) => (v === '' ? undefined : v), ZHsCode.optional()),
    reason: text('the reason for the adjustment'),
  })
  .refine((v) => v.newInvoiceValue !== undefined || v.newHsCode !== undefined, {
    path: ['newInvoiceValue'],
    error: 'Give an adjusted value or a new commodity code',
    ...whenValid('newInvoiceValue', 'newHsCode'),
  });

export const ZDecisionReason = z.object({ expectedVersion: version, reason: text('the reason') });
/** The officer's request to the trader to amend the declaration: the message says what. */
export const ZAmendmentRequest = z.object({
  expectedVersion: version,
  message: plainText({ error: 'Tell the trader what to amend', isMultiline: true })
    .min(1, { error: 'Tell the trader what to amend' })
    .max(1000, { error: 'The message must be 1000 characters or fewer' }),
});
export const ZRelease = z.object({ expectedVersion: version });
export const ZReassign = z.object({
  inspectorId: z.uuid({ error: 'Choose an inspector' }),
  reason: text('the reason for the reassignment'),
});
export const ZApproval = z.object({
  expectedVersion: version,
  adjustmentId: z.uuid({ error: 'Unknown adjustment' }),
  note: plainText({ isMultiline: true }).max(500).optional(),
});

/**
 * Four eyes: an adjustment waits for a supervisor when the officers' total change of the payable
 * amount since registration — the absolute changes of every adjustment already applied plus this
 * one's — exceeds the limit. Summing absolute changes (not the net) means that neither splitting
 * one large change into small ones nor offsetting a raise on one item with a cut on another stays
 * under the limit.
 */
export function needsSecondPair(args: {
  amountDelta: string;
  appliedDeltas: readonly string[];
  limit: string;
}): boolean {
  return args.appliedDeltas.reduce((sum, d) => sum.plus(new D(d).abs()), new D(args.amountDelta).abs()).gt(args.limit);
}

export type InspectionKind = 'DOCUMENT_CHECK' | 'PHYSICAL_EXAMINATION' | 'POST_CLEARANCE_AUDIT';

/**
 * The control a channel calls for before an officer may release: red a physical examination,
 * yellow a document check (an examination covers the documents too). Null when there is none to
 * miss; otherwise the message of the release blocker.
 */
export function missingControl(channel: Channel | null, recorded: readonly InspectionKind[]): string | null {
  switch (channel) {
    case 'RED':
      return recorded.includes('PHYSICAL_EXAMINATION')
        ? null
        : 'The red channel calls for a physical examination: record it before release.';
    case 'YELLOW':
      return recorded.includes('DOCUMENT_CHECK') || recorded.includes('PHYSICAL_EXAMINATION')
        ? null
        : 'The yellow channel calls for a document check: record it before release.';
    case 'GREEN':
    case 'BLUE':
    case null:
      return null;
    default: {
      const never: never = channel;
      return never;
    }
  }
}

/**
 * The inspection credited with the additional revenue of an adjustment: the latest one with a
 * discrepancy (the finding that justified it), else the latest one of any outcome (the revenue was
 * still raised by that control), else none. Ties on `at` go to the later in the given order.
 */
export function revenueInspection<T extends { at: Date; isHit: boolean }>(inspections: readonly T[]): T | null {
  const latest = (list: readonly T[]) =>
    list.reduce<T | null>((best, i) => (best === null || i.at.getTime() >= best.at.getTime() ? i : best), null);
  return latest(inspections.filter((i) => i.isHit)) ?? latest(inspections);
}

/** Time the SLA clock leaves out: seconds already waited for documents, and the wait going on now (since, or null). */
export type SlaPause = { pausedSeconds: number; pausedSince: Date | null };

/**
 * SLA clock: minutes since registration against the target of the channel, less the time spent
 * waiting for documents the officer requested (the clock stands still while a request is open).
 */
export function slaState(
  registeredAt: Date,
  now: Date,
  targetMinutes: number | null,
  pause: SlaPause = { pausedSeconds: 0, pausedSince: null },
): { elapsedMinutes: number; targetMinutes: number | null; isOverdue: boolean; isPaused: boolean } {
  // While paused the clock reads what it read when the wait began.
  const clockAt = pause.pausedSince && pause.pausedSince < now ? pause.pausedSince : now;
  const elapsedMs = clockAt.getTime() - registeredAt.getTime() - pause.pausedSeconds * 1000;
  const elapsedMinutes = Math.max(0, Math.floor(elapsedMs / 60_000));
  return {
    elapsedMinutes,
    targetMinutes,
    isOverdue: targetMinutes !== null && elapsedMinutes > targetMinutes,
    isPaused: pause.pausedSince !== null,
  };
}
