// Officers' decisions on a declaration. Each one: the actor must be the assigned inspector (or a
// supervisor of the post), the declaration must not have changed since the page was loaded
// (optimistic concurrency: `expectedVersion`), and the audit entry is written in the transaction.
import { db, type Tx } from '../db';
import type { Prisma } from '@/src/generated/prisma/client';
import { assertOfficer, assertRole, type OfficerActor, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import { parseOrThrow } from '@/lib/validation';
import { serviceDate } from '@/lib/time';
import { canTransition, type DeclarationStatus } from '@/lib/declaration/lifecycle';
import { ZAdjustment, ZApproval, ZDocumentCheck, ZExamination, needsSecondPair, revenueInspection } from '@/lib/officer/decisions';
import { assessDeclaration, loadTariff, storeAssessment } from '../declarations/assessment';
import { releaseDeclaration } from '../declarations/release';
import { cancelPendingAdjustments } from './adjustments';

type LockedForOfficer = { id: string; status: DeclarationStatus; version: number; inspectorId: string | null };

/** Lock a declaration of the officer's post for a decision: 404 for another post, 403 when not theirs, 409 when stale. */
export async function lockForDecision(tx: Tx, actor: OfficerActor, declarationId: string, expectedVersion: number): Promise<LockedForOfficer> {
  const rows = await tx.$queryRaw<LockedForOfficer[]>`
    SELECT d.id, d.status, d.version, a."inspectorId"
    FROM "Declaration" d
    LEFT JOIN "Assignment" a ON a."declarationId" = d.id AND a."closedAt" IS NULL
    WHERE d.id = ${declarationId}::uuid AND d."postId" = ${actor.postId}::uuid AND d.status <> 'DRAFT'
    FOR UPDATE OF d`;
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  // A stale page first: after a parallel decision (e.g. a release that closed the assignment) the
  // honest answer is "it changed", not "it is not yours".
  if (row.version !== expectedVersion) throw new AppError('CONFLICT', 'The declaration has changed since you opened it. Reload the page to see the latest version, then decide again.');
  if (actor.role === 'INSPECTOR' && row.inspectorId !== actor.userId) throw new AppError('FORBIDDEN', 'This declaration is not assigned to you.');
  return row;
}

export async function requestAmendment(args: { actor: Actor; declarationId: string; message: string; expectedVersion: number; now: Date }): Promise<void> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const message = args.message.trim();
  if (!message) throw new AppError('VALIDATION', 'There is a problem.', [{ path: 'message', message: 'Tell the trader what to amend' }]);
  if (message.length > 1000) throw new AppError('VALIDATION', 'There is a problem.', [{ path: 'message', message: 'The message must be 1000 characters or fewer' }]);
  await db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, args.expectedVersion);
    if (!canTransition(row.status, 'AMENDMENT_REQUESTED', 'OFFICER')) throw new AppError('CONFLICT', 'An amendment cannot be requested at this stage.');
    // The trader re-declares the goods: a change waiting for a supervisor would apply to the old ones.
    await cancelPendingAdjustments(tx, { actor, declarationId, reason: 'An amendment was requested', now });
    await tx.declaration.update({ where: { id: declarationId }, data: { status: 'AMENDMENT_REQUESTED', currentReason: message, version: { increment: 1 } } });
    await tx.declarationStatusEvent.create({ data: { declarationId, fromStatus: row.status, toStatus: 'AMENDMENT_REQUESTED', actorId: actor.userId, actorRole: actor.role, reason: message, at: now } });
    await writeAudit(tx, { actor, action: 'declaration.amendment.request', entityType: 'Declaration', entityId: declarationId, data: { message }, at: now });
  });
}

// ─────────────────────────────── checks and examinations ───────────────────────────────

async function latestAssessmentId(tx: Tx, declarationId: string): Promise<string | null> {
  const a = await tx.riskAssessment.findFirst({ where: { declarationId }, orderBy: { createdAt: 'desc' }, select: { id: true } });
  return a?.id ?? null;
}

