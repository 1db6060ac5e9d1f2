// Single-window permits (shared/DOMAIN.md): which permit types a declaration item needs
// (requirements.ts) and whether the declarant's permits satisfy them (formalities.ts). Pure.
export * from './requirements';
export * from './formalities';
