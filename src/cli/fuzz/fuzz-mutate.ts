/**
 * Mutations for the fuzzer (scripts/fuzz.ts): cheap, seeded, and aimed at the layers our decoders
 * peel off one by one: the text (bit flips, inserted and deleted bytes, splices of two seeds,
 * dictionary tokens, huge numbers, deep nesting, long repeats, truncation), the base64url parts
 * of a JWS or SD-JWT (decoded, mutated as JSON or as bytes, encoded again so the change reaches
 * past the base64 layer), and bytes (frames, CBOR).
 */
import { decodeBase64Url, encodeBase64Url } from '../../core/encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../../core/encoding/utf8.ts';
import type { FuzzRng } from './fuzz-rng.ts';

/** Inputs grow at most to this many characters (bytes), except the rare "huge" mutation. */
export const MAX_MUTANT_LENGTH = 256 * 1024;
/** The rare huge input (2 MiB): past every decoder's cap, to prove the cap comes first. */
export const HUGE_LENGTH = 2 * 1024 * 1024;

/** Tokens that mean something to one of our decoders. */
export const TEXT_TOKENS: readonly string[] = [
  '~',
  '~~',
  '.',
  '..',
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '=',
  '+',
  '/',
  '%',
  '\\',
  '\\u0000',
  '\\ud800',
  '\u0000',
  '\ud800',
  '\udfff',
  '\u2028',
  '\ufeff',
  '\r\n',
  '\n',
  ' ',
  'eyJ',
  'VOUCH1:',
  'VOUCH2:',
  'VOUCH999999:',
  '#vouch=',
  'did:key:',
  'did:jwk:',
  'did:web:',
  '"alg":"none"',
  '"alg":"HS256"',
  '"alg":"ES256"',
  '"alg":"Ed25519"',
  '"typ":"dc+sd-jwt"',
  '"typ":"kb+jwt"',
  '"_sd":[]',
  '"_sd_alg":"sha-512"',
  '{"...":"',
  '"...":',
  '"__proto__":{}',
  '"constructor":{}',
  '1e999',
  '-1e999',
  '-0',
  '0.0000001',
  '9007199254740993',
  '99999999999999999999999999999',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '""',
  ',,',
  '"',
];

const CLAIM_NAMES: readonly string[] = [
  'alg',
  'typ',
  'kid',
  'jwk',
  'crv',
  'x',
  'y',
  'd',
  'kty',
  '_sd',
  '_sd_alg',
  '...',
  'cnf',
  'status',
  'status_list',
  'idx',
  'uri',
  'lst',
  'bits',
  'ttl',
  'sub',
  'exp',
  'nbf',
  'iat',
  'iss',
  'vct',
  'vct#integrity',
  'aud',
  'nonce',
  'sd_hash',
  'entries',
  'did',
  'name',
  'client_id',
  'response_mode',
  'response_uri',
  'dcql_query',
  'credentials',
  'claims',
  'path',
  'values',
  'meta',
  'vct_values',
  'vouch',
  'declare',
  'rule',
  'period',
  'date',
  'facts',
  'household',
  'netIncomeCents',
  '__proto__',
  'constructor',
  'toString',
  '',
];

/** Values that break assumptions (types, ranges, sizes). */
function interestingValue(rng: FuzzRng): unknown {
  switch (rng.below(24)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return 0;
    case 3:
      return -1;
    case 4:
      return 1e308;
    case 5:
      return -1e308;
    case 6:
      return 2 ** 53 + 2;
    case 7:
      return rng.pick([0.5, -0.5, 1e-300, 4294967296, 2 ** 31, -(2 ** 31) - 1, 255, 256, 65536]);
    case 8:
      return '';
    case 9:
      return rng.pick(['none', 'HS256', 'RS256', 'ES256', 'EdDSA', 'ES256K', 'Ed25519', 'sha-256']);
    case 10:
      return 'x'.repeat(rng.size(70_000));
    case 11:
      return [];
    case 12:
      return {};
    case 13:
      return nestedArray(rng.size(20_000));
    case 14:
      return nestedObject(rng.size(5_000));
    case 15:
      return rng.pick(['did:key:z', 'did:jwk:e30', 'did:web:example.com', 'did:', 'did:key:']);
    case 16:
      return Array.from({ length: rng.size(5_000) }, (_, i) => i);
    case 17:
      return '\u0000\ud800\udfff\u2028';
    case 18:
      return { __proto__: null, toString: 1, valueOf: 'x' };
    case 19:
      return rng.pick(['2026-13-45', '0000-00', '9999-12-31', '2024-02-30', 'T', '-1']);
    case 20:
      return ['~', '.', '...', '_sd'];
    case 21:
      return { '...': 'x' };
    case 22:
      return rng.pick([
        'https://',
        'http://localhost:1/x',
        'javascript:alert(1)',
        '../../etc/passwd',
      ]);
    default:
      return rng.between(-1000, 1_000_000_000);
  }
}

