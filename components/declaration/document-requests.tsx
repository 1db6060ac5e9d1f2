// The officers' requests for documents on a declaration, as the trader and the officer both read
// them: which documents, why, by when, the state as text and colour, and what was uploaded for
// each. Presentational; each page passes what may be done next to a request (`actions`).
import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '../ui/badge';
import {
  documentRequestState,
  documentRequestTone,
  type DocumentRequestStatus,
} from '@/lib/declaration/document-requests';
import type { DocumentType } from '@/lib/reference/customs';
import { asDateColumn } from '@/lib/time';

export type DocumentRequestView = {
  id: string;
  documentTypes: readonly DocumentType[];
  reason: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: DocumentRequestStatus;
  createdAt: Date;
  closedAt: Date | null;
  closedReason: string | null;
  documents: readonly {
    id: string;
    type: DocumentType;
    number: string;
    file: { id: string; fileName: string } | null;
  }[];
};

export function DocumentRequestList({
  requests,
  today,
  actions = {},
}: {
  requests: readonly DocumentRequestView[];
  /** The service's calendar date (YYYY-MM-DD): an open request past its due date shows as overdue. */
  today: string;
  /** What may be done next, per request id (an upload form, a withdraw button). */
  actions?: Record<string, ReactNode>;
}) {
  const t = useTranslations('documentRequests');
  const tDoc = useTranslations('documentType');
  const format = useFormatter();
  const day = (date: string) => format.dateTime(asDateColumn(date), { dateStyle: 'medium', timeZone: 'UTC' });
  const when = (at: Date) => format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="flex flex-col gap-4">
      {requests.map((r) => {
        const state = documentRequestState(r, today);
        const uploaded = new Set(r.documents.map((d) => d.type));
        return (
          <li key={r.id} className="rounded border border-slate-300 bg-white p-4">
            <h3 className="mb-2 flex flex-wrap items-center gap-3 text-lg font-semibold">
              {t('requestHeading', { date: when(r.createdAt) })}
              <Badge tone={documentRequestTone(state)}>{t(`state.${state}`)}</Badge>
            </h3>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium">{t('documentsAsked')}</dt>
              <dd>
                <ul className="list-none">
                  {r.documentTypes.map((type) => (
                    <li key={type}>
                      {tDoc(type)} — {uploaded.has(type) ? t('uploaded') : t('stillNeeded')}
                    </li>
                  ))}
                </ul>
              </dd>
              <dt className="font-medium">{t('reason')}</dt>
              <dd className="whitespace-pre-line">{r.reason}</dd>
              <dt className="font-medium">{t('dueDate')}</dt>
              <dd>{day(r.dueDate)}</dd>
              {r.closedAt ? (
                <>
                  <dt className="font-medium">{t('closed')}</dt>
                  <dd>{r.closedReason ? `${when(r.closedAt)} — ${r.closedReason}` : when(r.closedAt)}</dd>
                </>
              ) : null}
            </dl>
            {r.documents.length > 0 ? (
              <>
                <h4 className="mt-3 font-medium">{t('uploadedDocuments')}</h4>
                <ul className="list-disc pl-6">
                  {r.documents.map((doc) => (
                    <li key={doc.id}>
                      {`${tDoc(doc.type)} ${doc.number}`}{' '}
                      {doc.file ? (
                        <a
                          href={`/files/${doc.file.id}`}
                          target="_blank"
                          rel="noreferrer"
                          className="text-blue-800 underline"
                        >
                          {t('openFile', { name: doc.file.fileName })}
                        </a>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {actions[r.id] ? <div className="mt-4">{actions[r.id]}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}
