// The officer's work: an inspector sees what was distributed to them; a supervisor sees the post.
import { db, Prisma } from '../db';
import { D } from '@/lib/money';
import { serviceDate } from '@/lib/time';
import { checkFormalities } from '@/lib/permits';
import { amountDue } from '../declarations/read';
import { loadRates } from '../declarations/assessment';
import { loadCatalogue, loadCompanyPermits } from '../permits/catalogue';
import { assertOfficer, type Actor, type OfficerActor } from '../actor';
import { AppError } from '@/lib/errors';
import {
  ZQueueQuery,
  QUEUE_POOL,
  DEFAULT_SLA_TARGETS,
  type QueueQuery,
  type SlaTargets,
} from '@/lib/officer/queue-query';
import { slaState } from '@/lib/officer/decisions';
import { OPEN_OFFICER_STATUSES } from '@/lib/declaration/lifecycle';

export const QUEUE_PAGE_SIZE = 25;

export async function loadSlaTargets(): Promise<SlaTargets> {
  const setting = await db.setting.findUnique({ where: { key: 'sla.targetMinutes' } });
  const v = (setting?.value ?? {}) as Partial<Record<keyof SlaTargets, number>>;
  return {
    ...DEFAULT_SLA_TARGETS,
    ...(typeof v.YELLOW === 'number' ? { YELLOW: v.YELLOW } : {}),
    ...(typeof v.RED === 'number' ? { RED: v.RED } : {}),
  };
}

/** The post's active inspectors, for a supervisor's filter and reassignment; none for an inspector. */
async function postInspectors(actor: OfficerActor) {
  if (actor.role !== 'SUPERVISOR') return [];
  return db.user.findMany({
    where: { role: 'INSPECTOR', postId: actor.postId, isActive: true },
    select: { id: true, name: true, officerNumber: true, isOnDuty: true },
    orderBy: { officerNumber: 'asc' },
  });
}

/** The actor's duty status and service number, shown on the queue page. */
export async function getOfficerDutyStatus(args: { actor: Actor }) {
  const { actor } = args;
  assertOfficer(actor);
  const me = await db.user.findUnique({ where: { id: actor.userId }, select: { isOnDuty: true, officerNumber: true } });
  return { isOnDuty: me?.isOnDuty ?? false, officerNumber: me?.officerNumber ?? null };
}

/**
 * The inspector's own open work, or (supervisor) the whole post's, filtered, sorted and paged, with
 * the SLA clock. The page of assignment ids is chosen in SQL (the SLA sort orders by registration
 * plus the channel's target, which Prisma's orderBy cannot express), then read with Prisma.
 * A supervisor may narrow to one inspector of the post or to the pool; an inspector always sees
 * only their own work, and an inspector filter naming anyone outside the post falls back to none.
 */
