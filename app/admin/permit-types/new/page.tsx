import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listAuthorities } from '@/src/server/permits/admin';
import { BackLink, PageHeader } from '@/components/ui/page';
import { PermitTypeForm } from '@/components/permits/forms';
import { createPermitTypeAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('admin.newTitle') };
}

export default async function NewPermitTypePage() {
  const actor = await requirePageActor(['ADMIN']);
  const t = await getTranslations('permits');
  const authorities = await listAuthorities({ actor });
  return (
    <>
      <BackLink href="/admin/permit-types">{t('admin.backToTypes')}</BackLink>
      <PageHeader title={t('admin.newTitle')} intro={t('admin.newIntro')} />
      <PermitTypeForm
        action={createPermitTypeAction}
        authorities={authorities.map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` }))}
        values={{
          code: '',
          name: '',
          authorityCode: '',
          directions: [],
          hsPrefixes: '',
          validityDays: '',
          scope: 'QUANTITY',
          requiredDocuments: '',
          fee: '0.00',
          isFeeRefundable: false,
          isActive: true,
        }}
        isNew
        successHref="/admin/permit-types"
      />
    </>
  );
}
