import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listActivePosts } from '@/src/server/reference/posts';
import { PageHeader } from '@/components/ui/page';
import { DeclarationForm } from '@/components/declaration/declaration-form';
import { saveDraftAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('declaration');
  return { title: t('newTitle') };
}

export default async function NewDeclarationPage() {
  await requirePageActor(['TRADER']);
  const t = await getTranslations('declaration');
  const posts = await listActivePosts();
  return (
    <>
      <PageHeader title={t('newTitle')} intro={t('newIntro')} />
      <DeclarationForm posts={posts.map((p) => ({ code: p.code, name: p.name }))} saveDraft={saveDraftAction} />
    </>
  );
}
