// The permits a company holds, as its traders read them: remaining quantity, expiry, status, the
// declaration it was applied for, and what each declaration linked to it or wrote off. Scoped to the actor's company (another
// company's permit is "not found").
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { AppError } from '@/lib/errors';
import { isValidUuid } from './ids';

export const HELD_PERMITS_PAGE_SIZE = 20;

export async function listCompanyPermits(args: { actor: Actor; page: number }) {
  const { actor } = args;
  assertTrader(actor);
  const where = { companyId: actor.companyId };
  const [total, rows] = await Promise.all([
    db.permit.count({ where }),
    db.permit.findMany({
      where,
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      skip: (args.page - 1) * HELD_PERMITS_PAGE_SIZE,
      take: HELD_PERMITS_PAGE_SIZE,
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
        permitType: { select: { code: true, name: true, scope: true } },
      },
    }),
  ]);
  return { total, page: args.page, pageSize: HELD_PERMITS_PAGE_SIZE, rows };
}

export async function getPermitForTrader(args: { actor: Actor; permitId: string }) {
  const { actor } = args;
  assertTrader(actor);
  if (!isValidUuid(args.permitId)) throw new AppError('NOT_FOUND', 'The permit was not found.');
  const permit = await db.permit.findFirst({
    where: { id: args.permitId, companyId: actor.companyId },
    include: {
      permitType: { include: { authority: { select: { code: true, name: true } } } },
      application: {
        select: {
          id: true,
          number: true,
          declarationLineNo: true,
          declaration: { select: { id: true, registrationNumber: true } },
        },
      },
      links: {
        orderBy: { id: 'asc' },
        include: {
          item: {
            select: { lineNo: true, declaration: { select: { id: true, registrationNumber: true, status: true } } },
          },
        },
      },
    },
  });
  if (!permit) throw new AppError('NOT_FOUND', 'The permit was not found.');
  return permit;
}
