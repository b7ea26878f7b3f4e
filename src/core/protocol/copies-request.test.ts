import { describe, expect, it } from 'vitest';
import { encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import {
  describeKey,
  es256kSigner,
  mnemonicToSeed,
  relationshipPath,
  withPrivateKey,
} from '../keys/index.ts';
import {
  createCopiesRequest,
  isCopiesRequest,
  readCopiesRequest,
  verifyCopiesRequest,
} from './copies-request.ts';
import { relationshipFingerprint } from './relationship-fingerprint.ts';

const b64 = (value: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));
/** The copy of docs/protocol.md's offer v2 vector (claims in the clear; never verified here). */
const COPY = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64({ iss: 'did:key:zDnaexample', vct: 'urn:vouch:income-statement:1', cnf: { n: 0 }, period: '2026-09' })}.c2ln~`;
const ABANDON_ART = `${'abandon '.repeat(23)}art`;
const NOW = new Date('2026-10-01T09:00:00Z');

/** docs/protocol.md §Copies request, test vector: relationship 0 of "abandon … art". */
async function vectorRequest(): Promise<{
  jws: string;
  xpub: ReturnType<typeof describeKey>['xpub'];
}> {
  const seed = await mnemonicToSeed(ABANDON_ART);
  const path = relationshipPath(0);
  const { xpub } = describeKey(seed, path);
  const jws = await withPrivateKey(seed, path, async (privateKey) => {
    const signer = es256kSigner(privateKey);
    try {
      return await createCopiesRequest({
        relationship: relationshipFingerprint(xpub),
        credential: COPY,
        childIndex: 10,
        copies: 10,
        sign: signer,
        now: NOW,
        jti: 'j1',
      });
    } finally {
      signer.wipe();
    }
  });
  return { jws, xpub };
}

const VECTOR_REL = '5aea1ad1';
const VECTOR =
  'eyJ0eXAiOiJ2b3VjaC1jb3BpZXMrand0IiwiYWxnIjoiRVMyNTZLIn0.eyJyZWwiOiI1YWVhMWFkMSIsImNyZWRlbnRpYWwiOiJleUpoYkdjaU9pSkZVekkxTmlJc0luUjVjQ0k2SWtwWFZDSjkuZXlKcGMzTWlPaUprYVdRNmEyVjVPbnBFYm1GbGVHRnRjR3hsSWl3aWRtTjBJam9pZFhKdU9uWnZkV05vT21sdVkyOXRaUzF6ZEdGMFpXMWxiblE2TVNJc0ltTnVaaUk2ZXlKdUlqb3dmU3dpY0dWeWFXOWtJam9pTWpBeU5pMHdPU0o5LmMybG5-IiwiY2hpbGRfaW5kZXgiOjEwLCJjb3BpZXMiOjEwLCJpYXQiOjE3OTA4NDUyMDAsImp0aSI6ImoxIn0.Q7QHJcRvedTwgxH4H3hHK-5o1ZkjqLxehR0ChNIdbeRupI8AcgP5E4cdpLeDsJN5z4R-qftNGKdxUay37UlfOA';

describe('copies request', () => {
  it('Given the documented inputs, when the request is made, then it is the documented JWS, and the relationship xpub verifies it', async () => {
    const { jws, xpub } = await vectorRequest();
    expect(relationshipFingerprint(xpub)).toBe(VECTOR_REL);
    expect(jws).toBe(VECTOR);
    expect(isCopiesRequest(jws)).toBe(true);
    const verified = await verifyCopiesRequest(jws, { xpub, now: NOW });
    expect(verified.ok && verified.value).toEqual({
      relationship: VECTOR_REL,
      credential: COPY,
      childIndex: 10,
      copies: 10,
      iat: Math.floor(NOW.getTime() / 1000),
      jti: 'j1',
    });
  });

  it('Given another relationship key, when it verifies the vector, then the signature is refused', async () => {
    const other = describeKey(await mnemonicToSeed(ABANDON_ART), relationshipPath(1)).xpub;
    const verified = await verifyCopiesRequest(VECTOR, { xpub: other, now: NOW });
    expect(!verified.ok && verified.reason).toBe('bad-signature');
  });

  it('Given the vector 8 days later, then it is stale', async () => {
    const { xpub } = await vectorRequest();
    const later = new Date(NOW.getTime() + 8 * 86_400_000);
    const verified = await verifyCopiesRequest(VECTOR, { xpub, now: later });
    expect(!verified.ok && verified.reason).toBe('stale');
  });

  it.each([
    [
      'a connect request (another typ)',
      `${b64({ alg: 'ES256K', typ: 'vouch-connect+jwt' })}.${b64({})}.c2ln`,
      'wrong-typ',
    ],
    [
      'an unknown member',
      `${b64({ alg: 'ES256K', typ: 'vouch-copies+jwt' })}.${b64({ rel: '5aea1ad1', credential: COPY, child_index: 1, copies: 1, iat: 1, jti: 'j', x: 1 })}.c2ln`,
      'malformed',
    ],
    [
      '51 copies',
      `${b64({ alg: 'ES256K', typ: 'vouch-copies+jwt' })}.${b64({ rel: '5aea1ad1', credential: COPY, child_index: 1, copies: 51, iat: 1, jti: 'j' })}.c2ln`,
      'malformed',
    ],
    [
      'a VC-JWT instead of an SD-JWT copy',
      `${b64({ alg: 'ES256K', typ: 'vouch-copies+jwt' })}.${b64({ rel: '5aea1ad1', credential: 'a.b.c', child_index: 1, copies: 1, iat: 1, jti: 'j' })}.c2ln`,
      'malformed',
    ],
  ])('Given %s, when read, then it is refused (%s)', (_, jws, reason) => {
    const read = readCopiesRequest(jws);
    expect(read.ok ? 'ok' : read.reason).toBe(reason);
  });
});
