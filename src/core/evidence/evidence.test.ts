import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../encoding/hex.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import {
  countersign,
  decodeReceipt,
  encodeReceipt,
  hashDocument,
  MAX_RECEIPT_BYTES,
  makeReceipt,
  parseReceiptFile,
  partyFromJwk,
  partyToJwk,
  receiptFromJson,
  receiptRecordFromJson,
  receiptRecordToJson,
  receiptSigningInput,
  receiptToJson,
  signAsFirst,
  verifyReceipt,
} from './index.ts';
import type { HashAlgorithm, Receipt, ReceiptAction } from './index.ts';
import { testCrypto, testParty } from './receipt-parties.fake.ts';
import vector from './receipt-vector.cases.json' with { type: 'json' };

const crypto = testCrypto;
const document = utf8ToBytes('{"application":"income supplement"}');

async function doubleSigned(options: {
  deskAlg?: 'ES256' | 'EdDSA' | 'ES256K';
  hashAlg?: HashAlgorithm;
  action?: ReceiptAction;
  salt?: string;
}) {
  const desk = await testParty(options.deskAlg ?? 'ES256', `desk-${options.deskAlg ?? 'ES256'}`);
  const wallet = await testParty('ES256K', 'wallet-relationship');
  const { receipt, opening } = makeReceipt({
    action: options.action ?? 'ACKNOWLEDGE',
    time: Date.parse('2026-12-03T01:00:00.000Z'),
    document,
    sender: wallet.party,
    recipient: desk.party,
    ...(options.hashAlg ? { hashAlg: options.hashAlg } : {}),
    randomBytes: seededRandomBytes(options.salt ?? 'salt'),
  });
  const first = await signAsFirst({ receipt, as: 'recipient', sign: desk.sign });
  const second = await countersign({ receipt: first, as: 'sender', sign: wallet.sign, crypto });
  if (!second.ok) throw new Error(second.reason);
  return { desk, wallet, first, receipt: second.value, opening };
}

function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

describe('the receipt test vector (docs/evidence.md)', () => {
  it('Given the vector keys, salt and document, when made and signed by both, then every byte is as documented', async () => {
    const desk = await testParty('ES256', vector.deskSeed);
    const wallet = await testParty('ES256K', vector.walletSeed);
    const { receipt, opening } = makeReceipt({
      action: vector.action as ReceiptAction,
      time: Date.parse(vector.time),
      document: utf8ToBytes(vector.document),
      sender: wallet.party,
      recipient: desk.party,
      randomBytes: seededRandomBytes(vector.saltSeed),
    });
    expect(bytesToHex(opening.salt)).toBe(vector.salt);
    expect(bytesToHex(opening.documentHash)).toBe(vector.documentHash);
    expect(bytesToHex(receipt.commitment)).toBe(vector.commitment);
    expect(bytesToHex(receiptSigningInput(receipt))).toBe(vector.signingInput);
    const first = await signAsFirst({ receipt, as: 'recipient', sign: desk.sign });
    const signed = await countersign({ receipt: first, as: 'sender', sign: wallet.sign, crypto });
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(bytesToHex(encodeReceipt(signed.value))).toBe(vector.binary);
    const verdict = await verifyReceipt(signed.value, {
      crypto,
      opening,
      document: utf8ToBytes(vector.document),
    });
    expect(verdict).toMatchObject({ valid: true, level: 2 });
  });
});

