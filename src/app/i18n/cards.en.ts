/** English strings of the cards.* keys (issue 11); nl and fr are typed against this file. */
export const cardsEn = {} as const;
