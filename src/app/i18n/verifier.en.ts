/** English strings of the verifier area; nl and fr are typed against this file. */
export const verifierEn = {} as const;
