export * from './keyed-vault.ts';
export * from './server-settings.ts';
