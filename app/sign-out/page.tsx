import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page';
import { SignOutButton } from '@/components/auth/sign-out-button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signOut');
  return { title: t('title') };
}

export default async function SignOutPage() {
  const t = await getTranslations('signOut');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <SignOutButton label={t('submit')} />
    </>
  );
}
