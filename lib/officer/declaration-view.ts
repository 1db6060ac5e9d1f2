// What the officer's declaration page shows, decided from the data alone: the risk reasons as
// message keys with their values, the customs value total, freight and insurance against the
// Incoterm, the adjustments' badges and changes, the inspections' kinds, what release waits for.
// Pure: the page translates the keys and formats the amounts. Which decisions to offer is here too; the use cases authorize again.
import { D, formatAmount } from '../money';
import { INCOTERM_ADDITIONS } from '../duties';
import type { Incoterm } from '../reference/customs';
import type { Channel } from '../risk/profiles';
import type { RiskReason } from '../risk/engine';
import type { InspectionKind } from './decisions';
import type { Role } from '../auth/roles';
import { canTransition, isTerminal, type DeclarationStatus } from '../declaration/lifecycle';
import { releaseBlockers } from '../declaration/release-blockers';
import type { ItemFormalities } from '../permits';

type Amount = { toString(): string };

// ─────────────────────────────── risk reasons ───────────────────────────────

/** One risk reason as a line of the page: a message key of the `officer` catalogue and its values, or text as stored. */
export type RiskReasonLine =
  | { key: 'reasonProfile'; values: { name: string; weight: number; forcedChannel: Channel | null; lines: string } }
  | { key: 'reasonModel'; values: { probability: string; line: number; features: string } }
  | { key: 'reasonValue'; values: { line: number; price: string; threshold: string; quantile: string; median: string } }
  | { key: 'reasonRandom'; values: { share: number } }
  | { key: 'reasonAeo'; values: { reduction: number } }
  | { key: null; text: string };

export function riskReasonLine(r: RiskReason): RiskReasonLine {
  switch (r.kind) {
    case 'PROFILE':
      return {
        key: 'reasonProfile',
        values: { name: r.name, weight: r.weight, forcedChannel: r.forcedChannel, lines: r.lines.join(', ') },
      };
    case 'MODEL':
      return {
        key: 'reasonModel',
        values: {
          probability: (r.probability * 100).toFixed(1),
          line: r.lineNo,
          features: r.topFeatures.map((f) => `${f.feature} ${(f.value * 100).toFixed(0)}%`).join('; ') || '—',
        },
      };
    case 'VALUE_CONTROL':
      return {
        key: 'reasonValue',
        values: {
          line: r.lineNo,
          price: r.unitPriceUsd.toFixed(2),
          threshold: r.threshold.toFixed(2),
          quantile: r.quantile,
          median: r.median.toFixed(2),
        },
      };
    case 'RANDOM':
      return { key: 'reasonRandom', values: { share: r.sharePercent } };
    case 'AEO':
      return { key: 'reasonAeo', values: { reduction: r.reduction } };
    case 'FALLBACK':
      return { key: null, text: r.message };
    default: {
      const never: never = r;
      return never;
    }
  }
}

/**
 * The stored reasons as the officer reads them: the reasons that counted (a shadow profile is only
 * being tried out, so it is counted, not listed), messages of an older format as they are, and the
 * instructions of the profiles that hit.
 */
export function riskReasonsView(stored: { reasons: readonly RiskReason[]; others: readonly string[] }) {
  const counted = stored.reasons.filter((r) => r.kind !== 'PROFILE' || !r.isShadow);
  return {
    lines: [...counted.map(riskReasonLine), ...stored.others.map((text): RiskReasonLine => ({ key: null, text }))],
    instructions: counted.flatMap((r) =>
      r.kind === 'PROFILE' && r.instructions ? [{ profileId: r.profileId, text: r.instructions }] : [],
    ),
    shadowCount: stored.reasons.length - counted.length,
  };
}

// ─────────────────────────────── value ───────────────────────────────

/** The declaration's customs value in UZS, as a fixed-point string; null until every item has one (or with no items). */
export function totalCustomsValue(items: readonly { customsValue: Amount | null }[]): string | null {
  if (items.length === 0 || !items.every((i) => i.customsValue)) return null;
  return items.reduce((sum, i) => sum.plus(i.customsValue!.toString()), new D(0)).toFixed(2);
}

/**
 * Freight and insurance (invoice currency) with whether the Incoterm adds them to the customs value:
 * `isAdded` is undefined without an Incoterm (nothing to say).
 */
export function transportCosts(d: { incoterm: Incoterm | null; freight: Amount | null; insurance: Amount | null }) {
  const additions = d.incoterm ? INCOTERM_ADDITIONS[d.incoterm] : null;
  return {
    freight: { amount: d.freight?.toString() ?? null, isAdded: additions?.freight },
    insurance: { amount: d.insurance?.toString() ?? null, isAdded: additions?.insurance },
  };
}

// ─────────────────────────────── adjustments ───────────────────────────────

export type AdjustmentState = 'APPLIED' | 'APPROVED' | 'REJECTED' | 'CANCELLED' | 'PENDING';
export type AdjustmentBadge = {
  state: AdjustmentState;
  tone: 'success' | 'info' | 'danger' | 'neutral' | 'warning';
  key: 'adjustmentApplied' | 'adjustmentApproved' | 'adjustmentRejected' | 'adjustmentCancelled' | 'adjustmentPending';
};

