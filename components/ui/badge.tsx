// Status as text plus colour, never colour alone.
import { cx } from './cx';

const TONES = {
  neutral: 'bg-slate-100 text-slate-800 border-slate-400',
  info: 'bg-blue-50 text-blue-900 border-blue-400',
  success: 'bg-emerald-50 text-emerald-900 border-emerald-500',
  warning: 'bg-amber-50 text-amber-900 border-amber-500',
  danger: 'bg-red-50 text-red-900 border-red-500',
} as const;
export type Tone = keyof typeof TONES;

export function Badge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span className={cx('inline-block rounded border px-2 py-0.5 text-sm font-medium whitespace-nowrap', TONES[tone])}>
      {children}
    </span>
  );
}
