/**
 * Codec 2's packing of compact JOSE text (docs/transport.md §Codec 2, "tokens"): a JWS
 * `header.payload.signature`, or an SD-JWT `JWS~disclosure~…~[KB-JWT]` (RFC 9901 §4).
 *
 * Each base64url part is packed as one of:
 *
 *   tag  then
 *   0    varint length, the part's text as is (when it is not canonical base64url)
 *   1    varint length, the decoded bytes
 *   2    a packed JSON value (pack-json.ts): the bytes are UTF-8 JSON that re-serialises exactly
 *   3    exactly 64 decoded bytes (a JWS signature: ES256, ES256K and EdDSA are all 64 bytes)
 *
 * An SD-JWT is packed disclosures first, so that the issuer payload can name a disclosed claim's
 * digest by its index (value tag 12) and the key binding JWT its `sd_hash` (tag 13) instead of
 * carrying 32 bytes for each: the unpacker recomputes them (SHA-256) from the text it rebuilt.
 *
 *   SD-JWT: varint n, n disclosure parts, the issuer JWS (3 parts), byte 0 (no KB-JWT) or 1 + KB JWS
 */
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import type { ByteReader, ByteWriter } from './byte-cursor.ts';
import { PackError } from './byte-cursor.ts';
import { packJsonValue, TextSink, unpackJsonValue } from './pack-json.ts';
import type { PackContext, UnpackContext } from './pack-json.ts';
import { packEncoding } from './pack-encoding.ts';

const P_TEXT = 0;
const P_BYTES = 1;
const P_JSON = 2;
const P_SIGNATURE = 3;
const SIGNATURE_BYTES = 64;
/** Longest part unpacked (a token never comes close: the whole payload is capped at 1 MiB). */
const MAX_PART_BYTES = 1024 * 1024;
const MAX_DISCLOSURES = 1024;

const BASE64URL_PART = /^[A-Za-z0-9_-]*$/;

/** A JWS (exactly three base64url parts) or an SD-JWT in issuance or presentation form. */
export function isCompactJose(text: string): 'jws' | 'sd-jwt' | undefined {
  const parts = text.split('~');
  const isJws = (part: string) => {
    const pieces = part.split('.');
    return pieces.length === 3 && pieces.every((piece) => BASE64URL_PART.test(piece));
  };
  if (parts.length === 1) return isJws(text) ? 'jws' : undefined;
  if (parts.length - 2 > MAX_DISCLOSURES || !isJws(parts[0] as string)) return undefined;
  const middle = parts.slice(1, -1);
  if (!middle.every((part) => part !== '' && BASE64URL_PART.test(part))) return undefined;
  const last = parts[parts.length - 1] as string;
  return last === '' || isJws(last) ? 'sd-jwt' : undefined;
}

export function packJws(writer: ByteWriter, jws: string, context: PackContext = {}): void {
  const [header = '', payload = '', signature = ''] = jws.split('.');
  packPart(writer, header, context);
  packPart(writer, payload, context);
  packPart(writer, signature, context, true);
}

export function packSdJwt(writer: ByteWriter, sdJwt: string): void {
  const parts = sdJwt.split('~');
  const disclosures = parts.slice(1, -1);
  const keyBinding = parts[parts.length - 1] as string;
  writer.varint(disclosures.length);
  for (const disclosure of disclosures) packPart(writer, disclosure, {});
  const digestIndex = digestIndexOf(disclosures);
  packJws(writer, parts[0] as string, { digestIndex });
  if (keyBinding === '') return writer.byte(0);
  writer.byte(1);
  packJws(writer, keyBinding, {
    digestIndex,
    sdHash: digestOf(sdJwt.slice(0, sdJwt.lastIndexOf('~') + 1)),
  });
}

/** Tag 12's lookup: a disclosure digest → the index of the first disclosure with that digest. */
function digestIndexOf(disclosures: readonly string[]): (text: string) => number | undefined {
  const digests = new Map<string, number>();
  disclosures.forEach((disclosure, index) => {
    const digest = digestOf(disclosure);
    if (!digests.has(digest)) digests.set(digest, index);
  });
  return (text) => digests.get(text);
}

/**
 * An SD-JWT in issuance form (no key binding JWT) together with the JSON values it was built from:
 * what its issuer has in hand right after issuing it (src/core/sd-jwt issueSdJwtVcParts).
 */
export interface KnownSdJwt {
  /** The SD-JWT as written in the payload: `header.payload.signature~disclosure~…~`. */
  readonly compact: string;
  /** The values whose JSON.stringify the issuer JWT's header and payload parts are the base64url of. */
  readonly header: unknown;
  readonly payload: unknown;
  /** Each disclosure's JSON value (its array), in the order of `compact`. */
  readonly disclosures: readonly unknown[];
}

/**
 * packSdJwt from the values instead of the text: the same stream for the same SD-JWT (each JSON
 * part as tag 2, the signature as tag 3), without decoding, parsing and re-serialising each part.
 * Throws PackError when the token does not have the shape of its values; what it packs is checked
 * like anything packed, by unpacking it (codec.ts).
 */
