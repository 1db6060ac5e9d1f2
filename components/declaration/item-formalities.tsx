// One item's permit formalities as a list: each requirement satisfied (by which linked permit), not
// linked yet (a permit the company holds would cover it) or missing (and why). Shared by the
// trader's check-your-answers page, the linking page and the officer's declaration page; each passes
// its own words.
import { Badge } from '../ui/badge';
import type { RequirementStatus } from '@/lib/permits';

type Labels = {
  satisfied: string;
  missing: string;
  /** A requirement a held permit could satisfy once linked (HELD mode); "missing" when not given. */
  notLinked?: string;
  /** Shown when the item needs no permit. */
  none: string;
  /** Between a requirement's alternative permit types. */
  or: string;
};

export function ItemFormalities({
  requirements,
  labels,
  permitText,
}: {
  requirements: readonly RequirementStatus[] | undefined;
  labels: Labels;
  permitText: (permitNumber: string) => string;
}) {
  if (!requirements || requirements.length === 0) return <span className="text-sm">{labels.none}</span>;
  return (
    <ul className="space-y-1">
      {requirements.map((r, k) => (
        <li key={k}>
          {r.status === 'SATISFIED' ? (
            <Badge tone="success">{labels.satisfied}</Badge>
          ) : r.linkable && labels.notLinked ? (
            <Badge tone="warning">{labels.notLinked}</Badge>
          ) : (
            <Badge tone="danger">{labels.missing}</Badge>
          )}{' '}
          <span className="text-sm">{r.requirement.alternatives.join(labels.or)}</span>
          {/* A satisfied requirement names its permit; a missing one says why. */}
          {r.status === 'SATISFIED' && r.permit ? (
            <span className="block text-sm text-slate-700">{permitText(r.permit.number)}</span>
          ) : null}
          {r.status === 'MISSING' && r.reason ? <span className="block text-sm text-slate-700">{r.reason}</span> : null}
        </li>
      ))}
    </ul>
  );
}
