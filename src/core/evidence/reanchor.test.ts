// Re-anchor entries (docs/evidence.md §Algorithm agility): the byte-for-byte vector, strict
// decoding, and the checks a verifier makes (signature, commitment over the covered entries).
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import {
  decodeReanchor,
  encodeReanchor,
  isReanchorEntry,
  makeReanchor,
  verifyReanchor,
} from './reanchor.ts';
import { testCrypto, testParty } from './receipt-parties.fake.ts';

const VECTOR =
  '5641010200000253260e1c00' +
  '1111111111111111111111111111111111111111111111111111111111111111' +
  '0000000000000000' +
  '0000000000000002' +
  '2222222222222222222222222222222222222222222222222222222222222222' +
  '2ca157cdb7530262b0c9d65499381f90e8ccb2caeeff9d42ec45479a6dfc880e' +
  'dadde551359c80574bc17546eb60dfda168a19307518257253d11c026856c273' +
  '02' +
  '4789aef1580b80b03150f5a1b2c3a7ca02da2d15807288107b0099b0565f7583' +
  '051fd2070d17be15be8b385d7a128efa168ef595be16cd67403ed6d364b7e8b6' +
  '61ce88a3c6198b5541be9d85b8cec807622c7bd97951f9ab1f5dbdfc504c1d00';

const entries = [utf8ToBytes('entry 0'), utf8ToBytes('entry 1')];
const organisation = await testParty('EdDSA', 'reanchor-vector-organisation');
const fields = {
  hashAlg: 'sha-512' as const,
  time: Date.parse('2051-01-01T00:00:00.000Z'),
  coreKey: new Uint8Array(32).fill(0x11),
  start: 0,
  end: 2,
  treeHash: new Uint8Array(32).fill(0x22),
  signer: organisation.party,
};
const all = {
  crypto: testCrypto,
  allowedHashAlgorithms: ['sha-256', 'sha-512', 'sha3-256'] as const,
  allowedSignatureAlgorithms: ['ES256', 'EdDSA', 'ES256K'] as const,
};

describe('re-anchor entries', () => {
  it('Given the vector inputs, when a re-anchor is made, then its 253 bytes are the documented ones and the commitment is recomputed from its definition', async () => {
    const reanchor = await makeReanchor(fields, entries, organisation.sign);
    const bytes = encodeReanchor(reanchor);
    expect(bytesToHex(bytes)).toBe(VECTOR);
    expect(bytes.length).toBe(253);
    const expected = sha512(
      concatBytes(
        utf8ToBytes('vouch-reanchor/1'),
        bytes.subarray(0, 92),
        ...entries.map((entry) => sha512(entry)),
      ),
    );
    expect(bytesToHex(reanchor.commitment)).toBe(bytesToHex(expected));
    const decoded = decodeReanchor(bytes);
    expect(decoded.ok && bytesToHex(encodeReanchor(decoded.value))).toBe(VECTOR);
    expect(decoded.ok && decoded.value).toMatchObject({ start: 0, end: 2, hashAlg: 'sha-512' });
    expect((await verifyReanchor(reanchor, { entries, ...all })).ok).toBe(true);
  });

  it('Given a changed entry, a forged signature or a withdrawn algorithm, then verifyReanchor refuses by name', async () => {
    const reanchor = await makeReanchor(fields, entries, organisation.sign);
    const changed = await verifyReanchor(reanchor, {
      entries: [entries[0] as Uint8Array, utf8ToBytes('entry 1, altered')],
      ...all,
    });
    expect(changed).toMatchObject({ ok: false, reason: 'commitment-mismatch' });
    const signature = reanchor.signature.slice();
    signature[0] = (signature[0] as number) ^ 1;
    expect(await verifyReanchor({ ...reanchor, signature }, { entries, ...all })).toMatchObject({
      ok: false,
      reason: 'signature-invalid',
    });
    const noSha512 = { ...all, allowedHashAlgorithms: ['sha-256'] as const };
    expect(await verifyReanchor(reanchor, { entries, ...noSha512 })).toMatchObject({
      ok: false,
      reason: 'algorithm-not-allowed',
    });
  });

  it('Given malformed bytes, then decoding refuses each with a message naming the field', () => {
    const bytes = hexToBytes(VECTOR);
    if (!bytes.ok) throw new Error('vector');
    const at = (offset: number, value: number) => {
      const copy = bytes.value.slice();
      copy[offset] = value;
      return copy;
    };
    expect(isReanchorEntry(bytes.value)).toBe(true);
    expect(isReanchorEntry(utf8ToBytes('VR'))).toBe(false);
    const cases: [Uint8Array, RegExp][] = [
      [at(2, 2), /version 2/],
      [at(3, 9), /hash algorithm code 9/],
      [at(59, 0), /range \[0, 0\)/],
      [at(156, 9), /signature algorithm code 9/],
      [bytes.value.subarray(0, 252), /252 bytes, expected 253/],
      [new Uint8Array([...bytes.value, 0]), /254 bytes, expected 253/],
    ];
    for (const [input, message] of cases) {
      const decoded = decodeReanchor(input);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.detail.message).toMatch(message);
    }
  });
});
