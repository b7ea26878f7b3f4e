import type { benefitsEn } from './benefits.en.ts';

export const benefitsNl: Record<keyof typeof benefitsEn, string> = {};
