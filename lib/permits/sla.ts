// The agency desk's SLA clock. Pure: `now` is passed in.
//
// TARGET. A decision within N working days of submission; N is the Setting `permit.sla`
//   ({ "workingDays": N }), 2 when it is absent or unreadable.
// WORKING TIME. Monday to Friday, whole calendar days in Tashkent (UTC+5); Saturdays and Sundays do
//   not count. Public holidays are not modelled (the catalogue of holidays is not reference data
//   yet): on a holiday the clock runs.
// STOPPING THE CLOCK. While the authority waits for the trader's answer (INFO_REQUESTED) the clock
//   stops: from an officer's question to the trader's next message. It starts at the first
//   submission and ends at the decision (issue or refusal), or now.
// STATES. Pending: ON_TIME; DUE_SOON from 75% of the target; OVERDUE past it; STOPPED while waiting
//   for the trader (unless already overdue). Decided: MET or MISSED.
const DAY_MS = 86_400_000;
const OFFSET_MS = 5 * 3600_000;

export const SLA_SETTING_KEY = 'permit.sla';
export const DEFAULT_SLA_WORKING_DAYS = 2;
export const DUE_SOON_SHARE = 0.75;

/** Milliseconds of working time (Mon–Fri in Tashkent) in [from, to). */
export function workingMsBetween(from: Date, to: Date): number {
  const end = to.getTime();
  let t = from.getTime();
  let total = 0;
  while (t < end) {
    const localDayStart = Math.floor((t + OFFSET_MS) / DAY_MS) * DAY_MS;
    const nextDay = localDayStart + DAY_MS - OFFSET_MS;
    const stop = Math.min(end, nextDay);
    const weekday = new Date(localDayStart).getUTCDay();
    if (weekday !== 0 && weekday !== 6) total += stop - t;
    t = stop;
  }
  return total;
}

export type SlaMessage = { at: Date; by: 'AUTHORITY' | 'TRADER' };
export type SlaState = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE' | 'STOPPED' | 'MET' | 'MISSED';
export type SlaClock = { elapsedMs: number; targetMs: number; state: SlaState };

/** Periods waiting for the trader: from an authority's question to the trader's next message (or `end`). */
export function waitingPeriods(messages: readonly SlaMessage[], end: Date): Array<{ from: Date; to: Date }> {
  const periods: Array<{ from: Date; to: Date }> = [];
  let since: Date | null = null;
  for (const m of [...messages].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (m.by === 'AUTHORITY' && !since) since = m.at;
    else if (m.by === 'TRADER' && since) {
      periods.push({ from: since, to: m.at });
      since = null;
    }
  }
  if (since) periods.push({ from: since, to: end });
  return periods;
}

export function slaClock(args: {
  submittedAt: Date;
  messages: readonly SlaMessage[];
  /** The decision's moment, or null while pending. */
  decidedAt: Date | null;
  isWaitingForTrader: boolean;
  now: Date;
  targetWorkingDays: number;
}): SlaClock {
  const end = args.decidedAt ?? args.now;
  const stopped = waitingPeriods(args.messages, end).reduce(
    (sum, p) => sum + workingMsBetween(p.from < args.submittedAt ? args.submittedAt : p.from, p.to),
    0,
  );
  const elapsedMs = Math.max(0, workingMsBetween(args.submittedAt, end) - stopped);
  const targetMs = args.targetWorkingDays * DAY_MS;
  const isLate = elapsedMs > targetMs;
  let state: SlaState;
  if (args.decidedAt) state = isLate ? 'MISSED' : 'MET';
  else if (isLate) state = 'OVERDUE';
  else if (args.isWaitingForTrader) state = 'STOPPED';
  else if (elapsedMs >= targetMs * DUE_SOON_SHARE) state = 'DUE_SOON';
  else state = 'ON_TIME';
  return { elapsedMs, targetMs, state };
}

/** Working time as days (of 24 working hours), hours and minutes, for display. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** The stored setting's value, or the default when it is absent or malformed. */
export function slaTargetFrom(value: unknown): number {
  const days =
    value && typeof value === 'object' && 'workingDays' in value
      ? (value as { workingDays: unknown }).workingDays
      : undefined;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 30
    ? days
    : DEFAULT_SLA_WORKING_DAYS;
}
