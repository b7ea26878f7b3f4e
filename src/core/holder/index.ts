export * from './credential-store.ts';
export * from './holder-wallet.ts';
export * from './passcode-policy.ts';
export * from './receive.ts';
export * from './relationships.ts';
export * from './status-check.ts';
