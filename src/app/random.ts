/** Random bytes from the platform CSPRNG (light: a setup screen draws from it before any crypto). */
export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
