import type { issuerDeskEn } from './issuer-desk.en.ts';

export const issuerDeskNl: Record<keyof typeof issuerDeskEn, string> = {};
