import type { verifierEn } from './verifier.en.ts';

export const verifierFr: Record<keyof typeof verifierEn, string> = {};
