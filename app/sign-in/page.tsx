import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { SignInForm } from '@/components/auth/sign-in-form';
import { PageHeader } from '@/components/ui/page';
import { getActor } from '@/src/server/auth/session';
import { homeOf } from '@/lib/auth/roles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

const ZSignInQuery = z.object({ callbackUrl: z.string().max(500).optional().catch(undefined) });

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await getActor();
  if (actor) redirect(homeOf(actor.role));
  const t = await getTranslations('signIn');
  const query = ZSignInQuery.parse(await searchParams);
  let callbackUrl: string | null = null;
  if (query.callbackUrl) {
    try {
      // next-auth hands over an absolute URL; keep only its path on this site.
      const url = new URL(query.callbackUrl, 'http://localhost');
      callbackUrl = `${url.pathname}${url.search}`;
    } catch {
      callbackUrl = null;
    }
  }
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
