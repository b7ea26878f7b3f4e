export * from './desk.ts';
export * from './issuance.ts';
export * from './key-file-export.ts';
export * from './register.ts';
export * from './issued-status.ts';
export * from './desk-profile.ts';
export * from './copies-policy.ts';
export * from './copies-request.ts';