/** The document check's outcome, stored with the risk assessment that triggered it (for training). */
export async function recordDocumentCheck(args: { actor: Actor; declarationId: string; input: unknown; now: Date }): Promise<void> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const input = parseOrThrow(ZDocumentCheck, args.input);
  await db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, input.expectedVersion);
    if (row.status !== 'ASSIGNED') throw new AppError('CONFLICT', 'The documents can be checked only while the declaration is with the inspector.');
    await tx.inspection.create({ data: { declarationId, riskAssessmentId: await latestAssessmentId(tx, declarationId), inspectorId: actor.userId, kind: 'DOCUMENT_CHECK', findings: input.findings, isHit: input.isHit, discrepancyType: input.discrepancyType ?? null, at: now } });
    await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, { actor, action: 'declaration.document-check', entityType: 'Declaration', entityId: declarationId, data: { isHit: input.isHit, discrepancyType: input.discrepancyType ?? null }, at: now });
  });
}

export async function recordExamination(args: { actor: Actor; declarationId: string; input: unknown; now: Date }): Promise<void> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const input = parseOrThrow(ZExamination, args.input);
  await db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, input.expectedVersion);
    if (row.status !== 'ASSIGNED') throw new AppError('CONFLICT', 'The examination can be recorded only while the declaration is with the inspector.');
    await tx.inspection.create({
      data: { declarationId, riskAssessmentId: await latestAssessmentId(tx, declarationId), inspectorId: actor.userId, kind: 'PHYSICAL_EXAMINATION', findings: input.findings, isHit: input.isHit, isCritical: input.isCritical, discrepancyType: input.discrepancyType ?? null, at: now },
    });
    await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, { actor, action: 'declaration.examination', entityType: 'Declaration', entityId: declarationId, data: { isHit: input.isHit, isCritical: input.isCritical, discrepancyType: input.discrepancyType ?? null }, at: now });
  });
}

// ─────────────────────────────── value and classification ───────────────────────────────

type AdjustmentChanges = { lineNo: number; from: { invoiceValue: string; hsCode: string }; to: { invoiceValue: string; hsCode: string } };

async function latestAssessmentNo(tx: Tx, declarationId: string): Promise<number> {
  return (await tx.assessedPayment.aggregate({ where: { declarationId }, _max: { assessmentNo: true } }))._max.assessmentNo ?? 0;
}

async function payableOf(tx: Tx, declarationId: string, assessmentNo: number): Promise<D> {
  const sum = await tx.assessedPayment.aggregate({ where: { declarationId, assessmentNo, isSecured: false }, _sum: { amount: true } });
  return new D(sum._sum.amount?.toString() ?? '0');
}

/** Payments of the declaration as if the change were made (rates of the registration date). */
async function assessWithChange(tx: Tx, declarationId: string, change: AdjustmentChanges) {
  const d = await tx.declaration.findUniqueOrThrow({ where: { id: declarationId }, include: { items: { orderBy: { lineNo: 'asc' } } } });
  const items = d.items.map((i) => (i.lineNo === change.lineNo ? { ...i, hsCode: change.to.hsCode, invoiceValue: new D(change.to.invoiceValue) } : i));
  return { declaration: d, assessment: await assessDeclaration(tx, { ...d, items: items as typeof d.items }, serviceDate(d.registeredAt ?? new Date())) };
}

/**
 * Apply an adjustment: change the item, store the reassessment (a new amount due, or an
 * overpayment), and credit a raise of the payable amount as additional revenue to the inspection
 * that found it (lib/officer/decisions `revenueInspection`; none recorded: no credit). The
 * adjustment keeps the change it actually made.
 */
