// A time in minutes as a person reads it: under an hour in minutes with one decimal
// ("5.4 min"), from an hour on in hours and whole minutes ("7 h 50 min"). The words come from
// the message catalogue; this only splits the number.

export type DurationParts = { kind: 'minutes'; minutes: number } | { kind: 'hours'; hours: number; minutes: number };

export function durationParts(totalMinutes: number): DurationParts {
  const tenths = Math.round(Math.max(0, totalMinutes) * 10) / 10;
  if (tenths < 60) return { kind: 'minutes', minutes: tenths };
  const whole = Math.round(totalMinutes);
  return { kind: 'hours', hours: Math.floor(whole / 60), minutes: whole % 60 };
}
