import type { shellEn } from './shell.en.ts';

export const shellFr: Record<keyof typeof shellEn, string> = {};
