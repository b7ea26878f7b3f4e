export * from './benefit-check.ts';
export * from './desk.ts';
export * from './history.ts';
export * from './requests.ts';
export * from './status-cache.ts';
export * from './templates.ts';
export * from './trust-lists.ts';
export * from './verify-response.ts';
