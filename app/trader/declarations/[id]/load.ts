// Shared by the journey's pages: the signed-in trader's declaration, or the 404 page.
import { notFound, redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getDeclarationForTrader } from '@/src/server/declarations/read';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { isEditableByTrader } from '@/lib/declaration/lifecycle';
import type { JourneyStepLink } from '@/components/declaration/journey-nav';
import type { CopiedFromNotice } from '@/components/declaration/copied-from-notice';

export async function loadTraderDeclaration(params: Promise<{ id: string }>) {
  const actor = await requirePageActor(['TRADER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  try {
    return { actor, declaration: await getDeclarationForTrader({ actor, declarationId: parsed.data.id }) };
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

/** For the journey's steps: a declaration that can no longer be changed goes to its overview. */
export async function loadEditableDeclaration(params: Promise<{ id: string }>) {
  const loaded = await loadTraderDeclaration(params);
  if (!isEditableByTrader(loaded.declaration.status)) redirect(`/trader/declarations/${loaded.declaration.id}`);
  return loaded;
}

export async function journeySteps(id: string): Promise<JourneyStepLink[]> {
  const t = await getTranslations('journey');
  const base = `/trader/declarations/${id}`;
  return [
    { key: 'parties', label: t('stepParties'), href: `${base}/parties` },
    { key: 'transport', label: t('stepTransport'), href: `${base}/transport` },
    { key: 'items', label: t('stepItems'), href: `${base}/items` },
    { key: 'documents', label: t('stepDocuments'), href: `${base}/documents` },
    { key: 'check', label: t('stepCheck'), href: `${base}/check` },
  ];
}

/** What the copied-from notice says about a copy (null when the declaration is no copy). */
export async function copiedFromNotice(d: {
  status: string;
  copiedFromId: string | null;
  copiedFrom: { id: string; registrationNumber: string | null; createdAt: Date } | null;
}): Promise<Parameters<typeof CopiedFromNotice>[0] | null> {
  if (!d.copiedFromId) return null;
  const t = await getTranslations('declaration');
  const format = await getFormatter();
  const source = d.copiedFrom;
  return {
    text: !source
      ? t('copiedFromGone')
      : source.registrationNumber
        ? t('copiedFrom', { number: source.registrationNumber })
        : t('copiedFromDraft', { date: format.dateTime(source.createdAt, { dateStyle: 'medium' }) }),
    link: source ? { href: `/trader/declarations/${source.id}`, label: t('copiedFromLink') } : undefined,
    check: d.status === 'DRAFT' ? t('copiedCheck') : undefined,
  };
}
