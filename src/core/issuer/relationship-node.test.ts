import { describe, expect, it } from 'vitest';
import type { ExtendedPublicKey } from '../brand.ts';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '../encoding/utf8.ts';
import {
  deriveCredentialPublicKey,
  describeKey,
  publicKeyToJwk,
  relationshipPath,
} from '../keys/index.ts';
import { relationshipFingerprint } from '../protocol/index.ts';
import { nobleHmacSha512, nobleTweakAdd } from '../keys/child-key.ts';
import { relationshipNode } from './relationship-node.ts';
import type { RelationshipPort } from './relationship-node.ts';

const noble: RelationshipPort = { ...nobleTweakAdd, hmacSha512: nobleHmacSha512, ripemd160 };

describe('relationshipNode (a payroll reads each relationship xpub once)', () => {
  const seed = sha512(utf8ToBytes('relationship node test'));
  const xpubs = [0, 1, 7].map(
    (r) => describeKey(seed, relationshipPath(r)).xpub as ExtendedPublicKey,
  );

  it('Given relationship xpubs, when children are derived, then each is exactly deriveCredentialPublicKey and publicKeyToJwk of it', () => {
    for (const xpub of xpubs) {
      const node = relationshipNode(xpub, noble);
      expect(node.fingerprint).toBe(relationshipFingerprint(xpub));
      for (const index of [0, 1, 2, 41, 1000, 0x7fffffff]) {
        const expected = deriveCredentialPublicKey(xpub, index);
        const child = node.child(index);
        expect(child.publicKey).toEqual(expected);
        expect(child.jwk).toEqual(publicKeyToJwk(expected));
      }
    }
  });

  it('Given a hardened or malformed index, when a child is asked for, then it throws', () => {
    const node = relationshipNode(xpubs[0] as ExtendedPublicKey, noble);
    for (const index of [-1, 0x80000000, 1.5, Number.NaN]) {
      expect(() => node.child(index)).toThrow(RangeError);
    }
  });
});
