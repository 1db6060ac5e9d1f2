export * from './customs';
export * from './countries';
export * from './currencies';
