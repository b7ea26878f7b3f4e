/**
 * Codec 2, structural packing (docs/transport.md §Codec 2): the payload is UTF-8 text in which
 * compact JOSE tokens (JWS, SD-JWT) are packed by structure (pack-compact.ts) and everything
 * between them is kept as text. The packed stream is a sequence of segments, to the end:
 *
 *   tag  segment
 *   0    text: varint length, UTF-8
 *   1    a JWS
 *   2    an SD-JWT
 *
 * The codec then deflates the stream with the v1 dictionary (codec.ts). Tokens are found by
 * their start "eyJ" (base64url of '{"', every JOSE header); a match that is not a well-formed
 * JWS or SD-JWT stays text. `packStructure` never decides alone that packing is exact:
 * the codec unpacks every packed body on encode and compares it byte for byte.
 */
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { ByteReader, ByteWriter, PackError, PackLimitError } from './byte-cursor.ts';
import {
  isCompactJose,
  packJws,
  packKnownSdJwt,
  packSdJwt,
  unpackJws,
  unpackSdJwt,
} from './pack-compact.ts';
import type { KnownSdJwt } from './pack-compact.ts';
import { TextSink } from './pack-json.ts';

const S_TEXT = 0;
const S_JWS = 1;
const S_SD_JWT = 2;

const TOKEN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:~[A-Za-z0-9_.-]*)*/g;

/** The packed stream, or undefined when the payload holds no token (or is not UTF-8). */
export function packStructure(payload: Uint8Array): Uint8Array | undefined {
  const text = bytesToUtf8(payload);
  if (!text.ok) return undefined;
  const writer = new ByteWriter();
  let tokens = 0;
  let last = 0;
  const flushText = (end: number) => {
    if (end <= last) return;
    writer.byte(S_TEXT);
    writer.lengthPrefixed(utf8ToBytes(text.value.slice(last, end)));
  };
  try {
    for (const match of text.value.matchAll(TOKEN)) {
      const kind = isCompactJose(match[0]);
      if (!kind) continue;
      flushText(match.index);
      writer.byte(kind === 'jws' ? S_JWS : S_SD_JWT);
      if (kind === 'jws') packJws(writer, match[0]);
      else packSdJwt(writer, match[0]);
      last = match.index + match[0].length;
      tokens++;
    }
  } catch {
    return undefined; // Something the packer cannot express (e.g. JSON nested too deeply).
  }
  if (tokens === 0) return undefined;
  flushText(text.value.length);
  return writer.finish();
}

/**
 * The packed stream of `payload` (its text) in which the one SD-JWT `token` is packed from its
 * values (packKnownSdJwt): for an issuer that packs what it has just built (an offer of a payroll
 * batch), without finding, decoding and parsing the token again. Undefined when `token.compact` is
 * not in the payload or does not match its values. The text around the token is kept as text.
 */
export function packStructureWith(payload: string, token: KnownSdJwt): Uint8Array | undefined {
  const start = payload.indexOf(token.compact);
  if (start === -1 || token.compact === '') return undefined;
  const writer = new ByteWriter();
  const text = (part: string) => {
    if (part === '') return;
    writer.byte(S_TEXT);
    writer.lengthPrefixed(utf8ToBytes(part));
  };
  try {
    text(payload.slice(0, start));
    writer.byte(S_SD_JWT);
    packKnownSdJwt(writer, token);
    text(payload.slice(start + token.compact.length));
  } catch {
    return undefined;
  }
  return writer.finish();
}

/** The payload a packed stream stands for. Total: malformed input is 'corrupt'. */
export function unpackStructure(
  packed: Uint8Array,
  maxPayloadBytes: number,
): Result<Uint8Array, 'corrupt' | 'too-large', { message: string }> {
  if (!(packed instanceof Uint8Array)) return failedWith('corrupt', { message: 'expected bytes' });
  // Text is measured in UTF-16 units while it is built (each is at most 3 UTF-8 bytes).
  const sink = new TextSink(maxPayloadBytes);
  try {
    const reader = new ByteReader(packed);
    while (reader.remaining > 0) {
      const tag = reader.byte();
      if (tag === S_TEXT) {
        const text = bytesToUtf8(reader.lengthPrefixed(reader.remaining));
        if (!text.ok) throw new PackError('a text segment is not UTF-8');
        sink.push(text.value);
      } else if (tag === S_JWS) {
        sink.push(unpackJws(reader));
      } else if (tag === S_SD_JWT) {
        sink.push(unpackSdJwt(reader));
      } else {
        throw new PackError(`unknown segment tag ${tag}`);
      }
    }
  } catch (error) {
    if (error instanceof PackLimitError) {
      return failedWith('too-large', {
        message: `payload unpacks to more than ${maxPayloadBytes} bytes`,
      });
    }
    const message = error instanceof PackError ? error.message : 'it is malformed';
    return failedWith('corrupt', { message: `the packed body is damaged: ${message}` });
  }
  const payload = utf8ToBytes(sink.text());
  if (payload.length > maxPayloadBytes) {
    return failedWith('too-large', {
      message: `payload unpacks to more than ${maxPayloadBytes} bytes`,
    });
  }
  return ok(payload);
}
