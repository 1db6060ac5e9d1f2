// What release waits for, in words: the control the channel calls for, the payments, each item's
// missing permit with why. The list is decided by lib/officer/declaration-view `releaseWaits` (the
// same one release refuses on); nothing is shown once the declaration is final.
import { useTranslations } from 'next-intl';
import { Section } from '../ui/page';
import { Badge } from '../ui/badge';
import type { releaseWaits } from '@/lib/officer/declaration-view';

export function ReleaseSection({ waits }: { waits: ReturnType<typeof releaseWaits> }) {
  const t = useTranslations('officer');
  const ts = useTranslations('status');
  if (!waits) return null;
  return (
    <Section title={t('releaseWaitsTitle')}>
      {waits.isAutomatic ? <p className="mb-2">{t('releaseAutomatic')}</p> : null}
      {waits.lines.length === 0 ? (
        <p>
          <Badge tone="success">{t('releaseNothingWaitsBadge')}</Badge> {t('releaseNothingWaits')}
        </p>
      ) : (
        <ul className="space-y-1">
          {waits.lines.map((line, k) => (
            <li key={k}>
              <Badge tone="warning">{t('releaseWaitsBadge')}</Badge>{' '}
              {line.key === 'releaseWaitsStatus'
                ? t(line.key, { status: ts(line.status) })
                : line.key === 'releaseWaitsPayment' || line.key === 'releaseWaitsPermit'
                  ? t(line.key, line.values)
                  : t(line.key)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
