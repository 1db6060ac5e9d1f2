// The officer's page: the requests for documents made on this declaration (a withdraw button on an
// open one) and the form to ask for more, for whoever may decide on it.
import { getTranslations } from 'next-intl/server';
import { Section } from '@/components/ui/page';
import { ActionButton } from '@/components/declaration/item-actions';
import { DocumentRequestList, type DocumentRequestView } from '@/components/declaration/document-requests';
import { RequestDocumentsForm } from '@/components/officer/document-request-forms';
import { canRequestDocuments } from '@/lib/declaration/document-requests';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import { dateColumnDay } from '@/lib/time';
import { requestDocumentsAction, cancelDocumentRequestAction } from '../document-request-actions';

export async function OfficerDocumentRequests({
  declarationId,
  version,
  status,
  canDecide,
  requests,
  today,
}: {
  declarationId: string;
  version: number;
  status: DeclarationStatus;
  canDecide: boolean;
  requests: readonly (Omit<DocumentRequestView, 'dueDate'> & { dueDate: Date })[];
  today: string;
}) {
  const t = await getTranslations('documentRequests');
  const to = await getTranslations('officer');
  const views = requests.map((r) => ({ ...r, dueDate: dateColumnDay(r.dueDate) }));
  const actions = canDecide
    ? Object.fromEntries(
        views
          .filter((r) => r.status === 'OPEN')
          .map((r) => [
            r.id,
            <ActionButton
              key={r.id}
              action={cancelDocumentRequestAction.bind(null, declarationId, r.id, version)}
              label={t('withdraw')}
              busyLabel={to('sending')}
            />,
          ]),
      )
    : {};
  return (
    <>
      {views.length > 0 ? (
        <Section title={t('officerTitle')}>
          <DocumentRequestList requests={views} today={today} actions={actions} />
        </Section>
      ) : null}
      {canDecide && canRequestDocuments(status) ? (
        <Section title={t('requestTitle')}>
          <p className="mb-3">{t('requestIntro')}</p>
          <RequestDocumentsForm action={requestDocumentsAction.bind(null, declarationId, version)} />
        </Section>
      ) : null}
    </>
  );
}
