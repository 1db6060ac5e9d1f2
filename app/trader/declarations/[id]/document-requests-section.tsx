// The declaration page's requests for documents: what the officer asked for, and for each open
// request the form to upload the documents (the declaration itself stays as it is).
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/src/server/actor';
import { listDocumentRequestsForTrader } from '@/src/server/declarations/document-requests';
import { now } from '@/src/server/clock';
import { Section } from '@/components/ui/page';
import { DocumentRequestList } from '@/components/declaration/document-requests';
import { RequestedDocumentForm } from '@/components/declaration/requested-document-form';
import { canRequestDocuments, missingDocumentTypes } from '@/lib/declaration/document-requests';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import { serviceDate } from '@/lib/time';
import { uploadRequestedDocumentAction } from '../document-request-actions';

export async function DocumentRequestsSection({
  actor,
  declarationId,
  status,
}: {
  actor: Actor;
  declarationId: string;
  status: DeclarationStatus;
}) {
  const requests = await listDocumentRequestsForTrader({ actor, declarationId });
  if (requests.length === 0) return null;
  const t = await getTranslations('documentRequests');
  const isAnswerable = canRequestDocuments(status);
  const open = requests.filter((r) => r.status === 'OPEN');
  const actions = Object.fromEntries(
    isAnswerable
      ? open.map((r, i) => [
          r.id,
          <RequestedDocumentForm
            key={r.id}
            action={uploadRequestedDocumentAction.bind(null, declarationId, r.id)}
            documentTypes={r.documentTypes}
            stillNeeded={missingDocumentTypes(
              r.documentTypes,
              r.documents.map((d) => d.type),
            )}
            idPrefix={`request-${i + 1}-`}
          />,
        ])
      : [],
  );
  return (
    <Section title={t('traderTitle')}>
      <p className="mb-4">{open.length > 0 && isAnswerable ? t('traderIntroOpen') : t('traderIntroClosed')}</p>
      <DocumentRequestList requests={requests} today={serviceDate(now())} actions={actions} />
    </Section>
  );
}
