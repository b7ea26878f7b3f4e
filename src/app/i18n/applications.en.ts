/** English strings of the applications.* keys (issue 11); nl and fr are typed against this file. */
export const applicationsEn = {} as const;
