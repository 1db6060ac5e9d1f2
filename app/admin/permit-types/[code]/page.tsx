import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getPermitTypeForAdmin, listAuthorities } from '@/src/server/permits/admin';
import { BackLink, PageHeader } from '@/components/ui/page';
import { PermitTypeForm } from '@/components/permits/forms';
import { isAppError } from '@/lib/errors';
import { ZPermitTypeCodeParam } from '@/lib/permits';
import { decodeSegmentOnce } from '@/lib/text';
import { updatePermitTypeAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('admin.editTitle') };
}

export default async function EditPermitTypePage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await requirePageActor(['ADMIN']);
  const parsed = ZPermitTypeCodeParam.safeParse({ code: decodeSegmentOnce((await params).code) });
  if (!parsed.success) notFound();
  const [type, authorities] = await Promise.all([
    getPermitTypeForAdmin({ actor, code: parsed.data.code }).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
      throw e;
    }),
    listAuthorities({ actor }),
  ]);
  const t = await getTranslations('permits');
  return (
    <>
      <BackLink href="/admin/permit-types">{t('admin.backToTypes')}</BackLink>
      <PageHeader title={t('admin.editHeading', { code: type.code })} intro={t('admin.editIntro')} />
      <PermitTypeForm
        action={updatePermitTypeAction.bind(null, type.code)}
        authorities={authorities.map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` }))}
        values={{
          code: type.code,
          name: type.name,
          authorityCode: type.authority.code,
          directions: type.directions,
          hsPrefixes: type.hsPrefixes.join(' '),
          validityDays: String(type.validityDays),
          scope: type.scope,
          requiredDocuments: type.requiredDocuments.join('\n'),
          fee: type.fee.toFixed(2),
          isFeeRefundable: type.isFeeRefundable,
          isActive: type.isActive,
        }}
        isNew={false}
        successHref="/admin/permit-types"
      />
    </>
  );
}
