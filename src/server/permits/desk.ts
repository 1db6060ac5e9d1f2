// The agency officer's desk: applications to their own authority only.
import { db } from '../db';
import { assertAgencyOfficer, type Actor } from '../actor';

export const DESK_PAGE_SIZE = 25;

export async function listAuthorityApplications(args: { actor: Actor; page: number }) {
  const { actor } = args;
  assertAgencyOfficer(actor);
  const where = { permitType: { authorityId: actor.authorityId }, status: { in: ['SUBMITTED', 'INFO_REQUESTED'] as ('SUBMITTED' | 'INFO_REQUESTED')[] } };
  const [authority, total, rows] = await Promise.all([
    db.authority.findUnique({ where: { id: actor.authorityId }, select: { code: true, name: true } }),
    db.permitApplication.count({ where }),
    db.permitApplication.findMany({
      where,
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      skip: (args.page - 1) * DESK_PAGE_SIZE,
      take: DESK_PAGE_SIZE,
      select: { id: true, number: true, status: true, submittedAt: true, permitType: { select: { code: true, name: true } }, company: { select: { name: true, tin: true } } },
    }),
  ]);
  return { authority, total, page: args.page, pageSize: DESK_PAGE_SIZE, rows };
}
