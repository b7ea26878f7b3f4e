export { decodeBase64Url, encodeBase64Url, isBase64Url } from './base64url.ts';
export type { Base64UrlProblem } from './base64url.ts';
export { bytesToHex, hexToBytes } from './hex.ts';
export { bytesToUtf8, utf8ToBytes } from './utf8.ts';
