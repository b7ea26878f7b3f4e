/**
 * Codec 2's packing of one JSON value (docs/transport.md §Codec 2, "values"). Used only for JSON
 * text that `JSON.stringify(JSON.parse(text))` reproduces exactly, so the unpacker rebuilds the
 * text by writing JSON directly (it never builds objects: no prototype tricks, no key reordering).
 *
 *   tag  value                 then
 *   0    null
 *   1    false
 *   2    true
 *   3    integer ≥ 0           varint
 *   4    integer < 0           varint (−1 − n)
 *   5    other number          varint length, its JSON text (ASCII)
 *   6    string                varint length, UTF-8
 *   7    table string          varint code (pack-tables.ts PACK_STRINGS)
 *   8    base64url string      varint length, the decoded bytes (canonical base64url only)
 *   9    did:key               varint length, the multicodec bytes (base58btc decoded)
 *   10   did:key key id        as 9; the text is did:key:z…#z… (the DID and its own key id)
 *   11   prefixed string       varint code (PACK_PREFIXES), then a string value (tags 6–13)
 *   12   disclosure digest     varint k: the digest of disclosure k of this SD-JWT
 *   13   sd_hash               the SD-JWT's hash up to its last "~" (only in a key binding JWT)
 *   14   array                 varint count, the values
 *   15   object                varint count, then per member: key, value; a key is
 *                              varint 0 + varint length + UTF-8, or varint (1 + table code)
 *   16   EC "y", even          only as member "y" after "crv" (P-256 or secp256k1) and "x" in
 *   17   EC "y", odd           the same object: y is recomputed from x and its parity (SEC 1
 *                              §2.3.4 point decompression), saving 32 bytes per JWK
 */
import { base58 } from '@scure/base';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import type { ByteReader, ByteWriter } from './byte-cursor.ts';
import { PackError, PackLimitError } from './byte-cursor.ts';
import { ecYOf, isEcCurve, isEcPoint } from './ec-point.ts';
import { packEncoding } from './pack-encoding.ts';
import { PACK_PREFIXES, PACK_STRINGS, packStringCode } from './pack-tables.ts';

const T_NULL = 0;
const T_FALSE = 1;
const T_TRUE = 2;
const T_UINT = 3;
const T_NINT = 4;
const T_NUMBER_TEXT = 5;
const T_STRING = 6;
const T_TABLE = 7;
const T_BASE64URL = 8;
const T_DID_KEY = 9;
const T_DID_KEY_ID = 10;
const T_PREFIXED = 11;
const T_DIGEST = 12;
const T_SD_HASH = 13;
const T_ARRAY = 14;
const T_OBJECT = 15;
const T_EC_Y_EVEN = 16;
const T_EC_Y_ODD = 17;

const MAX_DEPTH = 32;
const MAX_DID_KEY_BYTES = 64;
/** Shorter base64url-looking strings stay text: words like "2025" are valid base64url too. */
const MIN_BASE64URL_LENGTH = 16;
const DID_KEY = /^did:key:z[1-9A-HJ-NP-Za-km-z]+$/;
const BASE64URL_TEXT = /^[A-Za-z0-9_-]+$/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** What the packer may refer to instead of repeating it (see tags 12 and 13). */
export interface PackContext {
  digestIndex?: (text: string) => number | undefined;
  sdHash?: string;
}

export interface UnpackContext {
  digest?: (index: number) => string | undefined;
  sdHash?: () => string;
}

export function packJsonValue(writer: ByteWriter, value: unknown, context: PackContext): void {
  packValue(writer, value, context, 0);
}

