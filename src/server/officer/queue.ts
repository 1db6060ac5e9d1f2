// The officer's work: an inspector sees what was distributed to them; a supervisor sees the post.
import { db } from '../db';
import { assertOfficer, type Actor } from '../actor';
import { AppError } from '@/lib/errors';

export const QUEUE_PAGE_SIZE = 25;

export async function listWorkQueue(args: { actor: Actor; page: number }) {
  const { actor } = args;
  assertOfficer(actor);
  const where = actor.role === 'SUPERVISOR' ? { postId: actor.postId, closedAt: null } : { inspectorId: actor.userId, closedAt: null };
  const [total, rows] = await Promise.all([
    db.assignment.count({ where }),
    db.assignment.findMany({
      where,
      orderBy: [{ assignedAt: 'asc' }, { id: 'asc' }],
      skip: (args.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        assignedAt: true,
        inspector: { select: { officerNumber: true, name: true } },
        declaration: { select: { id: true, registrationNumber: true, regime: true, status: true, channel: true, registeredAt: true, company: { select: { name: true, tin: true } } } },
      },
    }),
  ]);
  return { total, page: args.page, pageSize: QUEUE_PAGE_SIZE, rows };
}

/** Officers see the declarations of their own post; another post's declaration does not exist for them. */
export async function getDeclarationForOfficer(args: { actor: Actor; declarationId: string }) {
  const { actor } = args;
  assertOfficer(actor);
  const declaration = await db.declaration.findFirst({
    where: { id: args.declarationId, postId: actor.postId, status: { not: 'DRAFT' } },
    include: {
      items: { orderBy: { lineNo: 'asc' } },
      company: { select: { name: true, tin: true, isAuthorisedEconomicOperator: true } },
      post: { select: { code: true, name: true } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      assignments: { where: { closedAt: null }, include: { inspector: { select: { id: true, officerNumber: true, name: true } } } },
    },
  });
  if (!declaration) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  const assignment = declaration.assignments[0] ?? null;
  return { declaration, assignment, isAssignedToMe: assignment?.inspector?.id === actor.userId };
}
