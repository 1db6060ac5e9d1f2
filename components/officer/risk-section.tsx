// Why the risk engine chose the channel: the score, each reason in words, the instructions of the
// profiles that hit, and how many shadow profiles (tried out, not counted) matched.
import { useTranslations } from 'next-intl';
import { Section } from '../ui/page';
import { readStoredReasons } from '@/lib/risk/engine';
import { riskReasonsView, type RiskReasonLine } from '@/lib/officer/declaration-view';

export function RiskSection({
  risk,
}: {
  risk: { score: number; modelVersion: string | null; reasons: unknown } | null;
}) {
  const t = useTranslations('officer');
  const tch = useTranslations('channel');
  const text = (line: RiskReasonLine): string => {
    if (line.key === null) return line.text;
    if (line.key === 'reasonProfile') {
      const { forcedChannel, ...values } = line.values;
      return t(line.key, { ...values, forced: forcedChannel ? tch(forcedChannel) : '—' });
    }
    return t(line.key, line.values);
  };
  if (!risk) {
    return (
      <Section title={t('riskTitle')}>
        <p>{t('noRisk')}</p>
      </Section>
    );
  }
  const view = riskReasonsView(readStoredReasons(risk.reasons));
  return (
    <Section title={t('riskTitle')}>
      <p className="mb-2">{t('riskSummary', { score: risk.score, model: risk.modelVersion ?? t('noModel') })}</p>
      <ul className="mb-2 list-disc space-y-1 pl-6">
        {view.lines.map((line, i) => (
          <li key={i}>{text(line)}</li>
        ))}
      </ul>
      {view.instructions.map((instruction) => (
        <p key={instruction.profileId} className="mb-2 border-l-4 border-blue-500 bg-blue-50 p-3">
          <strong>{t('instructions')}:</strong> {instruction.text}
        </p>
      ))}
      {view.shadowCount > 0 ? (
        <p className="text-sm text-slate-600">{t('shadowHits', { count: view.shadowCount })}</p>
      ) : null}
    </Section>
  );
}
