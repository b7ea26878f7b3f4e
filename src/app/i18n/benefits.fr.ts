import type { benefitsEn } from './benefits.en.ts';

export const benefitsFr: Record<keyof typeof benefitsEn, string> = {};
