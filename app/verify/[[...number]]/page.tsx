import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { verifySignedDocument, type VerifiedDocument } from '@/src/server/documents/verify';
import { parseVerificationRequest, verificationPath, type Verdict } from '@/lib/documents/verification';
import { documentView } from '@/lib/documents/view';
import { formatServiceMoment } from '@/lib/documents/format';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Badge, type Tone } from '@/components/ui/badge';
import { Table, Td } from '@/components/ui/table';
import { TextField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

// A verification is always answered from the database as it is now.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('verify');
  return { title: t('title'), robots: { index: false, follow: false } };
}

function verdictTone(verdict: Verdict): Tone {
  switch (verdict) {
    case 'GENUINE_CURRENT':
      return 'success';
    case 'SUPERSEDED':
    case 'REVOKED':
      return 'warning';
    case 'TAMPERED':
    case 'UNKNOWN':
      return 'danger';
    default: {
      const never: never = verdict;
      return never;
    }
  }
}

type Props = {
  params: Promise<{ number?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** /verify, /verify/<number…>?sig=<signature> (the QR code), /verify?number=<number> (the form). Public. */
export default async function VerifyPage({ params, searchParams }: Props) {
  const request = parseVerificationRequest({ segments: (await params).number, query: await searchParams });
  const result =
    request.type === 'CHECK'
      ? await verifySignedDocument({ number: request.number, presentedSignature: request.presentedSignature })
      : null;
  const verdict: Verdict | null = result ? result.verdict : request.type === 'INVALID' ? 'UNKNOWN' : null;
  const shownNumber = request.type === 'CHECK' ? request.number : request.type === 'INVALID' ? request.shown : '';
  const t = await getTranslations('verify');

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      {verdict ? (
        <Section title={t('resultTitle')}>
          <div className="rounded border border-slate-300 bg-white p-4">
            <p className="mb-2 text-lg">
              <Badge tone={verdictTone(verdict)}>{t(`verdict.${verdict}`)}</Badge>
            </p>
            <p className="mb-2">
              {request.type === 'INVALID' ? t('explanation.INVALID') : t(`explanation.${verdict}`)}
            </p>
            {result?.document ? null : (
              <p className="font-mono text-sm break-all text-slate-700">
                {t('checkedNumber', { number: shownNumber })}
              </p>
            )}
          </div>
        </Section>
      ) : null}
      {result?.document ? <DocumentDetails document={result.document} /> : null}
      <Section title={t('formTitle')}>
        <form action="/verify" method="get" className="flex max-w-xl flex-col gap-4">
          <TextField
            id="number"
            name="number"
            label={t('numberLabel')}
            hint={t('numberHint')}
            defaultValue={shownNumber}
            maxLength={80}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <div>
            <Button type="submit">{t('check')}</Button>
          </div>
        </form>
      </Section>
      <p className="text-sm text-slate-700">
        {t('keysIntro')}{' '}
        <a href="/.well-known/customs-signing-keys.json" className="text-blue-800 underline">
          {t('keysLink')}
        </a>
      </p>
    </>
  );
}

async function DocumentDetails({ document }: { document: VerifiedDocument }) {
  const t = await getTranslations('verify');
  const td = await getTranslations('signedDocument');
  const view = document.content ? documentView(document.content) : null;
  const rows = [
    { label: t('kind'), value: td(`kind.${document.kind}`) },
    { label: t('number'), value: <span className="font-mono">{document.number}</span> },
    { label: t('issuedAt'), value: formatServiceMoment(document.issuedAt.toISOString()) },
    { label: t('signingKey'), value: <span className="font-mono">{document.keyId}</span> },
  ];
  if (document.supersededBy) {
    rows.push({
      label: t('supersededBy'),
      value: (
        <Link href={verificationPath(document.supersededBy)} className="font-mono text-blue-800 underline">
          {document.supersededBy}
        </Link>
      ),
    });
  } else if (document.revokedAt) {
    rows.push({ label: t('revokedAt'), value: formatServiceMoment(document.revokedAt.toISOString()) });
  }
  return (
    <>
      <Section title={t('detailsTitle')}>
        <SummaryList rows={rows} />
      </Section>
      <Section title={t('contentTitle')}>
        {view ? (
          <>
            <SummaryList rows={view.fields.map((f) => ({ label: td(`fields.${f.key}`), value: f.value || '—' }))} />
            {view.tables
              .filter((table) => table.rows.length > 0)
              .map((table) => (
                <div key={table.key} className="mt-4">
                  <Table
                    caption={td(`tables.${table.key}`, { count: table.rows.length })}
                    head={table.columns.map((c) => td(`columns.${c.key}`))}
                  >
                    {table.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, i) => (
                          <Td
                            key={i}
                            className={table.columns[i].align === 'right' ? 'text-right tabular-nums' : undefined}
                          >
                            {cell}
                          </Td>
                        ))}
                      </tr>
                    ))}
                  </Table>
                </div>
              ))}
          </>
        ) : (
          <p>{document.isContentShown ? t('contentUnreadable') : t('contentHidden')}</p>
        )}
      </Section>
    </>
  );
}