export async function listWorkQueue(args: { actor: Actor; query?: Partial<QueueQuery>; page?: number; now?: Date }) {
  const { actor } = args;
  assertOfficer(actor);
  const parsed = ZQueueQuery.parse({ ...(args.query ?? {}), ...(args.page ? { page: args.page } : {}) });
  const now = args.now ?? new Date();
  const [targets, inspectors] = await Promise.all([loadSlaTargets(), postInspectors(actor)]);
  const isKnownFilter = parsed.inspector === QUEUE_POOL || inspectors.some((i) => i.id === parsed.inspector);
  const query: QueueQuery = {
    ...parsed,
    inspector: actor.role === 'SUPERVISOR' && isKnownFilter ? parsed.inspector : undefined,
  };

  const conditions: Prisma.Sql[] = [
    Prisma.sql`a."closedAt" IS NULL`,
    actor.role === 'SUPERVISOR'
      ? Prisma.sql`a."postId" = ${actor.postId}::uuid`
      : Prisma.sql`a."inspectorId" = ${actor.userId}::uuid`,
  ];
  if (query.inspector === QUEUE_POOL) conditions.push(Prisma.sql`a."inspectorId" IS NULL`);
  else if (query.inspector) conditions.push(Prisma.sql`a."inspectorId" = ${query.inspector}::uuid`);
  if (query.status) conditions.push(Prisma.sql`d.status = ${query.status}::"DeclarationStatus"`);
  if (query.channel) conditions.push(Prisma.sql`d.channel = ${query.channel}::"Channel"`);
  // The SLA clock as slaState reads it: time since registration, less the time waited for requested
  // documents (a wait going on now stops the clock where it began).
  const clock = Prisma.sql`(COALESCE(d."slaPausedSince", ${now}) - d."registeredAt" - make_interval(secs => d."slaPausedSeconds"))`;
  const target = Prisma.sql`CASE d.channel WHEN 'YELLOW' THEN make_interval(mins => ${targets.YELLOW}::int) WHEN 'RED' THEN make_interval(mins => ${targets.RED}::int) END`;
  if (query.overdue) conditions.push(Prisma.sql`${clock} > ${target}`);
  const where = Prisma.join(conditions, ' AND ');
  // Time left to the target: ordering by it puts the most overdue first (no target: last).
  const timeLeft = Prisma.sql`(${target} - ${clock})`;
  const orderBy = (() => {
    switch (query.sort) {
      case 'registered-asc':
        return Prisma.sql`d."registeredAt" ASC NULLS LAST, a.id ASC`;
      case 'registered-desc':
        return Prisma.sql`d."registeredAt" DESC NULLS LAST, a.id DESC`;
      case 'channel':
        return Prisma.sql`d.channel DESC NULLS LAST, d."registeredAt" ASC, a.id ASC`;
      case 'sla':
        return Prisma.sql`${timeLeft} ASC NULLS LAST, d."registeredAt" ASC, a.id ASC`;
      default: {
        const unknown: never = query.sort;
        throw new Error(`Unknown queue sort ${String(unknown)}`);
      }
    }
  })();
  const [counted, ids] = await Promise.all([
    db.$queryRaw<
      { total: number }[]
    >`SELECT COUNT(*)::int AS total FROM "Assignment" a JOIN "Declaration" d ON d.id = a."declarationId" WHERE ${where}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT a.id FROM "Assignment" a JOIN "Declaration" d ON d.id = a."declarationId"
      WHERE ${where} ORDER BY ${orderBy} LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(query.page - 1) * QUEUE_PAGE_SIZE}`,
  ]);
  const found = await db.assignment.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true,
      assignedAt: true,
      inspector: { select: { id: true, officerNumber: true, name: true } },
      declaration: {
        select: {
          id: true,
          registrationNumber: true,
          regime: true,
          status: true,
          channel: true,
          registeredAt: true,
          slaPausedSeconds: true,
          slaPausedSince: true,
          company: { select: { name: true, tin: true } },
        },
      },
    },
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((r) => byId.get(r.id) ?? []);
  return {
    total: counted[0]?.total ?? 0,
    page: query.page,
    pageSize: QUEUE_PAGE_SIZE,
    query,
    inspectors,
    rows: rows.map((r) => ({
      ...r,
      sla: slaState(
        r.declaration.registeredAt ?? r.assignedAt,
        now,
        r.declaration.channel ? targets[r.declaration.channel] : null,
        { pausedSeconds: r.declaration.slaPausedSeconds, pausedSince: r.declaration.slaPausedSince },
      ),
    })),
  };
}

/**
 * Everything an officer needs on one page. Officers see the declarations of their own post;
 * another post's declaration does not exist for them.
 */
