// The administrator's permit catalogue: list, create and edit permit types (code, name,
// authority, directions, HS prefixes, validity, scope, required documents, fee and its refund
// rule, active), and the
// desk's SLA target. A type's code is its identity (applications and permits refer to it): it is
// never changed; a type no longer issued is deactivated, never deleted. Every change is audited
// with what it was and what it became.
import { db, Prisma } from '../db';
import { assertRole, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { SLA_SETTING_KEY, ZNewPermitType, ZPermitTypeForm, ZSlaSetting, type PermitTypeForm } from '@/lib/permits';
import { loadSlaTarget } from './sla';

export const PERMIT_TYPES_PAGE_SIZE = 25;

const assertAdmin = (actor: Actor) => assertRole(actor, ['ADMIN']);

export async function listPermitTypesForAdmin(args: { actor: Actor; page: number }) {
  assertAdmin(args.actor);
  const [total, rows, targetWorkingDays] = await Promise.all([
    db.permitType.count(),
    db.permitType.findMany({
      orderBy: [{ authority: { code: 'asc' } }, { code: 'asc' }],
      skip: (args.page - 1) * PERMIT_TYPES_PAGE_SIZE,
      take: PERMIT_TYPES_PAGE_SIZE,
      include: { authority: { select: { code: true, name: true } } },
    }),
    loadSlaTarget(db),
  ]);
  return { total, page: args.page, pageSize: PERMIT_TYPES_PAGE_SIZE, rows, targetWorkingDays };
}

export async function listAuthorities(args: { actor: Actor }) {
  assertAdmin(args.actor);
  return db.authority.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } });
}

export async function getPermitTypeForAdmin(args: { actor: Actor; code: string }) {
  assertAdmin(args.actor);
  const type = await db.permitType.findUnique({
    where: { code: args.code.toUpperCase() },
    include: { authority: { select: { code: true, name: true } } },
  });
  if (!type) throw new AppError('NOT_FOUND', 'The permit type was not found.');
  return type;
}

async function authorityIdOf(code: string): Promise<string> {
  const authority = await db.authority.findUnique({ where: { code }, select: { id: true } });
  if (!authority)
    throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
      { path: 'authorityCode', message: 'Choose an authority from the list' },
    ]);
  return authority.id;
}

const columns = (input: PermitTypeForm, authorityId: string) => ({
  name: input.name,
  authorityId,
  directions: input.directions,
  hsPrefixes: input.hsPrefixes,
  validityDays: input.validityDays,
  scope: input.scope,
  requiredDocuments: input.requiredDocuments,
  fee: input.fee,
  isFeeRefundable: input.isFeeRefundable,
  isActive: input.isActive,
});

type TypeRow = Awaited<ReturnType<typeof db.permitType.findUniqueOrThrow>>;
const snapshot = (t: TypeRow) => ({ ...t, fee: t.fee.toFixed(2) });

export async function createPermitType(args: { actor: Actor; input: unknown; now: Date }): Promise<{ code: string }> {
  const { actor, now } = args;
  assertAdmin(actor);
  const input = parseOrThrow(ZNewPermitType, args.input);
  const authorityId = await authorityIdOf(input.authorityCode);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.permitType.create({ data: { code: input.code, ...columns(input, authorityId) } });
      await writeAudit(tx, {
        actor,
        action: 'permitType.create',
        entityType: 'PermitType',
        entityId: created.code,
        data: { after: snapshot(created) },
        at: now,
      });
      return { code: created.code };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
        { path: 'code', message: `A permit type with code ${input.code} already exists` },
      ]);
    }
    throw e;
  }
}

export async function updatePermitType(args: {
  actor: Actor;
  code: string;
  input: unknown;
  now: Date;
}): Promise<{ code: string }> {
  const { actor, now } = args;
  assertAdmin(actor);
  const input = parseOrThrow(ZPermitTypeForm, args.input);
  const authorityId = await authorityIdOf(input.authorityCode);
  const code = args.code.toUpperCase();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      Array<{ code: string }>
    >`SELECT code FROM "PermitType" WHERE code = ${code} FOR UPDATE`;
    if (!locked[0]) throw new AppError('NOT_FOUND', 'The permit type was not found.');
    const before = await tx.permitType.findUniqueOrThrow({ where: { code } });
    const after = await tx.permitType.update({ where: { code }, data: columns(input, authorityId) });
    await writeAudit(tx, {
      actor,
      action: 'permitType.update',
      entityType: 'PermitType',
      entityId: code,
      data: { before: snapshot(before), after: snapshot(after) },
      at: now,
    });
    return { code };
  });
}

export async function savePermitSlaTarget(args: {
  actor: Actor;
  input: unknown;
  now: Date;
}): Promise<{ workingDays: number }> {
  const { actor, now } = args;
  assertAdmin(actor);
  const { workingDays } = parseOrThrow(ZSlaSetting, args.input);
  return db.$transaction(async (tx) => {
    const before = await loadSlaTarget(tx);
    await tx.setting.upsert({
      where: { key: SLA_SETTING_KEY },
      create: { key: SLA_SETTING_KEY, value: { workingDays }, updatedAt: now },
      update: { value: { workingDays }, updatedAt: now },
    });
    await writeAudit(tx, {
      actor,
      action: 'setting.update',
      entityType: 'Setting',
      entityId: SLA_SETTING_KEY,
      data: { before: { workingDays: before }, after: { workingDays } },
      at: now,
    });
    return { workingDays };
  });
}