function packValue(writer: ByteWriter, value: unknown, context: PackContext, depth: number) {
  if (depth > MAX_DEPTH) throw new PackError('the JSON is nested too deeply to pack');
  if (value === null) return writer.byte(T_NULL);
  if (value === false) return writer.byte(T_FALSE);
  if (value === true) return writer.byte(T_TRUE);
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
      writer.byte(value >= 0 ? T_UINT : T_NINT);
      return writer.varint(value >= 0 ? value : -1 - value);
    }
    writer.byte(T_NUMBER_TEXT);
    return writer.lengthPrefixed(utf8ToBytes(JSON.stringify(value)));
  }
  if (typeof value === 'string') return packString(writer, value, context);
  if (Array.isArray(value)) {
    writer.byte(T_ARRAY);
    writer.varint(value.length);
    for (const item of value) packValue(writer, item, context, depth + 1);
    return;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    writer.byte(T_OBJECT);
    writer.varint(entries.length);
    const seen: { crv?: unknown; x?: unknown } = {};
    for (const [key, item] of entries) {
      const code = packStringCode(key);
      if (code === undefined) {
        writer.varint(0);
        writer.lengthPrefixed(utf8ToBytes(key));
      } else {
        writer.varint(code + 1);
      }
      const parity = key === 'y' ? yParity(seen.crv, seen.x, item) : undefined;
      if (parity !== undefined) writer.byte(parity === 0 ? T_EC_Y_EVEN : T_EC_Y_ODD);
      else packValue(writer, item, context, depth + 1);
      if (key === 'crv' || key === 'x') seen[key] = item;
    }
    return;
  }
  throw new PackError(`a ${typeof value} is not JSON`);
}

function packString(writer: ByteWriter, text: string, context: PackContext): void {
  const digest = context.digestIndex?.(text);
  if (digest !== undefined) {
    writer.byte(T_DIGEST);
    return writer.varint(digest);
  }
  if (context.sdHash !== undefined && text === context.sdHash) return writer.byte(T_SD_HASH);
  const code = packStringCode(text);
  if (code !== undefined) {
    writer.byte(T_TABLE);
    return writer.varint(code);
  }
  const prefix = PACK_PREFIXES.findIndex((p) => text.length > p.length && text.startsWith(p));
  if (prefix !== -1) {
    writer.byte(T_PREFIXED);
    writer.varint(prefix);
    return packString(writer, text.slice((PACK_PREFIXES[prefix] as string).length), context);
  }
  const hash = text.indexOf('#');
  const did = hash === -1 ? text : text.slice(0, hash);
  const didBytes = didKeyBytes(did);
  if (didBytes && (hash === -1 || text.slice(hash + 1) === did.slice('did:key:'.length))) {
    writer.byte(hash === -1 ? T_DID_KEY : T_DID_KEY_ID);
    return writer.lengthPrefixed(didBytes);
  }
  // The alphabet first: a name or a sentence is never base64url, and decoding it costs more.
  if (text.length >= MIN_BASE64URL_LENGTH && BASE64URL_TEXT.test(text)) {
    const bytes = packEncoding().base64UrlBytes(text);
    if (bytes) {
      writer.byte(T_BASE64URL);
      return writer.lengthPrefixed(bytes);
    }
  }
  writer.byte(T_STRING);
  writer.lengthPrefixed(utf8ToBytes(text));
}

/**
 * 0 or 1 when `y` is exactly the y coordinate recomputed from `crv`, `x` and that parity. Checked
 * without recomputing it (a square root): (x, y) on the curve means y is one of the two roots for
 * x, and they have opposite parities (p is odd), so decompressing x with y's parity gives y. That
 * answer is remembered for ecY, so the encoder's check does not take the root either.
 */
function yParity(crv: unknown, x: unknown, y: unknown): number | undefined {
  if (typeof x !== 'string' || typeof y !== 'string') return undefined;
  const { base64UrlBytes } = packEncoding();
  // Strict base64url: y's text is the one spelling of its bytes, so decompression gives it back.
  const xBytes = base64UrlBytes(x);
  const yBytes = base64UrlBytes(y);
  if (!isEcCurve(crv) || xBytes?.length !== 32 || yBytes?.length !== 32) return undefined;
  const valid =
    packEncoding().ecPointValid?.(crv, xBytes, yBytes) ?? isEcPoint(crv, xBytes, yBytes);
  if (!valid) return undefined;
  const parity = (yBytes[31] as number) & 1;
  lastEcY = { key: ecYKey(crv as string, x, parity), y };
  return parity;
}

