/**
 * A relationship xpub read without a curve library (docs/keys.md): its base58check text, version,
 * depth and chain code here, its point checked and its children added by a TweakAddPort (noble in
 * child-key.ts, libsecp256k1 in src/platform/node/secp256k1-child.ts). A payroll worker thread
 * (issue 12) reads its xpubs this way and so never loads @scure/bip32 or @noble/curves. The answers
 * are @scure/bip32's: HDKey.fromExtendedKey's checks, and deriveChild's public step, including
 * BIP32's retry with the next index when a child is invalid (I_L ≥ n or the point at infinity).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { assertChildIndex, MAX_CHILD_INDEX } from './bip32-path.ts';
import type { Secp256k1PublicJwk } from './jwk.ts';

/** BIP32's mainnet version bytes: xpub and xprv. */
const XPUB_VERSION = 0x0488b21e;
const XPRV_VERSION = 0x0488ade4;
const XPUB_BYTES = 78;

const base58check = createBase58check(sha256);

/**
 * Adds `tweak`·G to one fixed point, for many tweaks. `forPoint` gets the 33-byte compressed
 * parent key once (and throws if it is not a secp256k1 point) and returns the adder; the adder gets
 * I_L (32 bytes, big-endian) and returns the 65-byte uncompressed sum, or undefined when BIP32
 * calls the child invalid (I_L ≥ n, or the sum is the point at infinity: odds about 2^-127).
 */
export interface TweakAddPort {
  forPoint(publicKey: Uint8Array): (tweak: Uint8Array) => Uint8Array | undefined;
  /** HMAC-SHA512; without it, none is loaded here (child-key.ts gives noble's). */
  hmacSha512?: (key: Uint8Array, data: Uint8Array) => Uint8Array;
}

export interface ChildKey {
  /** The 33-byte compressed public key: deriveCredentialPublicKey(xpub, index). */
  readonly publicKey: Uint8Array;
  /** Its JWK (publicKeyToJwk of it): a credential's `cnf.jwk`. */
  readonly jwk: Secp256k1PublicJwk;
}

/** The fields of a public extended key (BIP32 §Serialization format). */
export interface XpubFields {
  readonly depth: number;
  readonly parentFingerprint: number;
  readonly index: number;
  readonly chainCode: Uint8Array;
  /** The 33-byte compressed key, 0x02 or 0x03 first (not yet checked to be on the curve). */
  readonly publicKey: Uint8Array;
}

/**
 * Reads an xpub's 78 bytes. Throws a TypeError saying what is wrong (checksum, length, version, a
 * private key, depth 0 with a parent, the key's first byte) as HDKey.fromExtendedKey refuses it.
 */
export function readXpub(text: string): XpubFields {
  const bad = (message: string) => new TypeError(`"xpub" ${message}`);
  let bytes: Uint8Array;
  try {
    bytes = base58check.decode(text);
  } catch (error) {
    throw bad(`is not base58check: ${(error as Error).message}`);
  }
  if (bytes.length !== XPUB_BYTES) {
    throw bad(`expected ${XPUB_BYTES} bytes, got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  const publicKey = bytes.slice(45);
  if (version === XPRV_VERSION || publicKey[0] === 0) {
    throw bad('is a PRIVATE extended key: a public one (xpub) was expected');
  }
  if (version !== XPUB_VERSION) {
    throw bad(`has version 0x${version.toString(16).padStart(8, '0')}, not an xpub's (0488b21e)`);
  }
  const depth = bytes[4] as number;
  const parentFingerprint = view.getUint32(5);
  const index = view.getUint32(9);
  if (depth === 0 && (index !== 0 || parentFingerprint !== 0)) {
    throw bad('has depth 0 but a parent fingerprint or child index');
  }
  if (publicKey[0] !== 0x02 && publicKey[0] !== 0x03) {
    throw bad(`key must start 0x02 or 0x03, got 0x${(publicKey[0] as number).toString(16)}`);
  }
  return { depth, parentFingerprint, index, chainCode: bytes.slice(13, 45), publicKey };
}

/**
 * Derives non-hardened children of `xpub` through `port` (read once: readXpub, then the port's
 * check of its point). `hmacSha512` is the port's, else `defaultHmac`. Throws on a malformed xpub.
 */
export function xpubChildDeriver(
  xpub: string,
  port: TweakAddPort,
  defaultHmac?: (key: Uint8Array, data: Uint8Array) => Uint8Array,
): (index: number) => ChildKey {
  const { chainCode, publicKey: parentKey, depth } = readXpub(xpub);
  const mac = port.hmacSha512 ?? defaultHmac;
  if (!mac) throw new TypeError('xpubChildDeriver: the port has no HMAC-SHA512');
  let add: (tweak: Uint8Array) => Uint8Array | undefined;
  try {
    add = port.forPoint(parentKey);
  } catch (error) {
    throw new TypeError('"xpub" key is not a point on secp256k1', { cause: error });
  }
  const data = new Uint8Array(37);
  data.set(parentKey);
  const view = new DataView(data.buffer);
  const derive = (index: number): ChildKey => {
    view.setUint32(33, index);
    const sum = add(mac(chainCode, data).subarray(0, 32));
    if (!sum) {
      // BIP32's invalid child: the next index stands in for it (as @scure/bip32's deriveChild).
      if (index >= MAX_CHILD_INDEX) {
        throw new RangeError(`child ${index} of the xpub is invalid and has no next index`);
      }
      return derive(index + 1);
    }
    const publicKey = new Uint8Array(33);
    publicKey[0] = ((sum[64] as number) & 1) === 0 ? 0x02 : 0x03;
    publicKey.set(sum.subarray(1, 33), 1);
    return {
      publicKey,
      jwk: {
        kty: 'EC',
        crv: 'secp256k1',
        x: encodeBase64Url(sum.subarray(1, 33)),
        y: encodeBase64Url(sum.subarray(33, 65)),
      },
    };
  };
  return (index) => {
    assertChildIndex(index, 'index');
    if (depth === 255)
      throw new RangeError('"xpub" has depth 255: its children cannot be serialized');
    return derive(index);
  };
}
