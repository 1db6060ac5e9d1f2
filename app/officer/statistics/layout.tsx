import type { ReactNode } from 'react';
import { requirePageActor } from '@/src/server/auth/session';

// Who may see this page is decided here, above loading.tsx: a visitor who is refused gets a real
// 403 (or the sign-in redirect) before anything streams, not a 200 carrying the refusal.
export default async function Layout({ children }: { children: ReactNode }) {
  await requirePageActor(['SUPERVISOR']);
  return children;
}