export function packKnownSdJwt(writer: ByteWriter, token: KnownSdJwt): void {
  const parts = token.compact.split('~');
  const disclosures = parts.slice(1, -1);
  const jws = (parts[0] as string).split('.');
  if (parts[parts.length - 1] !== '' || disclosures.length !== token.disclosures.length) {
    throw new PackError('the SD-JWT does not match its disclosures (or has a key binding JWT)');
  }
  if (jws.length !== 3) throw new PackError('the issuer JWT is not a compact JWS');
  writer.varint(disclosures.length);
  for (const json of token.disclosures) {
    writer.byte(P_JSON);
    packJsonValue(writer, json, {});
  }
  const digestIndex = digestIndexOf(disclosures);
  writer.byte(P_JSON);
  packJsonValue(writer, token.header, { digestIndex });
  writer.byte(P_JSON);
  packJsonValue(writer, token.payload, { digestIndex });
  packPart(writer, jws[2] as string, { digestIndex }, true);
  writer.byte(0);
}

function packPart(writer: ByteWriter, part: string, context: PackContext, signature = false) {
  const bytes = packEncoding().base64UrlBytes(part);
  if (!bytes) {
    writer.byte(P_TEXT);
    return writer.lengthPrefixed(utf8ToBytes(part));
  }
  if (signature && bytes.length === SIGNATURE_BYTES) {
    writer.byte(P_SIGNATURE);
    return writer.bytes(bytes);
  }
  const json = reSerialisableJson(bytes);
  if (json.ok) {
    writer.byte(P_JSON);
    return packJsonValue(writer, json.value, context);
  }
  writer.byte(P_BYTES);
  writer.lengthPrefixed(bytes);
}

/** The parsed JSON of `bytes`, only when JSON.stringify gives back exactly these bytes. */
function reSerialisableJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  const text = bytesToUtf8(bytes);
  if (!text.ok || (text.value[0] !== '{' && text.value[0] !== '[')) return { ok: false };
  try {
    const value: unknown = JSON.parse(text.value);
    return JSON.stringify(value) === text.value ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** Recent digests by their text: the encoder's check unpacks what it packed a moment ago. */
const recentDigests = new Map<string, string>();
const RECENT_DIGESTS = 64;

/** RFC 9901 §4.2.3: base64url(SHA-256(ASCII(text))); also sd_hash (§4.3.1). */
function digestOf(text: string): string {
  let digest = recentDigests.get(text);
  if (digest === undefined) {
    digest = packEncoding().sha256Base64Url(text);
    if (recentDigests.size >= RECENT_DIGESTS) recentDigests.clear();
    recentDigests.set(text, digest);
  }
  return digest;
}

export function unpackJws(reader: ByteReader, context: UnpackContext = {}): string {
  const header = unpackPart(reader, context);
  const payload = unpackPart(reader, context);
  const signature = unpackPart(reader, context);
  return `${header}.${payload}.${signature}`;
}

export function unpackSdJwt(reader: ByteReader): string {
  const count = reader.varint();
  if (count > MAX_DISCLOSURES || count > reader.remaining) {
    throw new PackError(`${count} disclosures is over the limit`);
  }
  const disclosures: string[] = [];
  for (let i = 0; i < count; i++) disclosures.push(unpackPart(reader, {}));
  const digests: (string | undefined)[] = [];
  const digest = (index: number) => {
    const disclosure = disclosures[index];
    if (disclosure === undefined) return undefined;
    digests[index] ??= digestOf(disclosure);
    return digests[index];
  };
  const issuerJwt = unpackJws(reader, { digest });
  const sdHashInput = `${issuerJwt}~${disclosures.map((d) => `${d}~`).join('')}`;
  const flag = reader.byte();
  if (flag === 0) return sdHashInput;
  if (flag !== 1) throw new PackError(`key binding flag ${flag} is neither 0 nor 1`);
  let sdHash: string | undefined;
  const keyBinding = unpackJws(reader, {
    digest,
    sdHash: () => (sdHash ??= digestOf(sdHashInput)),
  });
  return `${sdHashInput}${keyBinding}`;
}

function unpackPart(reader: ByteReader, context: UnpackContext): string {
  const tag = reader.byte();
  switch (tag) {
    case P_TEXT: {
      const text = bytesToUtf8(reader.lengthPrefixed(MAX_PART_BYTES));
      if (!text.ok || !BASE64URL_PART.test(text.value)) {
        throw new PackError('a text part is not base64url text');
      }
      return text.value;
    }
    case P_BYTES:
      return packEncoding().base64Url(reader.lengthPrefixed(MAX_PART_BYTES));
    case P_SIGNATURE:
      return packEncoding().base64Url(reader.bytes(SIGNATURE_BYTES));
    case P_JSON: {
      const sink = new TextSink(MAX_PART_BYTES);
      unpackJsonValue(reader, context, sink);
      return packEncoding().textBase64Url(sink.text());
    }
    default:
      throw new PackError(`unknown part tag ${tag}`);
  }
}
