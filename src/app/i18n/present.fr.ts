import type { presentEn } from './present.en.ts';

export const presentFr: Record<keyof typeof presentEn, string> = {};
