import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeader, Section } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { LinkButton } from '@/components/ui/link-button';
import { JourneyNav } from '@/components/declaration/journey-nav';
import { DocumentForm } from '@/components/declaration/step-forms';
import { ActionButton } from '@/components/declaration/item-actions';
import { addDocumentAction, removeDocumentAction } from '../../actions';
import { loadEditableDeclaration, journeySteps } from '../load';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('journey');
  return { title: t('documentsTitle') };
}

export default async function DocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { declaration: d } = await loadEditableDeclaration(params);
  const t = await getTranslations('journey');
  const td = await getTranslations('declaration');
  const tDoc = await getTranslations('documentType');
  const format = await getFormatter();
  return (
    <>
      <JourneyNav steps={await journeySteps(d.id)} current="documents" label={t('stepsLabel')} />
      <PageHeader title={t('documentsTitle')} intro={t('documentsIntro')} />
      {d.documents.length === 0 ? (
        <p className="mb-6">{t('noDocuments')}</p>
      ) : (
        <div className="mb-6">
          <Table
            caption={t('documentsTitle')}
            head={[
              td('documentType'),
              td('documentNumber'),
              td('documentDate'),
              td('documentFileColumn'),
              t('actions'),
            ]}
          >
            {d.documents.map((doc) => (
              <tr key={doc.id}>
                <Td>{tDoc(doc.type)}</Td>
                <Td>{doc.number}</Td>
                <Td>{format.dateTime(doc.date, { dateStyle: 'medium', timeZone: 'UTC' })}</Td>
                <Td>
                  {doc.file ? (
                    <a
                      href={`/files/${doc.file.id}`}
                      target="_blank"
                      rel="noreferrer"
                      className="text-blue-800 underline"
                    >
                      {t('openFile', { name: doc.file.fileName })}
                    </a>
                  ) : (
                    t('noFile')
                  )}
                </Td>
                <Td>
                  <ActionButton
                    action={removeDocumentAction.bind(null, d.id, doc.id)}
                    label={t('removeDocument', { number: doc.number })}
                    busyLabel={t('working')}
                    variant="danger"
                  />
                </Td>
              </tr>
            ))}
          </Table>
        </div>
      )}
      <Section title={t('addDocumentTitle')}>
        <DocumentForm action={addDocumentAction.bind(null, d.id)} />
      </Section>
      <LinkButton href={`/trader/declarations/${d.id}/check`}>{t('continue')}</LinkButton>
    </>
  );
}