/** The last answer of ecY: packing computes y from x, and the encoder's check unpacks it again. */
let lastEcY: { key: string; y: string | undefined } | undefined;

const ecYKey = (crv: string, x: string, parity: number) => `${crv} ${parity} ${x}`;

/** The base64url y coordinate of the point with this `x` and parity, if there is one. */
function ecY(crv: unknown, x: unknown, parity: number): string | undefined {
  if (typeof crv !== 'string' || typeof x !== 'string') return undefined;
  const key = ecYKey(crv, x, parity);
  if (lastEcY?.key !== key) lastEcY = { key, y: computeEcY(crv, x, parity) };
  return lastEcY.y;
}

function computeEcY(crv: string, x: string, parity: number): string | undefined {
  const xBytes = packEncoding().base64UrlBytes(x);
  const y = xBytes && ecYOf(crv, xBytes, parity);
  return y && packEncoding().base64Url(y);
}

/**
 * Recent did:keys both ways (text → multicodec bytes, bytes → base58btc): base58 costs more than
 * the rest of a DID's packing, and a batch of offers repeats its issuer's DID twice an offer. Only
 * the text and bytes are kept (the bytes as a string of char codes), never a shared array.
 */
const recentDidKeys = new Map<string, string | undefined>();
const recentBase58 = new Map<string, string>();
const RECENT_DID_KEYS = 16;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= RECENT_DID_KEYS) map.clear();
  map.set(key, value);
  return value;
}

const bytesKey = (bytes: Uint8Array) => String.fromCharCode(...bytes);
function keyBytes(key: string): Uint8Array {
  const bytes = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) bytes[i] = key.charCodeAt(i);
  return bytes;
}

/** The multicodec bytes of a did:key whose base58btc spelling is the canonical one. */
function didKeyBytes(did: string): Uint8Array | undefined {
  if (!DID_KEY.test(did)) return undefined;
  let key = recentDidKeys.get(did);
  if (key === undefined && !recentDidKeys.has(did)) {
    const bytes = canonicalDidKeyBytes(did);
    key = remember(recentDidKeys, did, bytes && bytesKey(bytes));
  }
  return key === undefined ? undefined : keyBytes(key);
}

