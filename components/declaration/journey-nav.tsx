import Link from 'next/link';
import { cx } from '../ui/cx';

export type JourneyStepLink = { key: string; label: string; href: string };

/** Where the trader is in the journey; every step can be revisited. */
export function JourneyNav({ steps, current, label }: { steps: JourneyStepLink[]; current: string; label: string }) {
  return (
    <nav aria-label={label} className="mb-6">
      <ol className="flex flex-wrap gap-2">
        {steps.map((s, i) => (
          <li key={s.key}>
            <Link
              href={s.href}
              aria-current={s.key === current ? 'step' : undefined}
              className={cx(
                'inline-block rounded border px-3 py-1 text-sm',
                s.key === current
                  ? 'border-slate-900 bg-slate-900 text-white'
                  : 'border-slate-400 bg-white text-blue-800 underline',
              )}
            >
              {i + 1}. {s.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
