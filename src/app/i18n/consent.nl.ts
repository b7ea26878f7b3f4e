import type { consentEn } from './consent.en.ts';

export const consentNl: Record<keyof typeof consentEn, string> = {};
