/** English strings of the issuerDesk.* keys (issue 11); nl and fr are typed against this file. */
export const issuerDeskEn = {} as const;
