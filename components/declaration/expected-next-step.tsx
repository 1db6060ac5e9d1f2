// "Expected time" on a declaration's page: when the service's next step should come, from its SLA
// settings (lib/declaration/expected-time.ts). Nothing at all when there is nothing to expect.
import { useFormatter, useTranslations } from 'next-intl';
import { targetParts, type ExpectedNextStep } from '@/lib/declaration/expected-time';

export function ExpectedNextStepNote({ expected }: { expected: ExpectedNextStep }) {
  const t = useTranslations('expectedTime');
  const format = useFormatter();
  if (expected.code === 'NONE') return null;
  let text: string;
  let isLate = false;
  switch (expected.code) {
    case 'AUTOMATIC':
      text = t('automatic');
      break;
    case 'RELEASE_AFTER_PAYMENT':
      text = t('releaseAfterPayment');
      break;
    case 'OFFICER_DECISION': {
      const parts = targetParts(expected.targetMinutes);
      const target = [
        parts.days ? t('days', { count: parts.days }) : '',
        parts.hours ? t('hours', { count: parts.hours }) : '',
        parts.minutes ? t('minutes', { count: parts.minutes }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      const values = {
        dueBy: format.dateTime(expected.dueBy, { dateStyle: 'medium', timeStyle: 'short' }),
        channel: t(`channel.${expected.channel}`),
        target,
      };
      isLate = expected.isOverdue;
      text = isLate ? t('officerOverdue', values) : t('officerDecision', values);
      break;
    }
    default: {
      const never: never = expected;
      return never;
    }
  }
  return (
    <p className={`mb-6 border-l-4 p-3 ${isLate ? 'border-amber-500 bg-amber-50' : 'border-slate-400 bg-slate-50'}`}>
      <span className="font-medium">{t('title')}:</span> {text}
    </p>
  );
}
