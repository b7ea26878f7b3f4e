export * from './holder-wallet.ts';
export * from './passcode-policy.ts';
