/** The day the integration database's reference data is seeded for; tests take their `now` from it. */
export const SEED_NOW = new Date('2026-11-28T12:00:00Z');
/** A working-hours moment of that day (Tashkent 14:30). */
export const NOW = new Date('2026-11-28T09:30:00Z');
