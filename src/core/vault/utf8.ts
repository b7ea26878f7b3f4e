/**
 * UTF-8 without TextEncoder/TextDecoder: core compiles against ES2022 only (no DOM, no Node).
 * Strict in both directions: a lone surrogate or a malformed byte sequence throws, so a corrupted
 * plaintext never turns silently into U+FFFD.
 */

/** Encode `text` as UTF-8. Throws a TypeError on a lone surrogate. */
export function encodeUtf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let cp = unit;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) {
        throw new TypeError(`encodeUtf8: lone surrogate at index ${i}`);
      }
      cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else {
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
    }
  }
  return Uint8Array.from(bytes);
}

/** Decode UTF-8 bytes. Throws a TypeError on malformed, overlong or surrogate sequences. */
export function decodeUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const fail = (at: number): never => {
    throw new TypeError(`decodeUtf8: malformed UTF-8 at byte ${at}`);
  };
  for (let i = 0; i < bytes.length;) {
    const b0 = bytes[i] as number;
    let cp: number;
    let length: number;
    if (b0 < 0x80) [cp, length] = [b0, 1];
    else if (b0 >= 0xc2 && b0 < 0xe0) [cp, length] = [b0 & 0x1f, 2];
    else if (b0 >= 0xe0 && b0 < 0xf0) [cp, length] = [b0 & 0x0f, 3];
    else if (b0 >= 0xf0 && b0 < 0xf5) [cp, length] = [b0 & 0x07, 4];
    else return fail(i);
    if (i + length > bytes.length) fail(i);
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k] as number;
      if ((b & 0xc0) !== 0x80) fail(i + k);
      cp = (cp << 6) | (b & 0x3f);
    }
    const tooSmall = (length === 3 && cp < 0x800) || (length === 4 && cp < 0x10000);
    if (tooSmall || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) fail(i);
    chunk.push(cp);
    if (chunk.length >= 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
    i += length;
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}
