import type { issuerDeskEn } from './issuer-desk.en.ts';

export const issuerDeskFr: Record<keyof typeof issuerDeskEn, string> = {};
