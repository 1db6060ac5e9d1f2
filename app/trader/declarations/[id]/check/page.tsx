import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getCheckYourAnswers } from '@/src/server/declarations/read';
import { now } from '@/src/server/clock';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { JourneyNav } from '@/components/declaration/journey-nav';
import { ProblemList } from '@/components/declaration/problem-list';
import { ItemFormalities } from '@/components/declaration/item-formalities';
import { SubmitDeclaration } from '@/components/declaration/submit-declaration';
import { PermitWarnings } from '@/components/declaration/permit-blockers';
import { formatAmount } from '@/lib/money';
import { fieldHref } from '@/lib/declaration/field-steps';
import { submitDeclarationAction } from '../../actions';
import { deleteDraftAction } from '../../draft-actions';
import { DeleteDraft } from '@/components/declaration/delete-draft';
import { loadEditableDeclaration, journeySteps } from '../load';
import { AppliedRates } from '@/components/declaration/applied-rates';
import { appliedPaymentsOf } from '@/lib/duties/applied-rate';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('journey');
  return { title: t('checkTitle') };
}

export default async function CheckYourAnswersPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, declaration: loaded } = await loadEditableDeclaration(params);
  const check = await getCheckYourAnswers({ actor, declarationId: loaded.id, now: now() });
  const d = check.declaration;
  const t = await getTranslations('journey');
  const td = await getTranslations('declaration');
  const tRegime = await getTranslations('regime');
  const tMode = await getTranslations('transportMode');
  const tDoc = await getTranslations('documentType');
  const tPay = await getTranslations('paymentType');
  const tPermits = await getTranslations('permits');
  const tBlockers = await getTranslations('permitBlockers');
  const tRates = await getTranslations('rates');
  const format = await getFormatter();
  const base = `/trader/declarations/${d.id}`;
  const change = (step: string, what: string) => (
    <Link href={`${base}/${step}`} className="text-blue-800 underline">
      {t('change')} <span className="sr-only">{what}</span>
    </Link>
  );
  const estimateByLine = new Map(check.estimate?.items.map((i) => [i.lineNo, i]) ?? []);
  const formalitiesByLine = new Map(check.formalities.map((f) => [f.lineNo, f]));
  const formalityLabels = {
    satisfied: t('satisfied'),
    missing: t('missing'),
    notLinked: t('notLinked'),
    none: t('noPermitsNeeded'),
    or: t('or'),
  };
  const isAmendment = d.status === 'AMENDMENT_REQUESTED';
  const problems = check.problems.map((p) => ({ href: fieldHref(d.id, p.path), message: p.message }));
  return (
    <>
      <JourneyNav steps={await journeySteps(d.id)} current="check" label={t('stepsLabel')} />
      <PageHeader title={t('checkTitle')} intro={isAmendment ? t('checkIntroAmendment') : t('checkIntro')} />
      {isAmendment && d.currentReason ? (
        <p className="mb-6 border-l-4 border-amber-500 bg-amber-50 p-3">
          {t('officerAsked', { message: d.currentReason })}
        </p>
      ) : null}
      <ProblemList title={t('problemsTitle', { count: problems.length })} problems={problems} />
      {/* A warning, not a problem: the declaration may be submitted, release waits for these. */}
      <PermitWarnings declarationId={d.id} blockers={check.permitBlockers} items={d.items} />

      <Section title={t('stepParties')}>
        <SummaryList
          rows={[
            { label: td('regime'), value: tRegime(d.regime) },
            { label: td('post'), value: d.post ? `${d.post.code} ${d.post.name}` : '—' },
            { label: td('declarant'), value: `${d.company.name} (TIN ${d.company.tin})` },
            {
              label: td('consignorName'),
              value: `${d.consignorName ?? '—'}, ${d.consignorCountry ?? ''}, ${d.consignorAddress ?? ''}`,
            },
            {
              label: td('consigneeName'),
              value: `${d.consigneeName ?? '—'}, ${d.consigneeCountry ?? ''}, ${d.consigneeAddress ?? ''}`,
            },
            { label: '', value: change('parties', t('stepParties')) },
          ]}
        />
      </Section>

      <Section title={t('stepTransport')}>
        <SummaryList
          rows={[
            { label: t('route'), value: `${d.dispatchCountry ?? '—'} → ${d.destinationCountry ?? '—'}` },
            { label: td('transportMode'), value: d.transportMode ? tMode(d.transportMode) : '—' },
            { label: td('transportDocument'), value: d.transportDocument ?? '—' },
            { label: td('incoterm'), value: d.incoterm ?? '—' },
            {
              label: td('invoiceTotal'),
              value: d.invoiceTotal ? `${formatAmount(d.invoiceTotal.toString())} ${d.invoiceCurrency ?? ''}` : '—',
            },
            {
              label: t('freightAndInsurance'),
              value: `${d.freight ? formatAmount(d.freight.toString()) : '—'} / ${d.insurance ? formatAmount(d.insurance.toString()) : '—'}`,
            },
            { label: '', value: change('transport', t('stepTransport')) },
          ]}
        />
      </Section>

      <Section title={t('estimateTitle')}>
        <p className="mb-3 text-slate-700">{t('estimateIntro', { date: check.estimateDate })}</p>
        {check.estimateProblems.length > 0 ? (
          <ul className="mb-3 list-disc pl-6 text-red-800">
            {check.estimateProblems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        ) : null}
        <Table
          caption={t('estimateTitle')}
          head={[
            td('line'),
            td('hsCode'),
            td('description'),
            t('formalities'),
            t('customsValue'),
            tPay('DUTY'),
            tPay('EXCISE'),
            tPay('VAT'),
          ]}
        >
          {d.items.map((i) => {
            const est = estimateByLine.get(i.lineNo);
            const pay = (type: string) => est?.payments.find((p) => p.type === type)?.amount;
            return (
              <tr key={i.id}>
                <Td>{i.lineNo}</Td>
                <Td className="font-mono">{i.hsCode}</Td>
                <Td>{i.description}</Td>
                <Td>
                  <ItemFormalities
                    requirements={formalitiesByLine.get(i.lineNo)?.requirements}
                    labels={formalityLabels}
                    permitText={(number) => t('byPermit', { number })}
                  />
                </Td>
                <Td>{est ? formatAmount(est.customsValue) : '—'}</Td>
                <Td>{pay('DUTY') ? formatAmount(pay('DUTY')!) : '—'}</Td>
                <Td>{pay('EXCISE') ? formatAmount(pay('EXCISE')!) : '—'}</Td>
                <Td>{pay('VAT') ? formatAmount(pay('VAT')!) : '—'}</Td>
              </tr>
            );
          })}
        </Table>
        {check.estimate ? (
          <div className="mt-4">
            <SummaryList
              rows={[
                { label: t('totalCustomsValue'), value: `${formatAmount(check.estimate.customsValue)} UZS` },
                { label: tPay('DUTY'), value: `${formatAmount(check.estimate.totals.DUTY)} UZS` },
                { label: tPay('EXCISE'), value: `${formatAmount(check.estimate.totals.EXCISE)} UZS` },
                { label: tPay('VAT'), value: `${formatAmount(check.estimate.totals.VAT)} UZS` },
                { label: tPay('FEE'), value: `${formatAmount(check.estimate.totals.FEE)} UZS` },
                { label: t('totalPayable'), value: <strong>{`${formatAmount(check.estimate.payable)} UZS`}</strong> },
                ...(check.estimate.isSecured
                  ? [{ label: t('totalSecured'), value: `${formatAmount(check.estimate.secured)} UZS` }]
                  : []),
              ]}
            />
          </div>
        ) : null}
        {check.estimate ? (
          <AppliedRates items={d.items} payments={appliedPaymentsOf(check.estimate)} intro={tRates('introEstimate')} />
        ) : null}
        <p className="mt-2 flex flex-wrap gap-4">
          {change('items', t('stepItems'))}
          <Link href={`${base}/permits`} className="text-blue-800 underline">
            {tPermits('link.fromCheck')}
          </Link>
        </p>
      </Section>

      <Section title={t('stepDocuments')}>
        {d.documents.length === 0 ? (
          <p>{t('noDocuments')}</p>
        ) : (
          <ul className="list-disc pl-6">
            {d.documents.map((doc) => (
              <li
                key={doc.id}
              >{`${tDoc(doc.type)} ${doc.number}, ${format.dateTime(doc.date, { dateStyle: 'medium', timeZone: 'UTC' })}${doc.file ? ` (${doc.file.fileName})` : ''}`}</li>
            ))}
          </ul>
        )}
        <p className="mt-2">{change('documents', t('stepDocuments'))}</p>
      </Section>

      <Section title={isAmendment ? t('resubmitTitle') : td('submitTitle')}>
        {problems.length > 0 ? (
          <p className="font-medium">{t('cannotSubmitYet')}</p>
        ) : (
          <>
            <p className="mb-4">{isAmendment ? t('resubmitIntro') : td('submitIntro')}</p>
            {check.permitBlockers.length > 0 ? <p className="mb-4 font-medium">{tBlockers('submitWarning')}</p> : null}
            <SubmitDeclaration
              submit={submitDeclarationAction.bind(null, d.id)}
              label={isAmendment ? t('resubmit') : td('submit')}
              successHref={base}
              declarationId={d.id}
            />
          </>
        )}
      </Section>

      {d.status === 'DRAFT' ? (
        <DeleteDraftSection id={d.id} consignor={d.consignorName} createdAt={d.createdAt} />
      ) : null}
    </>
  );
}

async function DeleteDraftSection({
  id,
  consignor,
  createdAt,
}: {
  id: string;
  consignor: string | null;
  createdAt: Date;
}) {
  const t = await getTranslations('drafts');
  const format = await getFormatter();
  const name = t('draftName', {
    consignor: consignor ?? t('noConsignor'),
    created: format.dateTime(createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
  });
  return (
    <Section title={t('deleteSection')}>
      <p className="mb-3">{t('deleteIntro')}</p>
      <DeleteDraft
        action={deleteDraftAction.bind(null, id)}
        name={name}
        question={t('deleteQuestion', { name })}
        successHref="/trader?deleted=1"
      />
    </Section>
  );
}
