// The permits release waits for, item by item, each with why and what to do: link the permit the
// company holds, or apply for one (the application starts from the declaration's line) and link it.
// Shown in the trader's next action and as the warning on check-your-answers.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { PermitBlocker } from '@/lib/declaration/release-blockers';
import { applyForLineHref } from '@/lib/permits/prefill';

type Item = { lineNo: number; hsCode: string; description: string };

export function PermitBlockerList({
  declarationId,
  blockers,
  items,
}: {
  declarationId: string;
  blockers: readonly PermitBlocker[];
  items: readonly Item[];
}) {
  const t = useTranslations('permitBlockers');
  const byLine = new Map(items.map((i) => [i.lineNo, i]));
  const permitsPage = `/trader/declarations/${declarationId}/permits`;
  return (
    <ul className="mt-2 space-y-3">
      {blockers.map((b, k) => {
        const item = byLine.get(b.lineNo);
        const types = b.alternatives.join(t('or'));
        return (
          <li key={k}>
            <span className="font-medium">
              {t('item', { line: b.lineNo, description: item?.description ?? '', hsCode: item?.hsCode ?? '' })}
            </span>
            <span className="block">{t('needs', { types, reason: b.reason })}</span>
            <span className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {b.linkable ? (
                <Link href={permitsPage} className="text-blue-800 underline">
                  {t('linkHeld', { number: b.linkable.number, line: b.lineNo })}
                </Link>
              ) : (
                <>
                  <Link
                    href={applyForLineHref(
                      declarationId,
                      b.lineNo,
                      b.alternatives.length === 1 ? b.alternatives[0] : undefined,
                    )}
                    className="text-blue-800 underline"
                  >
                    {t('apply', { types, line: b.lineNo })}
                  </Link>
                  <Link href={permitsPage} className="text-blue-800 underline">
                    {t('link', { line: b.lineNo })}
                  </Link>
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The warning on check-your-answers: release will wait for these permits; submitting is still allowed. */
export function PermitWarnings(props: {
  declarationId: string;
  blockers: readonly PermitBlocker[];
  items: readonly Item[];
}) {
  const t = useTranslations('permitBlockers');
  if (props.blockers.length === 0) return null;
  return (
    <section aria-labelledby="permit-warnings-title" className="mb-6 border-4 border-amber-500 bg-amber-50 p-4">
      <h2 id="permit-warnings-title" className="text-lg font-bold">
        {t('warning')} {t('checkTitle', { count: props.blockers.length })}
      </h2>
      <p className="mt-1">{t('checkIntro')}</p>
      <PermitBlockerList {...props} />
    </section>
  );
}
