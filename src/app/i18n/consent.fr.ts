import type { consentEn } from './consent.en.ts';

export const consentFr: Record<keyof typeof consentEn, string> = {};
