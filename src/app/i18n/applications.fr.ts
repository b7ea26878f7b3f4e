import type { applicationsEn } from './applications.en.ts';

export const applicationsFr: Record<keyof typeof applicationsEn, string> = {};