describe('making, signing and verifying', () => {
  it.each([
    ['ES256', 'sha-256'],
    ['EdDSA', 'sha-512'],
    ['ES256K', 'sha3-256'],
  ] as const)(
    'Given a %s desk and %s, when both sign, then the receipt verifies at level 1 (2 with its opening) and fits 400 bytes',
    async (deskAlg, hashAlg) => {
      const { receipt, opening } = await doubleSigned({ deskAlg, hashAlg });
      expect(receipt.hashAlg).toBe(hashAlg);
      expect(encodeReceipt(receipt).length).toBeLessThanOrEqual(MAX_RECEIPT_BYTES);
      expect(await verifyReceipt(receipt, { crypto })).toMatchObject({ valid: true, level: 1 });
      const opened = await verifyReceipt(receipt, { crypto, opening, document });
      expect(opened).toMatchObject({ valid: true, level: 2 });
      expect(opened.checks.map((c) => [c.name, c.code])).toEqual([
        ['algorithms', 'ok'],
        ['sender-signature', 'ok'],
        ['recipient-signature', 'ok'],
        ['commitment', 'ok'],
        ['document', 'ok'],
      ]);
    },
  );

  it('Given the largest receipt (sha-512, two 33-byte keys), then it has 274 bytes', async () => {
    const { receipt } = await doubleSigned({ deskAlg: 'ES256K', hashAlg: 'sha-512' });
    expect(encodeReceipt(receipt).length).toBe(274);
  });

  it('Given two receipts about one document, then their commitments differ (fresh salts)', async () => {
    const a = await doubleSigned({ salt: 'one' });
    const b = await doubleSigned({ salt: 'two' });
    expect(bytesToHex(a.receipt.commitment)).not.toBe(bytesToHex(b.receipt.commitment));
    expect(bytesToHex(a.opening.documentHash)).toBe(bytesToHex(b.opening.documentHash));
  });

  it('Given a receipt signed by one party only, then it is invalid (level 0)', async () => {
    const { first } = await doubleSigned({});
    const verdict = await verifyReceipt(first, { crypto });
    expect(verdict).toMatchObject({ valid: false, level: 0 });
    expect(verdict.checks.find((c) => c.name === 'sender-signature')?.code).toBe(
      'signature-missing',
    );
  });

  it('Given an altered action, time or commitment, then a signature no longer verifies', async () => {
    const { receipt } = await doubleSigned({});
    const altered: Receipt[] = [
      { ...receipt, action: 'PRESENT' },
      { ...receipt, time: receipt.time + 1 },
      { ...receipt, commitment: flipByte(receipt.commitment, 0) },
    ];
    for (const variant of altered) {
      const verdict = await verifyReceipt(variant, { crypto });
      expect(verdict.valid).toBe(false);
      expect(verdict.checks.find((c) => c.name === 'sender-signature')?.code).toBe(
        'signature-invalid',
      );
    }
  });

  it('Given a wrong salt or another document, then the commitment or document check fails', async () => {
    const { receipt, opening } = await doubleSigned({});
    const wrongSalt = await verifyReceipt(receipt, {
      crypto,
      opening: { ...opening, salt: flipByte(opening.salt, 5) },
    });
    expect(wrongSalt.checks.find((c) => c.name === 'commitment')?.code).toBe('commitment-mismatch');
    expect(wrongSalt.level).toBe(0);
    const otherDocument = await verifyReceipt(receipt, {
      crypto,
      opening,
      document: utf8ToBytes('{"application":"something else"}'),
    });
    expect(otherDocument.checks.find((c) => c.name === 'document')?.code).toBe('document-mismatch');
    expect(otherDocument.valid).toBe(false);
  });

  it('Given a verifier that no longer allows sha-256 or ES256, then the receipt is refused by name', async () => {
    const { receipt } = await doubleSigned({});
    const verdict = await verifyReceipt(receipt, {
      crypto,
      allowedHashAlgorithms: ['sha-512'],
      allowedSignatureAlgorithms: ['ES256K', 'EdDSA'],
    });
    expect(verdict.valid).toBe(false);
    expect(verdict.checks[0]).toMatchObject({
      name: 'algorithms',
      code: 'algorithm-not-allowed',
      message: 'not allowed here: sha-256, ES256',
    });
  });

  it('Given a countersigner whose key is not the one in the receipt, then countersign refuses', async () => {
    const { receipt } = makeReceipt({
      action: 'ISSUE',
      time: 0,
      documentHash: hashDocument('sha-256', document),
      sender: (await testParty('ES256', 'issuer')).party,
      recipient: (await testParty('ES256K', 'wallet')).party,
      randomBytes: seededRandomBytes('s'),
    });
    const issuer = await testParty('ES256', 'issuer');
    const stranger = await testParty('ES256K', 'stranger');
    const first = await signAsFirst({ receipt, as: 'sender', sign: issuer.sign });
    const result = await countersign({
      receipt: first,
      as: 'recipient',
      sign: stranger.sign,
      crypto,
    });
    expect(result).toMatchObject({ ok: false, reason: 'signer-key-mismatch' });
    const forged = await signAsFirst({ receipt, as: 'sender', sign: stranger.sign });
    expect(
      await countersign({ receipt: forged, as: 'recipient', sign: stranger.sign, crypto }),
    ).toMatchObject({ ok: false, reason: 'first-signature-invalid' });
    expect(
      await countersign({ receipt, as: 'recipient', sign: stranger.sign, crypto }),
    ).toMatchObject({ ok: false, reason: 'not-signed-first' });
  });

  it('Given a JWK, then the party round-trips through its compact key', async () => {
    for (const alg of ['ES256', 'EdDSA', 'ES256K'] as const) {
      const { party } = await testParty(alg, `round-${alg}`);
      expect(partyFromJwk(partyToJwk(party))).toEqual(party);
    }
  });
});

