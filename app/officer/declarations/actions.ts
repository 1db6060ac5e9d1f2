'use server';
// Server actions of the officer's declaration page and queue. Each goes through runAction; the use
// case authorizes (assigned inspector or supervisor of the post), checks the version (409 when
// stale) and audits in its transaction.
import { z } from 'zod';
import { runAction } from '@/src/server/http';
import {
  requestAmendment,
  recordDocumentCheck,
  recordExamination,
  adjustItem,
  decideAdjustment,
  releaseByOfficer,
  refuseDeclaration,
  holdDeclaration,
  resumeDeclaration,
} from '@/src/server/officer/decisions';
import { setOnDuty, reassignDeclaration } from '@/src/server/officer/duty';
import { now } from '@/src/server/clock';
import { ZDeclarationId } from '@/lib/declaration/schema';
import {
  ZAdjustment,
  ZAmendmentRequest,
  ZDecisionReason,
  ZDocumentCheck,
  ZExamination,
  ZReassign,
  ZRelease,
  ZApproval,
} from '@/lib/officer/decisions';
import { formFields, formValue } from '@/lib/form-data';

const ZRequestAmendment = ZAmendmentRequest.extend(ZDeclarationId.shape);

export async function requestAmendmentAction(declarationId: string, expectedVersion: number, formData: FormData) {
  return runAction(
    ZRequestAmendment,
    { declarationId, expectedVersion, message: formValue(formData, 'message') },
    ({ actor, input }) =>
      requestAmendment({
        actor,
        declarationId: input.declarationId,
        message: input.message,
        expectedVersion: input.expectedVersion,
        now: now(),
      }),
  );
}

export async function documentCheckAction(declarationId: string, expectedVersion: number, formData: FormData) {
  return runAction(
    ZDocumentCheck.and(ZDeclarationId),
    { ...formFields(formData), declarationId, expectedVersion },
    ({ actor, input }) => recordDocumentCheck({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

export async function examinationAction(declarationId: string, expectedVersion: number, formData: FormData) {
  return runAction(
    ZExamination.and(ZDeclarationId),
    { ...formFields(formData), declarationId, expectedVersion },
    ({ actor, input }) => recordExamination({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

export async function adjustmentAction(declarationId: string, expectedVersion: number, formData: FormData) {
  return runAction(
    ZAdjustment.and(ZDeclarationId),
    { ...formFields(formData), declarationId, expectedVersion },
    ({ actor, input }) => adjustItem({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

export async function releaseAction(declarationId: string, expectedVersion: number) {
  return runAction(ZRelease.extend(ZDeclarationId.shape), { declarationId, expectedVersion }, ({ actor, input }) =>
    releaseByOfficer({ actor, declarationId: input.declarationId, expectedVersion: input.expectedVersion, now: now() }),
  );
}

export async function refuseAction(declarationId: string, expectedVersion: number, formData: FormData) {
  return runAction(
    ZDecisionReason.extend(ZDeclarationId.shape),
    { ...formFields(formData), declarationId, expectedVersion },
    ({ actor, input }) =>
      refuseDeclaration({
        actor,
        declarationId: input.declarationId,
        expectedVersion: input.expectedVersion,
        reason: input.reason,
        now: now(),
      }),
  );
}

export async function holdAction(declarationId: string, expectedVersion: number, formData: FormData) {
  return runAction(
    ZDecisionReason.extend(ZDeclarationId.shape),
    { ...formFields(formData), declarationId, expectedVersion },
    ({ actor, input }) =>
      holdDeclaration({
        actor,
        declarationId: input.declarationId,
        expectedVersion: input.expectedVersion,
        reason: input.reason,
        now: now(),
      }),
  );
}

export async function resumeAction(declarationId: string, expectedVersion: number) {
  return runAction(ZRelease.extend(ZDeclarationId.shape), { declarationId, expectedVersion }, ({ actor, input }) =>
    resumeDeclaration({
      actor,
      declarationId: input.declarationId,
      expectedVersion: input.expectedVersion,
      reason: 'Resumed by the inspector',
      now: now(),
    }),
  );
}

export async function reassignAction(declarationId: string, formData: FormData) {
  return runAction(
    ZReassign.extend(ZDeclarationId.shape),
    { ...formFields(formData), declarationId },
    ({ actor, input }) => reassignDeclaration({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

export async function decideAdjustmentAction(adjustmentId: string, expectedVersion: number, isApproved: boolean) {
  return runAction(ZApproval, { adjustmentId, expectedVersion }, ({ actor, input }) =>
    decideAdjustment({
      actor,
      adjustmentId: input.adjustmentId,
      isApproved,
      expectedVersion: input.expectedVersion,
      now: now(),
    }),
  );
}

export async function setOnDutyAction(isOnDuty: boolean) {
  return runAction(z.object({ isOnDuty: z.boolean() }), { isOnDuty }, ({ actor, input }) =>
    setOnDuty({ actor, isOnDuty: input.isOnDuty, now: now() }),
  );
}
