import type { presentEn } from './present.en.ts';

export const presentNl: Record<keyof typeof presentEn, string> = {};
