export * from './keyed-vault.ts';
