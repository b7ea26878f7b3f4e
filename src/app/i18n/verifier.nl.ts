import type { verifierEn } from './verifier.en.ts';

export const verifierNl: Record<keyof typeof verifierEn, string> = {};