describe('the binary form, strictly', () => {
  it('Given an encoded receipt, when decoded, then it is the same receipt', async () => {
    const { receipt, first } = await doubleSigned({ deskAlg: 'EdDSA', hashAlg: 'sha-512' });
    for (const r of [receipt, first]) {
      const decoded = decodeReceipt(encodeReceipt(r));
      expect(decoded).toEqual({ ok: true, value: r });
    }
  });

  it.each([
    ['empty', () => new Uint8Array(0), 'too short'],
    ['oversized', () => new Uint8Array(401), 'more than 400'],
    ['bad magic', (b: Uint8Array) => flipByte(b, 0), 'does not start with "VR"'],
    ['version 2', (b: Uint8Array) => Object.assign(b.slice(), { 2: 2 }), 'version 2'],
    ['action 9', (b: Uint8Array) => Object.assign(b.slice(), { 3: 9 }), 'action code 9'],
    ['hash 7', (b: Uint8Array) => Object.assign(b.slice(), { 4: 7 }), 'hash algorithm code 7'],
    ['truncated', (b: Uint8Array) => b.slice(0, b.length - 1), 'inside the recipient'],
    ['trailing byte', (b: Uint8Array) => Uint8Array.of(...b, 0), 'trailing'],
    ['off-curve key', (b: Uint8Array) => Object.assign(b.slice(), { 46: 0x07 }), 'sender'],
    ['unknown flag', (b: Uint8Array) => Object.assign(b.slice(), { 113: 0x04 }), 'unknown bits'],
  ])('Given %s input, then decoding fails and says why', async (_name, mutate, expected) => {
    const { receipt } = await doubleSigned({});
    const bytes = encodeReceipt(receipt);
    const result = decodeReceipt(mutate(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail.message).toContain(expected);
  });
});

describe('the JSON forms', () => {
  it('Given a record, when written and read, then receipt, opening and level survive', async () => {
    const { receipt, opening } = await doubleSigned({ deskAlg: 'EdDSA' });
    const text = JSON.stringify(receiptRecordToJson({ receipt, opening }));
    const parsed = parseReceiptFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || !parsed.value.opening) return;
    expect(parsed.value.receipt).toEqual(receipt);
    const verdict = await verifyReceipt(parsed.value.receipt, {
      crypto,
      opening: parsed.value.opening,
    });
    expect(verdict.level).toBe(2);
    expect(receiptFromJson(receiptToJson(receipt))).toEqual({ ok: true, value: receipt });
  });

  it.each([
    ['an unknown member', (j: Record<string, unknown>) => ({ ...j, extra: 1 }), 'extra'],
    ['a bad action', (j: Record<string, unknown>) => ({ ...j, action: 'SEND' }), 'action'],
    [
      'a time without ms',
      (j: Record<string, unknown>) => ({ ...j, time: '2026-12-03T01:00:00Z' }),
      'time',
    ],
    [
      'a short commitment',
      (j: Record<string, unknown>) => ({ ...j, commitment: 'AAAA' }),
      'expected 32 bytes',
    ],
    ['padded base64', (j: Record<string, unknown>) => ({ ...j, commitment: 'AA==' }), 'base64url'],
  ])(
    'Given a receipt JSON with %s, then it is refused and the field is named',
    async (_n, mutate, expected) => {
      const { receipt } = await doubleSigned({});
      const result = receiptFromJson(
        mutate(receiptToJson(receipt) as unknown as Record<string, unknown>),
      );
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail.message).toContain(expected);
    },
  );

  it('Given files that are not receipts, then parseReceiptFile refuses them', async () => {
    expect(parseReceiptFile('not json')).toMatchObject({ ok: false });
    expect(parseReceiptFile('{"type":"vouch-offer"}')).toMatchObject({ ok: false });
    expect(parseReceiptFile(' '.repeat(300_000))).toMatchObject({ ok: false });
    const { receipt, opening } = await doubleSigned({});
    const json = receiptRecordToJson({ receipt, opening });
    expect(receiptRecordFromJson({ ...json, salt: 'AAAA' })).toMatchObject({ ok: false });
  });
});