async function applyAdjustment(tx: Tx, actor: Actor, declarationId: string, adjustmentId: string, change: AdjustmentChanges, now: Date): Promise<void> {
  const assessmentNo = await latestAssessmentNo(tx, declarationId);
  const before = await payableOf(tx, declarationId, assessmentNo);
  const { declaration, assessment } = await assessWithChange(tx, declarationId, change);
  const item = declaration.items.find((i) => i.lineNo === change.lineNo)!;
  await tx.declarationItem.update({ where: { id: item.id }, data: { hsCode: change.to.hsCode, invoiceValue: change.to.invoiceValue } });
  await storeAssessment(tx, { declarationId, items: declaration.items, assessment, assessmentNo: assessmentNo + 1, now });
  const amountDelta = new D(assessment.payable).minus(before);
  let credited: { inspectionId: string; amount: string } | null = null;
  if (amountDelta.gt(0)) {
    const inspection = revenueInspection(await tx.inspection.findMany({ where: { declarationId }, orderBy: { at: 'asc' }, select: { id: true, at: true, isHit: true } }));
    if (inspection) {
      credited = { inspectionId: inspection.id, amount: amountDelta.toFixed(2) };
      await tx.inspection.update({ where: { id: inspection.id }, data: { additionalRevenue: { increment: credited.amount } } });
    }
  }
  await tx.valueAdjustment.update({ where: { id: adjustmentId }, data: { status: 'APPLIED', amountDelta: amountDelta.toFixed(2), decidedAt: now } });
  await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
  await writeAudit(tx, { actor, action: 'declaration.adjustment.apply', entityType: 'Declaration', entityId: declarationId, data: { adjustmentId, ...change, amountDelta: amountDelta.toFixed(2), additionalRevenue: credited }, at: now });
}

/**
 * Reassess with the change, reporting problems of the adjusted item on the form's fields: the
 * commodity code (not in the tariff, or charged in another unit) on `newHsCode`, the value on
 * `newInvoiceValue` — never on the trader's `items.N.*` paths, which the officer's form does not have.
 */
async function assessAdjustment(tx: Tx, declarationId: string, change: AdjustmentChanges) {
  if (change.to.hsCode !== change.from.hsCode && !(await loadTariff(tx, [change.to.hsCode])).has(change.to.hsCode)) {
    throw new AppError('VALIDATION', 'There is a problem.', [{ path: 'newHsCode', message: `Commodity code ${change.to.hsCode} is not in the national tariff — check the code` }]);
  }
  try {
    return await assessWithChange(tx, declarationId, change);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
    const prefix = `items.${change.lineNo - 1}.`;
    const fieldOf = (path: string) => (!path.startsWith(prefix) ? path : path === `${prefix}invoiceValue` ? 'newInvoiceValue' : 'newHsCode');
    // One message per field (the first): duty and excise may both object to the same unit.
    const fieldErrors = new Map<string, string>();
    for (const f of e.fieldErrors) if (!fieldErrors.has(fieldOf(f.path))) fieldErrors.set(fieldOf(f.path), f.message);
    throw new AppError('VALIDATION', e.message, [...fieldErrors].map(([path, message]) => ({ path, message })));
  }
}

export async function loadFourEyesLimit(tx: Tx): Promise<string> {
  const setting = await tx.setting.findUnique({ where: { key: 'adjustment.fourEyesLimit' } });
  const amount = (setting?.value as { amount?: string } | null)?.amount;
  return amount && /^\d+(\.\d+)?$/.test(amount) ? amount : '10000000.00';
}

/**
 * Adjust the customs value (the item's transaction value) or the classification of one item.
 * The payments are reassessed at once — unless the change moves them by more than the four-eyes
 * limit, when it waits for a supervisor's approval.
 */
