// The agency officer's decisions: ask for more information, issue (number, validity, quantity,
// conditions — with its signed document), refuse with a reason, revoke an issued permit with a
// reason (crediting the fee back when its type's rule says so: fees.ts). Each one locks the
// application or permit and refuses another authority's (403) before
// anything else — before reading the input, so another authority learns nothing from a validation
// message — then a decided one (409), then bad input (422, nothing written); it runs in one
// transaction and writes its audit entry there.
import { db, type Tx } from '../db';
import { assertAgencyOfficer, type Actor, type AgencyActor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import {
  ZInformationRequest,
  ZIssuePermit,
  ZRefusal,
  ZRevocation,
  applicationTransition,
  issueProblems,
  permitNumberPrefix,
  type ApplicationAction,
  type ApplicationStatus,
} from '@/lib/permits';
import { asDateColumn, serviceDate } from '@/lib/time';
import type { Direction } from '@/lib/reference/customs';
import { revokeSignedDocuments } from '../documents/issue';
import { moneyTransaction } from '../payments/ledger';
import { issuePermitDocument } from './document';
import { refundApplicationFeeIfDue } from './fees';
import { nextPermitNumber } from './numbering';
import { isValidUuid } from './ids';

type LockedForAuthority = {
  id: string;
  status: ApplicationStatus;
  companyId: string;
  permitTypeCode: string;
  direction: Direction;
  authorityId: string;
};

/** Lock a submitted application: 404 when there is none (drafts included) or it is another authority's (a scope miss, like any other). */
async function lockForAuthority(tx: Tx, actor: AgencyActor, applicationId: string): Promise<LockedForAuthority> {
  if (!isValidUuid(applicationId)) throw new AppError('NOT_FOUND', 'The application was not found.');
  const rows = await tx.$queryRaw<LockedForAuthority[]>`
    SELECT a.id, a.status, a."companyId", a."permitTypeCode", a.direction, t."authorityId"
    FROM "PermitApplication" a JOIN "PermitType" t ON t.code = a."permitTypeCode"
    WHERE a.id = ${applicationId}::uuid AND a.status <> 'DRAFT'
    FOR UPDATE OF a`;
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'The application was not found.');
  if (row.authorityId !== actor.authorityId) throw new AppError('NOT_FOUND', 'The application was not found.');
  return row;
}

function nextStatus(row: LockedForAuthority, action: ApplicationAction): ApplicationStatus {
  const to = applicationTransition(row.status, action);
  if (!to)
    throw new AppError(
      'CONFLICT',
      `This application is ${row.status.toLowerCase().replace('_', ' ')}: it is no longer waiting for a decision.`,
    );
  return to;
}

/** Ask the trader for more information or documents: the SLA clock stops until they answer. */
export async function requestInformation(args: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  const { actor, applicationId, now } = args;
  assertAgencyOfficer(actor);
  await db.$transaction(async (tx) => {
    const row = await lockForAuthority(tx, actor, applicationId);
    const to = nextStatus(row, 'REQUEST_INFO');
    const { message } = parseOrThrow(ZInformationRequest, args.input);
    await tx.permitApplicationMessage.create({
      data: { applicationId, authorId: actor.userId, authorRole: 'AGENCY_OFFICER', body: message, at: now },
    });
    await tx.permitApplication.update({
      where: { id: applicationId },
      data: { status: to, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.requestInformation',
      entityType: 'PermitApplication',
      entityId: applicationId,
      data: { message },
      at: now,
    });
  });
}

/**
 * Issue the permit: the portal gives the number (<type>/<year>/<sequence>); the officer sets the
 * validity (from today at the earliest, never ending in the past, at most the type's validity),
 * the quantity (> 0) in its unit, and any conditions. The permit covers the products' commodity
 * codes. Its signed document is issued in the same transaction.
 */
export async function issuePermit(args: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  now: Date;
}): Promise<{ permitId: string; number: string }> {
  const { actor, applicationId, now } = args;
  assertAgencyOfficer(actor);
  return db.$transaction(
    async (tx) => {
      const row = await lockForAuthority(tx, actor, applicationId);
      const to = nextStatus(row, 'ISSUE');
      const input = parseOrThrow(ZIssuePermit, args.input);
      const type = await tx.permitType.findUniqueOrThrow({
        where: { code: row.permitTypeCode },
        select: { code: true, validityDays: true },
      });
      const today = serviceDate(now);
      const problems = issueProblems(input, { today, validityDays: type.validityDays, typeCode: type.code });
      if (problems.length) throw new AppError('VALIDATION', 'There is a problem with the permit’s details.', problems);
      const products = await tx.permitApplicationProduct.findMany({
        where: { applicationId },
        select: { hsCode: true },
      });
      if (products.length === 0) throw new AppError('CONFLICT', 'The application has no products to permit.');

      const number = await nextPermitNumber(tx, permitNumberPrefix(type.code, today));
      const permit = await tx.permit.create({
        data: {
          number,
          applicationId,
          companyId: row.companyId,
          permitTypeCode: type.code,
          direction: row.direction,
          status: 'ISSUED',
          hsCodes: [...new Set(products.map((p) => p.hsCode))],
          validFrom: asDateColumn(input.validFrom),
          validTo: asDateColumn(input.validTo),
          quantity: input.quantity,
          remainingQuantity: input.quantity,
          unit: input.unit,
          conditions: input.conditions ?? null,
          issuedById: actor.userId,
          issuedAt: now,
        },
        select: { id: true },
      });
      await tx.permitApplication.update({
        where: { id: applicationId },
        data: { status: to, decidedById: actor.userId, decidedAt: now, version: { increment: 1 } },
      });
      await issuePermitDocument(tx, { actor, permitId: permit.id, now });
      await writeAudit(tx, {
        actor,
        action: 'permit.issue',
        entityType: 'PermitApplication',
        entityId: applicationId,
        data: {
          permitId: permit.id,
          number,
          validFrom: input.validFrom,
          validTo: input.validTo,
          quantity: input.quantity,
          unit: input.unit,
          conditions: input.conditions ?? null,
        },
        at: now,
      });
      return { permitId: permit.id, number };
    },
    { timeout: 20_000 },
  );
}

