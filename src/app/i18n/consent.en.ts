/** English strings of the consent.* keys (issue 11); nl and fr are typed against this file. */
export const consentEn = {} as const;