export async function adjustItem(args: { actor: Actor; declarationId: string; input: unknown; now: Date }): Promise<{ status: 'APPLIED' | 'PENDING'; amountDelta: string; adjustmentId: string }> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const input = parseOrThrow(ZAdjustment, args.input);
  return db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, input.expectedVersion);
    if (row.status !== 'ASSIGNED') throw new AppError('CONFLICT', 'Adjustments can be made only while the declaration is with the inspector.');
    const item = await tx.declarationItem.findFirst({ where: { declarationId, lineNo: input.lineNo } });
    if (!item) throw new AppError('VALIDATION', 'There is a problem.', [{ path: 'lineNo', message: `The declaration has no item ${input.lineNo}` }]);
    if (await tx.valueAdjustment.findFirst({ where: { declarationId, status: 'PENDING' } })) throw new AppError('CONFLICT', 'An adjustment of this declaration is already waiting for a supervisor.');
    const change: AdjustmentChanges = {
      lineNo: input.lineNo,
      from: { invoiceValue: item.invoiceValue.toFixed(2), hsCode: item.hsCode },
      to: { invoiceValue: input.newInvoiceValue ?? item.invoiceValue.toFixed(2), hsCode: input.newHsCode ?? item.hsCode },
    };
    const before = await payableOf(tx, declarationId, await latestAssessmentNo(tx, declarationId));
    const { assessment } = await assessAdjustment(tx, declarationId, change);
    const amountDelta = new D(assessment.payable).minus(before).toFixed(2);
    // Measured against every change already applied since registration, not only the latest
    // assessment: small steps add up (lib/officer/decisions `needsSecondPair`).
    const applied = await tx.valueAdjustment.findMany({ where: { declarationId, status: 'APPLIED' }, select: { amountDelta: true } });
    const isPending = needsSecondPair({ amountDelta, appliedDeltas: applied.map((a) => a.amountDelta.toFixed(2)), limit: await loadFourEyesLimit(tx) });
    const adjustment = await tx.valueAdjustment.create({
      data: { declarationId, requestedById: actor.userId, status: isPending ? 'PENDING' : 'APPROVED', changes: change as unknown as Prisma.InputJsonValue, amountDelta, reason: input.reason, createdAt: now },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: 'declaration.adjustment.request', entityType: 'Declaration', entityId: declarationId, data: { adjustmentId: adjustment.id, amountDelta, isPending }, at: now });
    if (isPending) {
      await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
      return { status: 'PENDING' as const, amountDelta, adjustmentId: adjustment.id };
    }
    await applyAdjustment(tx, actor, declarationId, adjustment.id, change, now);
    return { status: 'APPLIED' as const, amountDelta, adjustmentId: adjustment.id };
  });
}

/**
 * A supervisor of the post approves or rejects a pending adjustment — never their own. The
 * adjustment is read again under the declaration's row lock and taken out of PENDING by a
 * conditional update, so of two parallel decisions exactly one applies.
 */
export async function decideAdjustment(args: { actor: Actor; adjustmentId: string; isApproved: boolean; expectedVersion: number; note?: string; now: Date }): Promise<void> {
  const { actor, now } = args;
  assertRole(actor, ['SUPERVISOR']);
  assertOfficer(actor);
  const input = parseOrThrow(ZApproval, { adjustmentId: args.adjustmentId, expectedVersion: args.expectedVersion, note: args.note });
  await db.$transaction(async (tx) => {
    const found = await tx.valueAdjustment.findFirst({ where: { id: input.adjustmentId, declaration: { postId: actor.postId } }, select: { declarationId: true } });
    if (!found) throw new AppError('NOT_FOUND', 'The adjustment was not found.');
    const row = await lockForDecision(tx, actor, found.declarationId, input.expectedVersion);
    const adjustment = await tx.valueAdjustment.findUniqueOrThrow({ where: { id: input.adjustmentId } });
    if (adjustment.status !== 'PENDING') throw new AppError('CONFLICT', 'This adjustment has already been decided.');
    if (adjustment.requestedById === actor.userId) throw new AppError('FORBIDDEN', 'You cannot approve your own adjustment: another supervisor must decide it.');
    if (row.status !== 'ASSIGNED') throw new AppError('CONFLICT', 'The declaration is no longer with the inspector.');
    const taken = await tx.valueAdjustment.updateMany({ where: { id: adjustment.id, status: 'PENDING' }, data: { status: args.isApproved ? 'APPROVED' : 'REJECTED', decidedById: actor.userId, decidedAt: now } });
    if (taken.count !== 1) throw new AppError('CONFLICT', 'This adjustment has already been decided.');
    const note = input.note ?? null;
    if (!args.isApproved) {
      await tx.declaration.update({ where: { id: adjustment.declarationId }, data: { version: { increment: 1 } } });
      await writeAudit(tx, { actor, action: 'declaration.adjustment.reject', entityType: 'Declaration', entityId: adjustment.declarationId, data: { adjustmentId: adjustment.id, note }, at: now });
      return;
    }
    await writeAudit(tx, { actor, action: 'declaration.adjustment.approve', entityType: 'Declaration', entityId: adjustment.declarationId, data: { adjustmentId: adjustment.id, note }, at: now });
    await applyAdjustment(tx, actor, adjustment.declarationId, adjustment.id, adjustment.changes as unknown as AdjustmentChanges, now);
  });
}