function nestedArray(depth: number): unknown {
  return JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
}

function nestedObject(depth: number): unknown {
  return JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** Walks to a random node of `root` and changes it (in place where it can; returns the new root). */
export function mutateJson(rng: FuzzRng, root: unknown): unknown {
  if (root === null || typeof root !== 'object' || rng.chance(0.1)) return interestingValue(rng);
  let node = root as Record<string, unknown> | unknown[];
  for (let depth = 0; depth < 8; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0 || rng.chance(0.3)) break;
    const child = (node as Record<string, unknown>)[rng.pick(keys)];
    if (child === null || typeof child !== 'object') break;
    node = child as Record<string, unknown> | unknown[];
  }
  const keys = Object.keys(node);
  const target = node as Record<string, unknown>;
  switch (rng.below(7)) {
    case 0: // remove a member
      if (keys.length > 0) {
        if (Array.isArray(node)) node.splice(rng.below(node.length), 1);
        else delete target[rng.pick(keys)];
      }
      break;
    case 1: // add a member we read somewhere
      if (Array.isArray(node)) node.splice(rng.below(node.length + 1), 0, interestingValue(rng));
      else target[rng.pick(CLAIM_NAMES)] = interestingValue(rng);
      break;
    case 2: // duplicate an element (a digest, a disclosure, an entry)
      if (Array.isArray(node) && node.length > 0) node.push(node[rng.below(node.length)]);
      else if (keys.length > 0) target[rng.pick(CLAIM_NAMES)] = target[rng.pick(keys)];
      break;
    case 3: // swap two values
      if (keys.length > 1) {
        const [a, b] = [rng.pick(keys), rng.pick(keys)];
        [target[a], target[b]] = [target[b], target[a]];
      }
      break;
    default: // replace a value
      if (keys.length > 0) target[rng.pick(keys)] = interestingValue(rng);
      else if (Array.isArray(node)) node.push(interestingValue(rng));
      else target[rng.pick(CLAIM_NAMES)] = interestingValue(rng);
  }
  return root;
}

/** JSON.stringify that survives what mutateJson can make (deep nesting). */
function stringifyJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** A mutated copy of a JSON text, as JSON when it parses, else as text. */
export function mutateJsonText(rng: FuzzRng, text: string, seeds: readonly string[]): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return mutateText(rng, text, seeds, 1);
  }
  const changed = stringifyJson(mutateJson(rng, value));
  if (changed === undefined) return text;
  // Now and then, JSON texts a parser must also survive: duplicate keys, odd whitespace.
  return rng.chance(0.1) ? mutateText(rng, changed, seeds, 1) : changed;
}

/**
 * Mutates one base64url part of a JWS / SD-JWT (split on "." and "~"): decoded, mutated as JSON
 * (or as bytes), encoded again. Without this, almost every mutation dies in base64 or in JSON.
 */
