import type { ReactNode } from 'react';

/** "What happens next", prominent and in plain words. */
export function NextActionPanel({
  title,
  children,
  tone,
}: {
  title: string;
  children: ReactNode;
  tone: 'action' | 'info' | 'done';
}) {
  const border =
    tone === 'action'
      ? 'border-amber-500 bg-amber-50'
      : tone === 'done'
        ? 'border-emerald-600 bg-emerald-50'
        : 'border-blue-500 bg-blue-50';
  return (
    <section aria-labelledby="next-action-title" className={`mb-8 border-l-8 p-4 ${border}`}>
      <h2 id="next-action-title" className="text-lg font-bold">
        {title}
      </h2>
      <div className="mt-1">{children}</div>
    </section>
  );
}
