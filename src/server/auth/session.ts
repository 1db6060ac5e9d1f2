// Session → actor, for pages, server actions and route handlers. The actor is re-read from the
// database so that a deactivated user or a changed role takes effect at once.
import { getServerSession } from 'next-auth';
import { redirect, forbidden } from 'next/navigation';
import { authOptions } from './options';
import { db } from '../db';
import { actorOfUser, type Actor } from '../actor';
import type { Role } from '@/lib/auth/roles';

export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.actor?.userId;
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !user.isActive) return null;
  return actorOfUser(user);
}

/** For pages: anonymous → sign-in; signed in with another role → the 403 page. */
export async function requirePageActor(roles: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}