function canonicalDidKeyBytes(did: string): Uint8Array | undefined {
  try {
    const bytes = base58.decode(did.slice('did:key:z'.length));
    if (bytes.length > MAX_DID_KEY_BYTES) return undefined;
    return `did:key:z${base58Of(bytes)}` === did ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** base58btc of `bytes` (a did:key's multicodec bytes, at most MAX_DID_KEY_BYTES). */
function base58Of(bytes: Uint8Array): string {
  const key = bytesKey(bytes);
  return recentBase58.get(key) ?? remember(recentBase58, key, base58.encode(bytes));
}

/** Appends the JSON text of one packed value to `out`. Throws PackError on malformed input. */
export function unpackJsonValue(reader: ByteReader, context: UnpackContext, out: TextSink): void {
  unpackValue(reader, context, out, 0);
}

/** Collects output text and enforces the payload size cap as it grows. */
export class TextSink {
  private readonly parts: string[] = [];
  private size = 0;

  constructor(private readonly maxChars: number) {}

  push(text: string): undefined {
    this.size += text.length;
    if (this.size > this.maxChars)
      throw new PackLimitError('the unpacked payload is over the limit');
    this.parts.push(text);
    return undefined;
  }

  text(): string {
    return this.parts.join('');
  }
}

/** Writes one value; returns it when it is a string (an object needs "crv" and "x" for "y"). */
function unpackValue(
  reader: ByteReader,
  context: UnpackContext,
  out: TextSink,
  depth: number,
): string | undefined {
  if (depth > MAX_DEPTH) throw new PackError('the packed JSON is nested too deeply');
  const tag = reader.byte();
  switch (tag) {
    case T_NULL:
      return out.push('null');
    case T_FALSE:
      return out.push('false');
    case T_TRUE:
      return out.push('true');
    case T_UINT:
      return out.push(String(reader.varint()));
    case T_NINT:
      return out.push(String(-1 - reader.varint()));
    case T_NUMBER_TEXT: {
      const text = ascii(reader.lengthPrefixed(64));
      if (!JSON_NUMBER.test(text)) throw new PackError('a packed number is not a JSON number');
      return out.push(text);
    }
    case T_ARRAY: {
      const count = reader.varint();
      if (count > reader.remaining) throw new PackError('an array is longer than its bytes');
      out.push('[');
      for (let i = 0; i < count; i++) {
        if (i > 0) out.push(',');
        unpackValue(reader, context, out, depth + 1);
      }
      return out.push(']');
    }
    case T_OBJECT: {
      const count = reader.varint();
      if (count > reader.remaining) throw new PackError('an object is longer than its bytes');
      out.push('{');
      const seen: { crv?: string; x?: string } = {};
      for (let i = 0; i < count; i++) {
        if (i > 0) out.push(',');
        const code = reader.varint();
        const key =
          code === 0 ? utf8(reader.lengthPrefixed(reader.remaining)) : tableString(code - 1);
        out.push(JSON.stringify(key));
        out.push(':');
        const ecTag = reader.peek();
        if (ecTag === T_EC_Y_EVEN || ecTag === T_EC_Y_ODD) {
          reader.byte();
          const y = key === 'y' ? ecY(seen.crv, seen.x, ecTag - T_EC_Y_EVEN) : undefined;
          if (y === undefined) throw new PackError('an EC "y" without a valid "crv" and "x"');
          out.push(JSON.stringify(y));
          continue;
        }
        const value = unpackValue(reader, context, out, depth + 1);
        if (key === 'crv' || key === 'x') seen[key] = value;
      }
      out.push('}');
      return undefined;
    }
    default: {
      const text = unpackStringTagged(tag, reader, context, depth);
      out.push(JSON.stringify(text));
      return text;
    }
  }
}

function unpackStringTagged(
  tag: number,
  reader: ByteReader,
  context: UnpackContext,
  depth: number,
): string {
  if (depth > MAX_DEPTH) throw new PackError('the packed string is nested too deeply');
  switch (tag) {
    case T_STRING:
      return utf8(reader.lengthPrefixed(reader.remaining));
    case T_TABLE:
      return tableString(reader.varint());
    case T_BASE64URL:
      return packEncoding().base64Url(reader.lengthPrefixed(reader.remaining));
    case T_DID_KEY:
    case T_DID_KEY_ID: {
      const bytes = reader.lengthPrefixed(MAX_DID_KEY_BYTES);
      const multibase = `z${base58Of(bytes)}`;
      return tag === T_DID_KEY ? `did:key:${multibase}` : `did:key:${multibase}#${multibase}`;
    }
    case T_PREFIXED: {
      const prefix = PACK_PREFIXES[reader.varint()];
      if (prefix === undefined) throw new PackError('unknown prefix code');
      return prefix + unpackStringTagged(reader.byte(), reader, context, depth + 1);
    }
    case T_DIGEST: {
      const digest = context.digest?.(reader.varint());
      if (digest === undefined) throw new PackError('a digest refers to no disclosure');
      return digest;
    }
    case T_SD_HASH: {
      if (!context.sdHash) throw new PackError('sd_hash outside a key binding JWT');
      return context.sdHash();
    }
    default:
      throw new PackError(`unknown value tag ${tag}`);
  }
}

function tableString(code: number): string {
  const text = PACK_STRINGS[code];
  if (text === undefined) throw new PackError(`unknown string code ${code}`);
  return text;
}

function utf8(bytes: Uint8Array): string {
  const text = bytesToUtf8(bytes);
  if (!text.ok) throw new PackError('a packed string is not UTF-8');
  return text.value;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