export async function getDeclarationForOfficer(args: { actor: Actor; declarationId: string; now?: Date }) {
  const { actor } = args;
  assertOfficer(actor);
  const now = args.now ?? new Date();
  const declaration = await db.declaration.findFirst({
    where: { id: args.declarationId, postId: actor.postId, status: { not: 'DRAFT' } },
    include: {
      items: {
        orderBy: { lineNo: 'asc' },
        include: { permitLinks: { include: { permit: { select: { number: true, permitTypeCode: true } } } } },
      },
      documents: {
        orderBy: { createdAt: 'asc' },
        include: { file: { select: { id: true, fileName: true, mimeType: true, size: true } } },
      },
      company: { select: { id: true, name: true, tin: true, isAuthorisedEconomicOperator: true } },
      post: { select: { code: true, name: true } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      assignments: {
        where: { closedAt: null },
        include: { inspector: { select: { id: true, officerNumber: true, name: true } } },
      },
      riskAssessments: { orderBy: { createdAt: 'desc' }, take: 1 },
      inspections: { orderBy: { at: 'asc' } },
      adjustments: { orderBy: { createdAt: 'desc' } },
      documentRequests: {
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        include: {
          documents: {
            orderBy: { createdAt: 'asc' },
            select: { id: true, type: true, number: true, file: { select: { id: true, fileName: true } } },
          },
        },
      },
    },
  });
  if (!declaration) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  const assignment = declaration.assignments[0] ?? null;

  const since = new Date(now.getTime() - 365 * 86_400_000);
  const [declarations, inspections, hits, references, due, paid, inspectors, targets] = await Promise.all([
    db.declaration.count({ where: { companyId: declaration.company.id, registeredAt: { gte: since } } }),
    db.inspection.count({ where: { declaration: { companyId: declaration.company.id }, at: { gte: since } } }),
    db.inspection.count({
      where: { declaration: { companyId: declaration.company.id }, at: { gte: since }, isHit: true },
    }),
    db.referencePrice.findMany({
      where: {
        OR: declaration.items.map((i) => ({
          hsCode: { in: [i.hsCode, i.hsCode.slice(0, 6)] },
          originCountry: i.originCountry,
        })),
      },
    }),
    amountDue(declaration.id),
    db.payment.aggregate({ where: { declarationId: declaration.id, status: 'COMPLETED' }, _sum: { amount: true } }),
    postInspectors(actor),
    loadSlaTargets(),
  ]);
  const latest = await db.assessedPayment.aggregate({
    where: { declarationId: declaration.id },
    _max: { assessmentNo: true },
  });
  const assessmentNo = latest._max.assessmentNo;
  const sums = assessmentNo
    ? await db.assessedPayment.groupBy({
        by: ['paymentType'],
        where: { declarationId: declaration.id, assessmentNo },
        _sum: { amount: true },
      })
    : [];
  const rates = declaration.registeredAt ? await loadRates(db, serviceDate(declaration.registeredAt)) : {};
  const usd = rates.USD ? new D(rates.USD) : null;
  const invoiceRate =
    declaration.invoiceCurrency && rates[declaration.invoiceCurrency]
      ? new D(rates[declaration.invoiceCurrency])
      : null;
  const valueControl = declaration.items.map((i) => {
    const ref =
      references.find((r) => r.hsCode === i.hsCode && r.originCountry === i.originCountry) ??
      references.find((r) => r.hsCode === i.hsCode.slice(0, 6) && r.originCountry === i.originCountry) ??
      null;
    const unitPriceUsd =
      usd && invoiceRate && i.quantity.gt(0)
        ? new D(i.invoiceValue.toString()).times(invoiceRate).div(usd).div(i.quantity.toString()).toNumber()
        : null;
    return {
      lineNo: i.lineNo,
      unitPriceUsd,
      unit: i.supplementaryUnit,
      reference: ref
        ? {
            q05: ref.q05.toNumber(),
            q10: ref.q10.toNumber(),
            q25: ref.q25.toNumber(),
            q50: ref.q50.toNumber(),
            q75: ref.q75.toNumber(),
            q90: ref.q90.toNumber(),
            sampleSize: ref.sampleSize,
          }
        : null,
    };
  });
  const catalogue = await loadCatalogue(db);
  const permitIds = [...new Set(declaration.items.flatMap((i) => i.permitLinks.map((l) => l.permitId)))];
  const permits = await loadCompanyPermits(db, declaration.company.id, permitIds);
  const formalities = checkFormalities({
    items: declaration.items.map((i) => ({
      lineNo: i.lineNo,
      hsCode: i.hsCode,
      quantity: i.quantity.toString(),
      unit: i.supplementaryUnit,
      linkedPermitIds: i.permitLinks.map((l) => l.permitId),
    })),
    regime: declaration.regime,
    companyId: declaration.company.id,
    date: serviceDate(declaration.registeredAt ?? now),
    catalogue,
    permits,
    mode: 'LINKED',
  });
  const risk = declaration.riskAssessments[0] ?? null;
  return {
    declaration,
    assignment,
    isAssignedToMe: assignment?.inspector?.id === actor.userId,
    canDecide: actor.role === 'SUPERVISOR' || assignment?.inspector?.id === actor.userId,
    risk,
    traderHistory: { declarations, inspections, hits },
    valueControl,
    formalities,
    payments: {
      assessmentNo,
      byType: Object.fromEntries(sums.map((r) => [r.paymentType, r._sum.amount?.toFixed(2) ?? '0.00'])),
      paid: paid._sum.amount?.toFixed(2) ?? '0.00',
      due,
    },
    pendingAdjustment: declaration.adjustments.find((a) => a.status === 'PENDING') ?? null,
    inspectors,
    sla: slaState(declaration.registeredAt ?? now, now, declaration.channel ? targets[declaration.channel] : null, {
      pausedSeconds: declaration.slaPausedSeconds,
      pausedSince: declaration.slaPausedSince,
    }),
  };
}

/** Adjustments of the supervisor's post waiting for a second pair of eyes. */
export async function listPendingAdjustments(args: { actor: Actor }) {
  const { actor } = args;
  assertOfficer(actor);
  if (actor.role !== 'SUPERVISOR') return [];
  return db.valueAdjustment.findMany({
    // Only declarations still in an officer's work: a finished one has nothing left to approve.
    where: { status: 'PENDING', declaration: { postId: actor.postId, status: { in: [...OPEN_OFFICER_STATUSES] } } },
    orderBy: { createdAt: 'asc' },
    take: 50,
    select: {
      id: true,
      amountDelta: true,
      reason: true,
      createdAt: true,
      requestedById: true,
      declaration: { select: { id: true, registrationNumber: true } },
    },
  });
}

export async function getOfficerDeclarationStatus(args: { actor: Actor; declarationId: string }) {
  const { actor } = args;
  assertOfficer(actor);
  const d = await db.declaration.findFirst({
    where: { id: args.declarationId, postId: actor.postId, status: { not: 'DRAFT' } },
    select: { status: true, version: true },
  });
  if (!d) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return d;
}
