import type { cardsEn } from './cards.en.ts';

export const cardsFr: Record<keyof typeof cardsEn, string> = {};
