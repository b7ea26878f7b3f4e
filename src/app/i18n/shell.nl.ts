import type { shellEn } from './shell.en.ts';

export const shellNl: Record<keyof typeof shellEn, string> = {};
