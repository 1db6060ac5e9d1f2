// Submission: control → registration number → status events → payments assessed → risk assessed →
// green/blue wait for payment, yellow/red distributed to an inspector — in one transaction. The same use case resubmits a declaration whose amendment was requested (control,
// reassessment, back to the officer). Idempotent by declaration: the row is locked, and a
// declaration already registered answers with its number (a double click, a second tab or a
// retried request make exactly one submission).
import { db, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { distributeDeclaration } from '../officer/distribution';
import { AppError } from '@/lib/errors';
import { formatRegistrationNumber, registrationDate } from '@/lib/declaration/registration-number';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import { serviceDate } from '@/lib/time';
import { lockCompanyDeclaration } from './editing';
import { runControl } from './control';
import { assessDeclaration, storeAssessment } from './assessment';
import { assessRegisteredDeclaration } from '../risk/assess';
import { autoReleaseIfReady, releaseBlockers } from './release';
import { automaticReleaseReason } from '@/lib/declaration/release-blockers';

export type SubmitResult = { registrationNumber: string; status: DeclarationStatus; isAlreadySubmitted: boolean };

async function nextSequence(tx: Tx, postId: string, day: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "RegistrationSequence" ("postId", "day", "last") VALUES (${postId}::uuid, ${day}::date, 1)
    ON CONFLICT ("postId", "day") DO UPDATE SET "last" = "RegistrationSequence"."last" + 1
    RETURNING "last"`;
  return rows[0].last;
}

async function loadForSubmit(tx: Tx, id: string) {
  return tx.declaration.findUniqueOrThrow({
    where: { id },
    include: { items: { orderBy: { lineNo: 'asc' } }, documents: true, post: true, company: { select: { tin: true } } },
  });
}

export async function submitDeclaration(args: {
  actor: Actor;
  declarationId: string;
  now: Date;
}): Promise<SubmitResult> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);

  return db.$transaction(
    async (tx) => {
      const row = await lockCompanyDeclaration(tx, actor, declarationId);
      const isAmendment = row.status === 'AMENDMENT_REQUESTED';
      if (row.status !== 'DRAFT' && !isAmendment) {
        if (row.registrationNumber)
          return { registrationNumber: row.registrationNumber, status: row.status, isAlreadySubmitted: true };
        throw new AppError('CONFLICT', 'This declaration can no longer be submitted.');
      }

      const declaration = await loadForSubmit(tx, declarationId);
      const failures = await runControl(tx, declaration, now);
      if (failures.length || !declaration.post) {
        throw new AppError(
          'VALIDATION',
          'The declaration did not pass the format and logic control. Correct every problem listed, then submit again.',
          failures,
        );
      }
      const post = declaration.post;
      // The rates of the registration date apply (DOMAIN.md), also when an amendment is reassessed.
      const rateDate =
        isAmendment && declaration.registeredAt ? serviceDate(declaration.registeredAt) : serviceDate(now);
      const assessment = await assessDeclaration(tx, declaration, rateDate);

      if (isAmendment) {
        // A complete new assessment of every current item (the previous one may have lost the rows
        // of items removed during the amendment): payment waits for it, see PAYABLE_STATUSES.
        const previous = await tx.assessedPayment.aggregate({ where: { declarationId }, _max: { assessmentNo: true } });
        await storeAssessment(tx, {
          declarationId,
          items: declaration.items,
          assessment,
          assessmentNo: (previous._max.assessmentNo ?? 0) + 1,
          now,
        });
        await tx.declarationStatusEvent.create({
          data: {
            declarationId,
            fromStatus: 'AMENDMENT_REQUESTED',
            toStatus: 'ASSIGNED',
            actorId: actor.userId,
            actorRole: actor.role,
            reason: 'Amended by the trader',
            at: now,
          },
        });
        await tx.declaration.update({
          where: { id: declarationId },
          data: { status: 'ASSIGNED', currentReason: null, version: { increment: 1 } },
        });
        await writeAudit(tx, {
          actor,
          action: 'declaration.amendment.submit',
          entityType: 'Declaration',
          entityId: declarationId,
          data: { payable: assessment.payable },
          at: now,
        });
        return { registrationNumber: row.registrationNumber!, status: 'ASSIGNED' as const, isAlreadySubmitted: false };
      }

      const sequence = await nextSequence(tx, post.id, registrationDate(now));
      const registrationNumber = formatRegistrationNumber(post.code, now, sequence);
      await tx.declarationStatusEvent.createMany({
        data: [
          {
            declarationId,
            fromStatus: 'DRAFT',
            toStatus: 'SUBMITTED',
            actorId: actor.userId,
            actorRole: actor.role,
            at: now,
          },
          {
            declarationId,
            fromStatus: 'SUBMITTED',
            toStatus: 'REGISTERED',
            actorId: null,
            actorRole: 'SYSTEM',
            reason: `Registered as ${registrationNumber}`,
            at: now,
          },
        ],
      });
      await storeAssessment(tx, { declarationId, items: declaration.items, assessment, assessmentNo: 1, now });

      // Risk: score, channel and reasons, stored with the assessment. Green and blue wait for
      // payment and are released at once when settled; yellow and red go to an inspector.
      const risk = await assessRegisteredDeclaration(tx, { declarationId, now });
      let status: DeclarationStatus;
      let inspectorId: string | null = null;
      const registered = { channel: risk.channel, registrationNumber, submittedAt: now, registeredAt: now };
      if (risk.channel === 'GREEN' || risk.channel === 'BLUE') {
        status = 'ASSESSED';
        await tx.declaration.update({
          where: { id: declarationId },
          data: { status, ...registered, version: { increment: 1 } },
        });
        // The timeline says what the automatic release waits for (payments, named permits), never more.
        const blockers = await releaseBlockers(tx, declarationId, now, 'SYSTEM');
        await tx.declarationStatusEvent.create({
          data: {
            declarationId,
            fromStatus: 'REGISTERED',
            toStatus: 'ASSESSED',
            actorId: null,
            actorRole: 'SYSTEM',
            reason: automaticReleaseReason(risk.channel, blockers),
            at: now,
          },
        });
      } else {
        status = 'ASSIGNED';
        ({ inspectorId } = await distributeDeclaration(tx, { declarationId, postId: post.id, now }));
        await tx.declarationStatusEvent.create({
          data: {
            declarationId,
            fromStatus: 'REGISTERED',
            toStatus: 'ASSIGNED',
            actorId: null,
            actorRole: 'SYSTEM',
            reason: inspectorId ? 'Distributed to an inspector' : 'Waiting in the post pool for an inspector',
            at: now,
          },
        });
        await tx.declaration.update({
          where: { id: declarationId },
          data: { status, ...registered, version: { increment: 1 } },
        });
      }
      const isReleased = await autoReleaseIfReady(tx, { declarationId, now });
      await writeAudit(tx, {
        actor,
        action: 'declaration.submit',
        entityType: 'Declaration',
        entityId: declarationId,
        data: { registrationNumber, inspectorId, channel: risk.channel, payable: assessment.payable },
        at: now,
      });
      return { registrationNumber, status: isReleased ? ('RELEASED' as const) : status, isAlreadySubmitted: false };
    },
    { timeout: 30_000 },
  );
}
