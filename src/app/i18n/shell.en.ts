/** English strings of the shell.* keys (issue 11); nl and fr are typed against this file. */
export const shellEn = {} as const;
