/** English strings of the present area; nl and fr are typed against this file. */
export const presentEn = {} as const;
