'use client';
// The personal account's forms. Labels come from the `payments` catalogue; the server action does
// the real checks (these only collect input).
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormText, FormTextarea } from '../form/fields';

type Action<T = unknown> = (formData: FormData) => Promise<FormActionResult<T>>;

function useLabels() {
  const tc = useTranslations('common');
  return { errorTitle: tc('errorSummaryTitle'), errorPrefix: tc('errorPrefix') };
}

/**
 * One-click payment of what a declaration owes. The idempotency key was generated when the page was
 * rendered: a double click or a resubmitted form debits once.
 */
export function PayForm({
  action,
  idempotencyKey,
  amount,
  label,
}: {
  action: Action;
  idempotencyKey: string;
  amount: string;
  label: string;
}) {
  const t = useTranslations('payments');
  return (
    <ActionForm
      action={action}
      submitLabel={label}
      busyLabel={t('pay.busy')}
      {...useLabels()}
      className="flex flex-col gap-3"
    >
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="amount" value={amount} />
    </ActionForm>
  );
}

export function CreditOverpaymentForm({ action, amount, label }: { action: Action; amount: string; label: string }) {
  const t = useTranslations('payments');
  return (
    <ActionForm
      action={action}
      submitLabel={label}
      busyLabel={t('overpaid.busy')}
      {...useLabels()}
      className="flex flex-col gap-3"
    >
      <input type="hidden" name="amount" value={amount} />
    </ActionForm>
  );
}

/** Start a top-up; on success the browser goes to the gateway's checkout. */
export function TopUpForm({ action }: { action: Action<{ id: string; checkoutUrl: string }> }) {
  const t = useTranslations('payments');
  return (
    <ActionForm
      action={action}
      submitLabel={t('topUp.button')}
      busyLabel={t('topUp.busy')}
      {...useLabels()}
      onSuccess={(data) => window.location.assign(data.checkoutUrl)}
    >
      <FormText
        name="amount"
        label={t('topUp.amount')}
        hint={t('topUp.amountHint')}
        inputMode="decimal"
        autoComplete="off"
        className="max-w-sm"
      />
    </ActionForm>
  );
}

export function RefundRequestForm({ action }: { action: Action }) {
  const t = useTranslations('payments');
  return (
    <ActionForm
      action={action}
      submitLabel={t('refunds.button')}
      busyLabel={t('refunds.busy')}
      {...useLabels()}
      resetOnSuccess
    >
      <FormText
        name="amount"
        label={t('refunds.amount')}
        hint={t('refunds.amountHint')}
        inputMode="decimal"
        autoComplete="off"
        className="max-w-sm"
      />
      <FormTextarea name="reason" label={t('refunds.reason')} hint={t('refunds.reasonHint')} rows={3} />
    </ActionForm>
  );
}

export function RefundDecisionForms({ approve, refuse }: { approve: Action; refuse: Action }) {
  const t = useTranslations('payments');
  const labels = useLabels();
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section aria-labelledby="approve-title" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="approve-title" className="mb-3 text-lg font-semibold">
          {t('finance.approveTitle')}
        </h2>
        <ActionForm action={approve} submitLabel={t('finance.approve')} busyLabel={t('finance.busy')} {...labels}>
          <FormTextarea name="approvalNote" label={t('finance.approveNote')} rows={2} />
        </ActionForm>
      </section>
      <section aria-labelledby="refuse-title" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="refuse-title" className="mb-3 text-lg font-semibold">
          {t('finance.refuseTitle')}
        </h2>
        <ActionForm action={refuse} submitLabel={t('finance.refuse')} busyLabel={t('finance.busy')} {...labels}>
          <FormTextarea name="refusalReason" label={t('finance.refuseNote')} rows={2} />
        </ActionForm>
      </section>
    </div>
  );
}
