import { redirect } from 'next/navigation';
import { getActor } from '@/src/server/auth/session';
import { homeOf } from '@/lib/auth/roles';

// Each role lands on its own home.
export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homeOf(actor.role) : '/sign-in');
}