/** An adjustment's badge. A cancelled one (the amendment, refusal or withdrawal ended it) is REJECTED with no deciding supervisor. */
export function adjustmentBadge(a: { status: string; decidedById: string | null }): AdjustmentBadge {
  switch (a.status) {
    case 'APPLIED':
      return { state: 'APPLIED', tone: 'success', key: 'adjustmentApplied' };
    case 'APPROVED':
      return { state: 'APPROVED', tone: 'info', key: 'adjustmentApproved' };
    case 'REJECTED':
      return a.decidedById
        ? { state: 'REJECTED', tone: 'danger', key: 'adjustmentRejected' }
        : { state: 'CANCELLED', tone: 'neutral', key: 'adjustmentCancelled' };
    default:
      return { state: 'PENDING', tone: 'warning', key: 'adjustmentPending' };
  }
}

/** The adjustments already decided (applied, approved, rejected or cancelled), in the given order; a pending one has its own section. */
export function decidedAdjustments<T extends { status: string }>(adjustments: readonly T[]): T[] {
  return adjustments.filter((a) => a.status !== 'PENDING');
}

type Changes = {
  lineNo: number;
  from: { invoiceValue: string; hsCode: string };
  to: { invoiceValue: string; hsCode: string };
};

/** What an adjustment changed on its item: the value, the commodity code, or both (null for what stayed). */
export function adjustmentChange(changes: unknown) {
  const c = changes as Changes;
  return {
    lineNo: c.lineNo,
    value: c.from.invoiceValue !== c.to.invoiceValue ? { from: c.from.invoiceValue, to: c.to.invoiceValue } : null,
    hsCode: c.from.hsCode !== c.to.hsCode ? { from: c.from.hsCode, to: c.to.hsCode } : null,
  };
}

// ─────────────────────────────── inspections ───────────────────────────────

export function inspectionKindKey(kind: InspectionKind): 'kindDocumentCheck' | 'kindExamination' | 'kindAudit' {
  switch (kind) {
    case 'DOCUMENT_CHECK':
      return 'kindDocumentCheck';
    case 'PHYSICAL_EXAMINATION':
      return 'kindExamination';
    case 'POST_CLEARANCE_AUDIT':
      return 'kindAudit';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

// ─────────────────────────────── decisions ───────────────────────────────

/**
 * Which decisions the page offers the reader. Only what to show: every decision's use case
 * authorizes again. The inspector's work (checks, adjustments, release, amendment, hold) needs the
 * declaration with the inspector; a pending adjustment is decided by a supervisor other than the
 * one who asked for it.
 */
export function availableDecisions(args: {
  role: Role;
  userId: string;
  status: DeclarationStatus;
  channel: Channel | null;
  canDecide: boolean;
  hasAssignment: boolean;
  pendingAdjustment: { requestedById: string } | null;
}) {
  const { role, status, canDecide } = args;
  const canAct = canDecide && status === 'ASSIGNED';
  return {
    canAct,
    canExamine: canAct && args.channel === 'RED',
    canRefuse: canDecide && canTransition(status, 'REFUSED', 'OFFICER'),
    canResume: canDecide && status === 'ON_HOLD' && canTransition('ON_HOLD', 'ASSIGNED', 'OFFICER'),
    canReassign: role === 'SUPERVISOR' && args.hasAssignment,
    canDecideAdjustment:
      args.pendingAdjustment !== null && role === 'SUPERVISOR' && args.pendingAdjustment.requestedById !== args.userId,
  };
}

// ─────────────────────────────── release ───────────────────────────────

/** One thing release waits for, as a message key of the `officer` catalogue and its values. */
export type ReleaseWaitLine =
  | { key: 'releaseWaitsStatus'; status: DeclarationStatus }
  | { key: 'releaseWaitsExamination' }
  | { key: 'releaseWaitsDocumentCheck' }
  | { key: 'releaseWaitsPayment'; values: { amount: string } }
  | { key: 'releaseWaitsPermit'; values: { line: number; types: string; reason: string } };

/**
 * What release waits for, from the same list release refuses on (lib/declaration/release-blockers):
 * null once the declaration is final. A green or blue declaration assessed or paid is released by the
 * system (`isAutomatic`), so it is judged as the system's release; the rest as an officer's.
 */
export function releaseWaits(args: {
  status: DeclarationStatus;
  channel: Channel | null;
  inspections: readonly InspectionKind[];
  amountDue: string;
  formalities: readonly ItemFormalities[];
}): { isAutomatic: boolean; lines: ReleaseWaitLine[] } | null {
  if (isTerminal(args.status)) return null;
  const isAutomatic =
    (args.channel === 'GREEN' || args.channel === 'BLUE') && (args.status === 'ASSESSED' || args.status === 'PAID');
  const lines = releaseBlockers({ ...args, by: isAutomatic ? 'SYSTEM' : 'OFFICER' }).map((b): ReleaseWaitLine => {
    switch (b.code) {
      case 'STATUS':
        return { key: 'releaseWaitsStatus', status: b.status };
      case 'CONTROL_MISSING':
        return args.channel === 'RED' ? { key: 'releaseWaitsExamination' } : { key: 'releaseWaitsDocumentCheck' };
      case 'PAYMENT_DUE':
        return { key: 'releaseWaitsPayment', values: { amount: formatAmount(b.amount) } };
      case 'PERMIT_MISSING':
        return {
          key: 'releaseWaitsPermit',
          values: { line: b.lineNo, types: b.alternatives.join(' or '), reason: b.reason },
        };
      default: {
        const never: never = b;
        return never;
      }
    }
  });
  return { isAutomatic, lines };
}
