// The document check and the physical examination: the two controls an inspector records. Each
// outcome is stored with the risk assessment that triggered it, which is what training learns from.
import type { z } from 'zod';
import { db, type Tx } from '../../db';
import { assertOfficer, type Actor, type OfficerActor } from '../../actor';
import { writeAudit } from '../../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZDocumentCheck, ZExamination, type InspectionKind } from '@/lib/officer/decisions';
import { lockForDecision } from './lock';

type Outcome = {
  expectedVersion: number;
  findings: string;
  isHit: boolean;
  isCritical?: boolean;
  discrepancyType?: string;
};

async function latestAssessmentId(tx: Tx, declarationId: string): Promise<string | null> {
  const a = await tx.riskAssessment.findFirst({
    where: { declarationId },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  return a?.id ?? null;
}

/** Record one control's outcome on a declaration with the inspector (the caller has authorized and parsed). */
async function recordInspection(
  args: { actor: OfficerActor; declarationId: string; now: Date },
  kind: Exclude<InspectionKind, 'POST_CLEARANCE_AUDIT'>,
  input: Outcome,
  stageRefusal: string,
  action: string,
) {
  const { actor, declarationId, now } = args;
  const discrepancyType = input.discrepancyType ?? null;
  // Only the examination has the critical flag; the audit entry names what the form had.
  const critical = input.isCritical === undefined ? {} : { isCritical: input.isCritical };
  await db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, input.expectedVersion);
    if (row.status !== 'ASSIGNED') throw new AppError('CONFLICT', stageRefusal);
    await tx.inspection.create({
      data: {
        declarationId,
        riskAssessmentId: await latestAssessmentId(tx, declarationId),
        inspectorId: actor.userId,
        kind,
        findings: input.findings,
        isHit: input.isHit,
        ...critical,
        discrepancyType,
        at: now,
      },
    });
    await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, {
      actor,
      action,
      entityType: 'Declaration',
      entityId: declarationId,
      data: { isHit: input.isHit, ...critical, discrepancyType },
      at: now,
    });
  });
}

/** The document check's outcome, stored with the risk assessment that triggered it (for training). */
export async function recordDocumentCheck(args: {
  actor: Actor;
  declarationId: string;
  input: z.input<typeof ZDocumentCheck>;
  now: Date;
}): Promise<void> {
  const { actor } = args;
  assertOfficer(actor);
  const input = parseOrThrow(ZDocumentCheck, args.input);
  await recordInspection(
    { ...args, actor },
    'DOCUMENT_CHECK',
    input,
    'The documents can be checked only while the declaration is with the inspector.',
    'declaration.document-check',
  );
}

export async function recordExamination(args: {
  actor: Actor;
  declarationId: string;
  input: z.input<typeof ZExamination>;
  now: Date;
}): Promise<void> {
  const { actor } = args;
  assertOfficer(actor);
  const input = parseOrThrow(ZExamination, args.input);
  await recordInspection(
    { ...args, actor },
    'PHYSICAL_EXAMINATION',
    input,
    'The examination can be recorded only while the declaration is with the inspector.',
    'declaration.examination',
  );
}
