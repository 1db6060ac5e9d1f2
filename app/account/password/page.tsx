import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { ROLES } from '@/lib/auth/roles';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/sessions';
import { PageHeader, Section } from '@/components/ui/page';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { SignOutEverywhere } from '@/components/auth/sign-out-everywhere';
import { changePasswordAction, signOutEverywhereAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('password.title') };
}

/** Every role's own account: its password and its sessions. */
export default async function ChangePasswordPage() {
  await requirePageActor(ROLES);
  const t = await getTranslations('account');
  return (
    <>
      <PageHeader title={t('password.title')} intro={t('password.intro')} />
      <div className="mb-10 max-w-md">
        <ChangePasswordForm action={changePasswordAction} minLength={PASSWORD_MIN_LENGTH} />
      </div>
      <Section title={t('everywhere.title')}>
        <p className="mb-4 max-w-2xl">{t('everywhere.intro')}</p>
        <SignOutEverywhere action={signOutEverywhereAction} />
      </Section>
    </>
  );
}