export function mutateEncodedPart(rng: FuzzRng, text: string, seeds: readonly string[]): string {
  const spans: { start: number; end: number }[] = [];
  const re = /[A-Za-z0-9_-]{4,}/g;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
    if (spans.length > 200) break;
  }
  if (spans.length === 0) return mutateText(rng, text, seeds, 1);
  const { start, end } = rng.pick(spans);
  const decoded = decodeBase64Url(text.slice(start, end));
  if (!decoded.ok) return mutateText(rng, text, seeds, 1);
  const asText = bytesToUtf8(decoded.value);
  let replacement: Uint8Array;
  if (asText.ok && /^\s*[[{"]/.test(asText.value)) {
    replacement = utf8ToBytes(mutateJsonText(rng, asText.value, seeds));
  } else {
    replacement = mutateBytes(rng, decoded.value, [], 1);
  }
  return `${text.slice(0, start)}${encodeBase64Url(replacement)}${text.slice(end)}`;
}

function randomChar(rng: FuzzRng): string {
  switch (rng.below(4)) {
    case 0:
      return String.fromCharCode(rng.below(128));
    case 1:
      return String.fromCharCode(rng.below(0x10000));
    default:
      return String.fromCharCode(32 + rng.below(95));
  }
}

function capText(text: string): string {
  return text.length > MAX_MUTANT_LENGTH ? text.slice(0, MAX_MUTANT_LENGTH) : text;
}

/** `rounds` stacked text mutations (1–4 when not given). */
export function mutateText(
  rng: FuzzRng,
  input: string,
  seeds: readonly string[],
  rounds = rng.between(1, 4),
): string {
  let text = input;
  for (let round = 0; round < rounds; round++) {
    const at = rng.below(text.length + 1);
    switch (rng.below(14)) {
      case 0: {
        // flip a bit of one character
        if (text.length === 0) break;
        const i = rng.below(text.length);
        const flipped = text.charCodeAt(i) ^ (1 << rng.below(rng.chance(0.9) ? 7 : 16));
        text = `${text.slice(0, i)}${String.fromCharCode(flipped)}${text.slice(i + 1)}`;
        break;
      }
      case 1: // insert characters
        text = `${text.slice(0, at)}${Array.from({ length: rng.size(8) }, () => randomChar(rng)).join('')}${text.slice(at)}`;
        break;
      case 2: {
        // delete a range
        const length = rng.size(Math.max(1, text.length - at));
        text = `${text.slice(0, at)}${text.slice(at + length)}`;
        break;
      }
      case 3: // a dictionary token
      case 4:
        text = `${text.slice(0, at)}${rng.pick(TEXT_TOKENS)}${text.slice(at)}`;
        break;
      case 5: {
        // replace a token with another one ("~" ↔ ".", a digit run ↔ a huge number)
        const tokens = ['~', '.', '"', ':', ',', '{', '['];
        const from = rng.pick(tokens);
        const i = text.indexOf(from, at);
        if (i !== -1) text = `${text.slice(0, i)}${rng.pick(TEXT_TOKENS)}${text.slice(i + 1)}`;
        break;
      }
      case 6: {
        // splice with another seed
        const other = seeds.length > 0 ? rng.pick(seeds) : text;
        const cut = rng.below(other.length + 1);
        text = rng.chance(0.5)
          ? `${text.slice(0, at)}${other.slice(cut)}`
          : `${other.slice(0, cut)}${text.slice(at)}`;
        break;
      }
      case 7: {
        // long repeat of a piece
        const length = rng.size(Math.min(64, Math.max(1, text.length - at)));
        const piece = text.slice(at, at + length) || rng.pick(TEXT_TOKENS);
        const times = rng.size(Math.floor(MAX_MUTANT_LENGTH / Math.max(1, piece.length)));
        text = capText(`${text.slice(0, at)}${piece.repeat(times)}${text.slice(at)}`);
        break;
      }
      case 8: // truncate
        text = text.slice(0, at);
        break;
      case 9: {
        // deep nesting
        const depth = rng.size(50_000);
        const [open, close] = rng.pick([
          ['[', ']'],
          ['{"a":', '}'],
          ['{"...":', '}'],
        ] as const);
        text = capText(
          `${text.slice(0, at)}${open.repeat(depth)}${rng.chance(0.5) ? close.repeat(depth) : ''}${text.slice(at)}`,
        );
        break;
      }
      case 10: {
        // a number becomes a huge (or odd) one
        const digits = /\d+/g;
        digits.lastIndex = at;
        const match = digits.exec(text);
        if (match) {
          const huge = rng.pick(['1e999', '-1', '9'.repeat(rng.size(400)), '0.5', '4294967296']);
          text = `${text.slice(0, match.index)}${huge}${text.slice(match.index + match[0].length)}`;
        }
        break;
      }
      case 11: // whitespace around (trim paths) and duplicated separators
        text = rng.chance(0.5) ? ` \n${text}\t ` : `${text}${rng.pick(['~', '~~', '.', '\n'])}`;
        break;
      case 12: // the rare huge input: past every cap
        if (rng.chance(0.02)) text = `${text}${'A'.repeat(Math.max(0, HUGE_LENGTH - text.length))}`;
        else text = `${text.slice(0, at)}${rng.pick(TEXT_TOKENS)}${text.slice(at)}`;
        break;
      default: // reach past base64url into the JSON
        text = mutateEncodedPart(rng, text, seeds);
    }
  }
  return text;
}

/** CBOR heads and other bytes our byte decoders branch on. */
const BYTE_TOKENS: readonly number[][] = [
  [0x00],
  [0xff],
  [0x7f],
  [0x80],
  [0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // CBOR uint, 2^64 − 1
  [0x1a, 0xff, 0xff, 0xff, 0xff], // CBOR uint, 2^32 − 1
  [0x9f], // indefinite array
  [0xbf], // indefinite map
  [0x5a, 0x7f, 0xff, 0xff, 0xff], // a byte string of 2 GiB
  [0x85], // array(5)
  [0xd8, 0x18], // tag 24
  [0x56, 0x01, 0x00], // a frame header
  [0x56, 0x01, 0x01],
];

function capBytes(bytes: Uint8Array): Uint8Array {
  return bytes.length > MAX_MUTANT_LENGTH ? bytes.subarray(0, MAX_MUTANT_LENGTH) : bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** `rounds` stacked byte mutations (1–4 when not given). */
export function mutateBytes(
  rng: FuzzRng,
  input: Uint8Array,
  seeds: readonly Uint8Array[],
  rounds = rng.between(1, 4),
): Uint8Array {
  let bytes: Uint8Array = Uint8Array.from(input);
  for (let round = 0; round < rounds; round++) {
    const at = rng.below(bytes.length + 1);
    switch (rng.below(10)) {
      case 0:
      case 1:
        if (bytes.length > 0) {
          const i = rng.below(bytes.length);
          bytes[i] = (bytes[i] as number) ^ (1 << rng.below(8));
        }
        break;
      case 2:
        if (bytes.length > 0) bytes[rng.below(bytes.length)] = rng.below(256);
        break;
      case 3:
        bytes = concat(
          bytes.subarray(0, at),
          Uint8Array.from({ length: rng.size(8) }, () => rng.below(256)),
          bytes.subarray(at),
        );
        break;
      case 4: {
        const length = rng.size(Math.max(1, bytes.length - at));
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at + length));
        break;
      }
      case 5:
        bytes = concat(
          bytes.subarray(0, at),
          Uint8Array.from(rng.pick(BYTE_TOKENS)),
          bytes.subarray(at),
        );
        break;
      case 6: {
        const other = seeds.length > 0 ? rng.pick(seeds) : bytes;
        const cut = rng.below(other.length + 1);
        bytes = rng.chance(0.5)
          ? concat(bytes.subarray(0, at), other.subarray(cut))
          : concat(other.subarray(0, cut), bytes.subarray(at));
        break;
      }
      case 7: {
        const length = rng.size(Math.min(64, Math.max(1, bytes.length - at)));
        const piece = bytes.subarray(at, at + length);
        const times = rng.size(Math.floor(MAX_MUTANT_LENGTH / Math.max(1, piece.length)));
        const repeated = new Uint8Array(piece.length * times);
        for (let t = 0; t < times; t++) repeated.set(piece, t * piece.length);
        bytes = capBytes(concat(bytes.subarray(0, at), repeated, bytes.subarray(at)));
        break;
      }
      case 8:
        bytes = bytes.slice(0, at);
        break;
      default:
        // a non-UTF-8 / non-ASCII byte run
        bytes = concat(
          bytes.subarray(0, at),
          Uint8Array.from([0xc3, 0x28, 0xed, 0xa0, 0x80, 0xff]),
          bytes.subarray(at),
        );
    }
  }
  return bytes;
}
