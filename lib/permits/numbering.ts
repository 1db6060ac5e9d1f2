// Numbers of applications and permits, given by the portal, never typed by the officer.
//
//   permit       <type code>/<year>/<6-digit sequence>     PQ-IMP/2026/000042
//   application  A/<type code>/<year>/<6-digit sequence>   A/PQ-IMP/2026/000042
//
// The sequence runs per type and calendar year (Tashkent) and is gap-free for committed rows: the
// server takes the next one under a transaction-scoped advisory lock on the prefix. The permit
// number is also the number of its signed document (/verify/PQ-IMP/2026/000042).

export function permitNumberPrefix(typeCode: string, serviceDate: string): string {
  return `${typeCode}/${serviceDate.slice(0, 4)}/`;
}

export function applicationNumberPrefix(typeCode: string, serviceDate: string): string {
  return `A/${permitNumberPrefix(typeCode, serviceDate)}`;
}

/** The number after `last` (a number with this prefix, or null for the first). */
export function nextSequencedNumber(prefix: string, last: string | null): string {
  const previous =
    last && last.startsWith(prefix) && /^\d+$/.test(last.slice(prefix.length)) ? Number(last.slice(prefix.length)) : 0;
  return `${prefix}${String(previous + 1).padStart(6, '0')}`;
}
