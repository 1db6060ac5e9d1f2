// The administrator's overview of reference data.
import { db } from '../db';
import { assertRole, type Actor } from '../actor';

export async function getReferenceOverview(args: { actor: Actor }) {
  assertRole(args.actor, ['ADMIN']);
  const [posts, permitTypes, tariffLines, exchangeRates, companies, users, declarations] = await Promise.all([
    db.customsPost.findMany({ orderBy: { code: 'asc' } }),
    db.permitType.findMany({ orderBy: { code: 'asc' }, include: { authority: { select: { code: true } } } }),
    db.tariffLine.count(),
    db.exchangeRate.count(),
    db.company.count(),
    db.user.count(),
    db.declaration.count(),
  ]);
  return { posts, permitTypes, counts: { tariffLines, exchangeRates, companies, users, declarations } };
}
