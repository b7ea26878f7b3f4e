export * from './credential-store.ts';
export * from './history.ts';
export * from './presentation-flow.ts';
export * from './holder-wallet.ts';
export * from './passcode-policy.ts';
export * from './receive.ts';
export * from './relationships.ts';
export * from './status-check.ts';
