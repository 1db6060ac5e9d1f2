// Customs payments (duty, excise, VAT, processing fee) — pure, decimal. See calculate.ts for the rules.
export * from './calculate';
export { spreadByWeight } from './spread';
