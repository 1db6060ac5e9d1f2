// Single-window permits (shared/DOMAIN.md): which permit types a declaration item needs
// (requirements.ts), the one rule of whether a permit can cover a line (coverage.ts) and whether the
// declarant's permits satisfy the items (formalities.ts); the
// application's life (application.ts), issuing (issue.ts), numbers (numbering.ts), the desk's SLA
// clock (sla.ts), linking permits to items (linking.ts), an application prefilled from a declaration
// line (prefill.ts), fees charged and refunded (fees.ts) and every input's schema (schemas.ts). Pure.
export * from './requirements';
export * from './coverage';
export * from './formalities';
export * from './application';
export * from './issue';
export * from './numbering';
export * from './sla';
export * from './linking';
export * from './prefill';
export * from './fees';
export * from './schemas';