export async function refuseApplication(args: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  const { actor, applicationId, now } = args;
  assertAgencyOfficer(actor);
  await moneyTransaction(async (tx) => {
    const row = await lockForAuthority(tx, actor, applicationId);
    const to = nextStatus(row, 'REFUSE');
    const { reason } = parseOrThrow(ZRefusal, args.input);
    const updated = await tx.permitApplication.update({
      where: { id: applicationId },
      data: { status: to, refusalReason: reason, decidedById: actor.userId, decidedAt: now, version: { increment: 1 } },
      select: { number: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.refuse',
      entityType: 'PermitApplication',
      entityId: applicationId,
      data: { reason },
      at: now,
    });
    // A submitted application always has its number.
    if (updated.number)
      await refundApplicationFeeIfDue(tx, {
        actor,
        application: { id: applicationId, number: updated.number, companyId: row.companyId },
        outcome: 'REFUSED',
        now,
      });
  });
}

/**
 * Revoke an issued (or used-up) permit with a reason: it can no longer satisfy a declaration (a
 * release in progress either wrote off before the revocation, or sees it revoked — both lock the
 * permit row), and its signed document verifies as "Revoked".
 */
export async function revokePermit(args: { actor: Actor; permitId: string; input: unknown; now: Date }): Promise<void> {
  const { actor, permitId, now } = args;
  assertAgencyOfficer(actor);
  if (!isValidUuid(permitId)) throw new AppError('NOT_FOUND', 'The permit was not found.');
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      Array<{ id: string; status: string; applicationId: string | null; number: string; authorityId: string }>
    >`
      SELECT p.id, p.status, p."applicationId", p.number, t."authorityId"
      FROM "Permit" p JOIN "PermitType" t ON t.code = p."permitTypeCode"
      WHERE p.id = ${permitId}::uuid
      FOR UPDATE OF p`;
    const permit = rows[0];
    if (!permit) throw new AppError('NOT_FOUND', 'The permit was not found.');
    if (permit.authorityId !== actor.authorityId) throw new AppError('NOT_FOUND', 'The permit was not found.');
    if (permit.status === 'REVOKED') throw new AppError('CONFLICT', 'This permit has already been revoked.');
    const { reason } = parseOrThrow(ZRevocation, args.input);
    await tx.permit.update({
      where: { id: permitId },
      data: { status: 'REVOKED', revokedReason: reason, revokedAt: now },
    });
    if (permit.applicationId)
      await tx.permitApplication.update({ where: { id: permit.applicationId }, data: { version: { increment: 1 } } });
    await revokeSignedDocuments(tx, { actor, kind: 'PERMIT', subjectId: permitId, now, reason });
    await writeAudit(tx, {
      actor,
      action: 'permit.revoke',
      entityType: 'Permit',
      entityId: permitId,
      data: { number: permit.number, reason },
      at: now,
    });
  });
}
