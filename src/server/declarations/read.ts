// The trader's read models: the company's declarations, and one declaration with its timeline.
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { AppError } from '@/lib/errors';

export const PAGE_SIZE = 20;

export async function listCompanyDeclarations(args: { actor: Actor; page: number }) {
  const { actor } = args;
  assertTrader(actor);
  const where = { companyId: actor.companyId };
  const [total, rows] = await Promise.all([
    db.declaration.count({ where }),
    db.declaration.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (args.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, registrationNumber: true, regime: true, status: true, channel: true, createdAt: true, registeredAt: true, post: { select: { code: true, name: true } }, _count: { select: { items: true } } },
    }),
  ]);
  return { total, page: args.page, pageSize: PAGE_SIZE, rows };
}

export async function getDeclarationForTrader(args: { actor: Actor; declarationId: string }) {
  const { actor } = args;
  assertTrader(actor);
  const declaration = await db.declaration.findFirst({
    where: { id: args.declarationId, companyId: actor.companyId },
    include: {
      items: { orderBy: { lineNo: 'asc' } },
      post: { select: { code: true, name: true } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { id: true, fromStatus: true, toStatus: true, actorRole: true, reason: true, at: true } },
    },
  });
  // Another company's declaration is indistinguishable from one that does not exist.
  if (!declaration) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return declaration;
}
