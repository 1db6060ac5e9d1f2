import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getServiceSettings } from '@/src/server/admin/service-settings';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { formatAmount } from '@/lib/money';
import { ServiceSettingsForm } from '@/components/admin/service-settings-form';
import { saveServiceSettingsAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('settings.title') };
}

/** Minutes as hours with at most two decimals (250 → 4.17). */
const formatHours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export default async function ServiceSettingsPage() {
  const actor = await requirePageActor(['ADMIN']);
  const t = await getTranslations('admin');
  const values = await getServiceSettings({ actor });
  return (
    <>
      <PageHeader title={t('settings.title')} intro={t('settings.intro')} />
      <Section title={t('settings.inForce')}>
        <SummaryList
          rows={[
            {
              label: t('settings.yellow'),
              value: t('settings.minutes', {
                minutes: String(values.yellowTargetMinutes),
                hours: formatHours(values.yellowTargetMinutes),
              }),
            },
            {
              label: t('settings.red'),
              value: t('settings.minutes', {
                minutes: String(values.redTargetMinutes),
                hours: formatHours(values.redTargetMinutes),
              }),
            },
            { label: t('settings.fourEyes'), value: t('settings.uzs', { amount: formatAmount(values.fourEyesLimit) }) },
          ]}
        />
      </Section>
      <ServiceSettingsForm action={saveServiceSettingsAction} values={values} />
    </>
  );
}
