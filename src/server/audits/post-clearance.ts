// Post-clearance audits: blue-channel declarations are released at once and audited afterwards.
// The post's officers see the released blue declarations still to audit (oldest release first) and
// those audited; an audit records its outcome as an inspection of kind POST_CLEARANCE_AUDIT, linked
// to the risk assessment that chose the channel (so training learns from it), with the additional
// revenue it raised. One audit per declaration; the declaration itself does not change.
import { db, Prisma } from '../db';
import { assertOfficer, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { D } from '@/lib/money';
import { ZPostClearanceAudit, type AuditFilter } from '@/lib/audits/post-clearance';
import { ZDeclarationId } from '@/lib/declaration/schema';

export const AUDIT_PAGE_SIZE = 25;

const auditable = (postId: string): Prisma.DeclarationWhereInput => ({ postId, channel: 'BLUE', status: 'RELEASED' });
const audited = { inspections: { some: { kind: 'POST_CLEARANCE_AUDIT' as const } } };

export async function listPostClearanceAudits(args: { actor: Actor; filter: AuditFilter; page: number }) {
  const { actor, filter, page } = args;
  assertOfficer(actor);
  const where: Prisma.DeclarationWhereInput = {
    ...auditable(actor.postId),
    ...(filter === 'DONE' ? audited : { NOT: audited }),
  };
  const [total, rows] = await Promise.all([
    db.declaration.count({ where }),
    db.declaration.findMany({
      where,
      orderBy: filter === 'DUE' ? [{ releasedAt: 'asc' }, { id: 'asc' }] : [{ releasedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        registrationNumber: true,
        regime: true,
        releasedAt: true,
        company: { select: { name: true, tin: true } },
        _count: { select: { items: true } },
        inspections: {
          where: { kind: 'POST_CLEARANCE_AUDIT' },
          select: { isHit: true, additionalRevenue: true, at: true },
        },
      },
    }),
  ]);
  return {
    total,
    pageSize: AUDIT_PAGE_SIZE,
    rows: rows.map((r) => ({
      ...r,
      audit: r.inspections[0]
        ? { ...r.inspections[0], additionalRevenue: r.inspections[0].additionalRevenue.toFixed(2) }
        : null,
    })),
  };
}

/** One released blue declaration of the officer's post, with what its audit needs; another post's is not found. */
export async function getPostClearanceAudit(args: { actor: Actor; declarationId: string }) {
  const { actor } = args;
  assertOfficer(actor);
  const d = await db.declaration.findFirst({
    where: { id: args.declarationId, ...auditable(actor.postId) },
    select: {
      id: true,
      registrationNumber: true,
      regime: true,
      registeredAt: true,
      releasedAt: true,
      invoiceCurrency: true,
      invoiceTotal: true,
      company: { select: { name: true, tin: true } },
      items: {
        orderBy: { lineNo: 'asc' },
        select: {
          lineNo: true,
          hsCode: true,
          description: true,
          originCountry: true,
          netMass: true,
          quantity: true,
          supplementaryUnit: true,
          invoiceValue: true,
          customsValue: true,
        },
      },
      documents: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, type: true, number: true, date: true, file: { select: { id: true, fileName: true } } },
      },
      inspections: {
        where: { kind: 'POST_CLEARANCE_AUDIT' },
        select: {
          findings: true,
          isHit: true,
          isCritical: true,
          discrepancyType: true,
          additionalRevenue: true,
          at: true,
          inspectorId: true,
        },
      },
    },
  });
  if (!d) throw new AppError('NOT_FOUND', 'No released blue-channel declaration of your post has this id.');
  const paid = await db.payment.aggregate({
    where: { declarationId: d.id, status: 'COMPLETED' },
    _sum: { amount: true },
  });
  return { ...d, paidTotal: (paid._sum.amount ?? new D(0)).toFixed(2), audit: d.inspections[0] ?? null };
}

export async function recordPostClearanceAudit(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  now: Date;
}): Promise<{ inspectionId: string }> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const input = parseOrThrow(ZPostClearanceAudit, args.input);
  // The id goes into raw SQL as a uuid: anything else (the action's caller chooses it) is not found, not a 500.
  if (!ZDeclarationId.safeParse({ declarationId }).success)
    throw new AppError('NOT_FOUND', 'No released blue-channel declaration of your post has this id.');
  return db.$transaction(async (tx) => {
    // The row lock orders two officers recording at once: the second sees the first's audit.
    const rows = await tx.$queryRaw<
      Array<{ id: string; postId: string | null; channel: string | null; status: string }>
    >`
      SELECT id, "postId", channel::text AS channel, status::text AS status FROM "Declaration" WHERE id = ${declarationId}::uuid FOR UPDATE`;
    const d = rows[0];
    if (!d || d.postId !== actor.postId)
      throw new AppError('NOT_FOUND', 'No released blue-channel declaration of your post has this id.');
    if (d.channel !== 'BLUE' || d.status !== 'RELEASED')
      throw new AppError('CONFLICT', 'Only a released blue-channel declaration is audited after clearance.');
    if (await tx.inspection.count({ where: { declarationId, kind: 'POST_CLEARANCE_AUDIT' } }))
      throw new AppError('CONFLICT', 'This declaration has already been audited.');
    const assessment = await tx.riskAssessment.findFirst({
      where: { declarationId },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
    const inspection = await tx.inspection.create({
      data: {
        declarationId,
        riskAssessmentId: assessment?.id ?? null,
        inspectorId: actor.userId,
        kind: 'POST_CLEARANCE_AUDIT',
        findings: input.findings,
        isHit: input.isHit,
        isCritical: input.isCritical,
        discrepancyType: input.discrepancyType ?? null,
        additionalRevenue: new D(input.additionalRevenue).toFixed(2),
        at: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'declaration.postClearanceAudit.record',
      entityType: 'Declaration',
      entityId: declarationId,
      data: {
        inspectionId: inspection.id,
        isHit: input.isHit,
        isCritical: input.isCritical,
        discrepancyType: input.discrepancyType ?? null,
        additionalRevenue: new D(input.additionalRevenue).toFixed(2),
      },
      at: now,
    });
    return { inspectionId: inspection.id };
  });
}
