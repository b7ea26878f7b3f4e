import type { applicationsEn } from './applications.en.ts';

export const applicationsNl: Record<keyof typeof applicationsEn, string> = {};
