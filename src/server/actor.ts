// The actor: the signed-in user on whose behalf a use case runs. Every use case receives one and
// checks it itself; the proxy is never the only check.
import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';

export type Actor = {
  userId: string;
  role: Role;
  email: string;
  name: string;
  companyId: string | null;
  postId: string | null;
  authorityId: string | null;
};

/** The actor of a user as stored (its role and scope are read from the row, never from the session). */
export function actorOfUser(user: {
  id: string;
  role: Role;
  email: string;
  name: string;
  companyId: string | null;
  postId: string | null;
  authorityId: string | null;
}): Actor {
  return {
    userId: user.id,
    role: user.role,
    email: user.email,
    name: user.name,
    companyId: user.companyId,
    postId: user.postId,
    authorityId: user.authorityId,
  };
}

export type TraderActor = Actor & { role: 'TRADER'; companyId: string };
export type OfficerActor = Actor & { role: 'INSPECTOR' | 'SUPERVISOR'; postId: string };
export type AgencyActor = Actor & { role: 'AGENCY_OFFICER'; authorityId: string };

export function assertRole<R extends Role>(actor: Actor, roles: readonly R[]): asserts actor is Actor & { role: R } {
  if (!roles.includes(actor.role as R)) throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
}

export function assertTrader(actor: Actor): asserts actor is TraderActor {
  assertRole(actor, ['TRADER']);
  if (!actor.companyId) throw new AppError('FORBIDDEN', 'Your account is not linked to a company.');
}

export function assertOfficer(actor: Actor): asserts actor is OfficerActor {
  assertRole(actor, ['INSPECTOR', 'SUPERVISOR']);
  if (!actor.postId) throw new AppError('FORBIDDEN', 'Your account is not linked to a customs post.');
}

export function assertAgencyOfficer(actor: Actor): asserts actor is AgencyActor {
  assertRole(actor, ['AGENCY_OFFICER']);
  if (!actor.authorityId) throw new AppError('FORBIDDEN', 'Your account is not linked to an authority.');
}
