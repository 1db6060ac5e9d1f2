// The agency officer's desk: the applications and permits of their own authority only. Drafts are
// never shown; another authority's application or permit is refused (403), as the brief of the
// single window asks ("that authority's permits only").
import { db } from '../db';
import { assertAgencyOfficer, type Actor, type AgencyActor } from '../actor';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/src/generated/prisma/client';
import { slaClock, type DeskFilter, type SlaClock } from '@/lib/permits';
import { loadSlaTarget } from './sla';
import { isValidUuid } from './ids';

export const DESK_PAGE_SIZE = 25;
export const AUTHORITY_PERMITS_PAGE_SIZE = 25;

function deskWhere(actor: AgencyActor, status: DeskFilter): Prisma.PermitApplicationWhereInput {
  const byStatus: Prisma.PermitApplicationWhereInput =
    status === 'OPEN' ? { status: { in: ['SUBMITTED', 'INFO_REQUESTED'] } } : { status };
  return { permitType: { authorityId: actor.authorityId }, ...byStatus };
}

const slaMessages = (messages: ReadonlyArray<{ authorRole: string; at: Date }>) =>
  messages.map((m) => ({ at: m.at, by: m.authorRole === 'TRADER' ? ('TRADER' as const) : ('AUTHORITY' as const) }));

function clockOf(
  a: {
    status: string;
    submittedAt: Date | null;
    decidedAt: Date | null;
    messages: ReadonlyArray<{ authorRole: string; at: Date }>;
  },
  now: Date,
  targetWorkingDays: number,
): SlaClock | null {
  if (!a.submittedAt || a.status === 'WITHDRAWN' || a.status === 'DRAFT') return null;
  const isDecided = a.status === 'ISSUED' || a.status === 'REFUSED';
  return slaClock({
    submittedAt: a.submittedAt,
    messages: slaMessages(a.messages),
    decidedAt: isDecided ? (a.decidedAt ?? now) : null,
    isWaitingForTrader: a.status === 'INFO_REQUESTED',
    now,
    targetWorkingDays,
  });
}

/** The authority's applications, oldest submission first, each with its SLA clock. */
export async function listAuthorityApplications(args: { actor: Actor; page: number; status?: DeskFilter; now: Date }) {
  const { actor } = args;
  assertAgencyOfficer(actor);
  const status = args.status ?? 'OPEN';
  const now = args.now;
  const where = deskWhere(actor, status);
  const [authority, targetWorkingDays, total, rows] = await Promise.all([
    db.authority.findUnique({ where: { id: actor.authorityId }, select: { code: true, name: true } }),
    loadSlaTarget(db),
    db.permitApplication.count({ where }),
    db.permitApplication.findMany({
      where,
      orderBy:
        status === 'OPEN' || status === 'SUBMITTED' || status === 'INFO_REQUESTED'
          ? [{ submittedAt: 'asc' }, { id: 'asc' }]
          : [{ decidedAt: 'desc' }, { id: 'desc' }],
      skip: (args.page - 1) * DESK_PAGE_SIZE,
      take: DESK_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        submittedAt: true,
        decidedAt: true,
        permitType: { select: { code: true, name: true } },
        company: { select: { name: true, tin: true } },
        messages: { select: { authorRole: true, at: true } },
      },
    }),
  ]);
  return {
    authority,
    targetWorkingDays,
    total,
    page: args.page,
    pageSize: DESK_PAGE_SIZE,
    rows: rows.map(({ messages, ...row }) => ({ ...row, sla: clockOf({ ...row, messages }, now, targetWorkingDays) })),
  };
}

/** One application for review: the applicant, products, documents, questions and answers, the permit. */
export async function getApplicationForOfficer(args: { actor: Actor; applicationId: string; now: Date }) {
  const { actor } = args;
  assertAgencyOfficer(actor);
  if (!isValidUuid(args.applicationId)) throw new AppError('NOT_FOUND', 'The application was not found.');
  const application = await db.permitApplication.findFirst({
    where: { id: args.applicationId, status: { not: 'DRAFT' } },
    include: {
      products: { orderBy: { hsCode: 'asc' } },
      documents: {
        orderBy: { createdAt: 'asc' },
        include: { file: { select: { id: true, fileName: true, mimeType: true, size: true } } },
      },
      messages: { orderBy: { at: 'asc' } },
      permitType: { include: { authority: { select: { id: true, code: true, name: true } } } },
      company: { select: { name: true, tin: true, address: true, isAuthorisedEconomicOperator: true } },
      permit: {
        select: {
          id: true,
          number: true,
          status: true,
          validFrom: true,
          validTo: true,
          quantity: true,
          remainingQuantity: true,
          unit: true,
          conditions: true,
          revokedReason: true,
          revokedAt: true,
        },
      },
    },
  });
  if (!application) throw new AppError('NOT_FOUND', 'The application was not found.');
  // Another authority's application is a scope miss like any other: not found, not "forbidden".
  if (application.permitType.authorityId !== actor.authorityId)
    throw new AppError('NOT_FOUND', 'The application was not found.');
  const targetWorkingDays = await loadSlaTarget(db);
  return { application, targetWorkingDays, sla: clockOf(application, args.now, targetWorkingDays) };
}

export async function listAuthorityPermits(args: { actor: Actor; page: number }) {
  const { actor } = args;
  assertAgencyOfficer(actor);
  const where = { permitType: { authorityId: actor.authorityId } };
  const [total, rows] = await Promise.all([
    db.permit.count({ where }),
    db.permit.findMany({
      where,
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      skip: (args.page - 1) * AUTHORITY_PERMITS_PAGE_SIZE,
      take: AUTHORITY_PERMITS_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        validFrom: true,
        validTo: true,
        quantity: true,
        remainingQuantity: true,
        unit: true,
        issuedAt: true,
        permitTypeCode: true,
        company: { select: { name: true, tin: true } },
      },
    }),
  ]);
  return { total, page: args.page, pageSize: AUTHORITY_PERMITS_PAGE_SIZE, rows };
}

export async function getPermitForOfficer(args: { actor: Actor; permitId: string }) {
  const { actor } = args;
  assertAgencyOfficer(actor);
  if (!isValidUuid(args.permitId)) throw new AppError('NOT_FOUND', 'The permit was not found.');
  const permit = await db.permit.findUnique({
    where: { id: args.permitId },
    include: {
      permitType: { include: { authority: { select: { code: true, name: true } } } },
      company: { select: { name: true, tin: true } },
      application: { select: { id: true, number: true } },
      links: {
        orderBy: { id: 'asc' },
        include: {
          item: { select: { lineNo: true, declaration: { select: { registrationNumber: true, status: true } } } },
        },
      },
    },
  });
  if (!permit) throw new AppError('NOT_FOUND', 'The permit was not found.');
  if (permit.permitType.authorityId !== actor.authorityId) throw new AppError('NOT_FOUND', 'The permit was not found.');
  return permit;
}
