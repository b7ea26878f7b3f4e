/** English strings of the benefits area; nl and fr are typed against this file. */
export const benefitsEn = {} as const;