// ─────────────────────────────── release, refusal, hold ───────────────────────────────

export async function releaseByOfficer(args: { actor: Actor; declarationId: string; expectedVersion: number; now: Date }): Promise<{ releaseNoteNumber: string }> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  return db.$transaction(async (tx) => {
    await lockForDecision(tx, actor, declarationId, args.expectedVersion);
    // The release note names the officer by service number only: without one there is nothing to print.
    const officer = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { officerNumber: true } });
    if (!officer.officerNumber) throw new AppError('FORBIDDEN', 'Your account has no officer number, which the release note must show. Ask an administrator to set it, then release again.');
    if (await tx.valueAdjustment.findFirst({ where: { declarationId, status: 'PENDING' } })) throw new AppError('CONFLICT', 'An adjustment is waiting for a supervisor: it must be decided before release.');
    return releaseDeclaration(tx, { declarationId, actor, officerNumber: officer.officerNumber, now });
  });
}

async function moveTo(args: { actor: Actor; declarationId: string; expectedVersion: number; reason: string; now: Date }, to: 'REFUSED' | 'ON_HOLD' | 'ASSIGNED', action: string) {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const reason = args.reason.trim();
  if (!reason) throw new AppError('VALIDATION', 'There is a problem.', [{ path: 'reason', message: 'Enter the reason' }]);
  await db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, args.expectedVersion);
    if (!canTransition(row.status, to, 'OFFICER')) throw new AppError('CONFLICT', `A declaration with status ${row.status} cannot move to ${to}.`);
    await tx.declaration.update({ where: { id: declarationId }, data: { status: to, currentReason: to === 'ASSIGNED' ? null : reason, version: { increment: 1 } } });
    if (to === 'REFUSED') {
      await tx.assignment.updateMany({ where: { declarationId, closedAt: null }, data: { closedAt: now } });
      await cancelPendingAdjustments(tx, { actor, declarationId, reason: 'The declaration was refused', now });
    }
    await tx.declarationStatusEvent.create({ data: { declarationId, fromStatus: row.status, toStatus: to, actorId: actor.userId, actorRole: actor.role, reason, at: now } });
    await writeAudit(tx, { actor, action, entityType: 'Declaration', entityId: declarationId, data: { reason }, at: now });
  });
}

export const refuseDeclaration = (args: { actor: Actor; declarationId: string; expectedVersion: number; reason: string; now: Date }) => moveTo(args, 'REFUSED', 'declaration.refuse');
export const holdDeclaration = (args: { actor: Actor; declarationId: string; expectedVersion: number; reason: string; now: Date }) => moveTo(args, 'ON_HOLD', 'declaration.hold');
export const resumeDeclaration = (args: { actor: Actor; declarationId: string; expectedVersion: number; reason: string; now: Date }) => moveTo(args, 'ASSIGNED', 'declaration.resume');
