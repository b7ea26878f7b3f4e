import type { cardsEn } from './cards.en.ts';

export const cardsNl: Record<keyof typeof cardsEn, string> = {};
