// What `vouch issue --batch` does faster than the single-credential path gives the same bytes:
// Node's base64url and SHA-256 (nodeEncoding) in the SD-JWT and the packer, and the offers'
// encoding without the codec-1 trial (BATCH_ENCODE), which on payroll rows is the smallest body.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ExtendedPublicKey } from '../../core/brand.ts';
import { createIssuerKeyFile } from '../../core/jose/index.ts';
import type { PublicJwk } from '../../core/jose/index.ts';
import { childKeyDeriver } from '../../core/keys/child-key.ts';
import { encodeCredentialOffer, relationshipFingerprint } from '../../core/protocol/index.ts';
import { disclosureArray } from '../../core/sd-jwt/disclosure.ts';
import type { DisclosureEncoding } from '../../core/sd-jwt/disclosure.ts';
import { issueSdJwtVcParts } from '../../core/sd-jwt/issue-sd-jwt-vc.ts';
import type { IssuedSdJwtVcParts } from '../../core/sd-jwt/issue-sd-jwt-vc.ts';
import { encodeSingleFrame, parseFrame } from '../../core/transport/index.ts';
import { CODEC_STRUCTURAL_V1, compressBody } from '../../core/transport/codec.ts';
import type { RawDeflate } from '../../core/transport/codec.ts';
import { DICTIONARY_V1 } from '../../core/transport/dictionary-v1.ts';
import { CORE_PACK_ENCODING, withPackEncoding } from '../../core/transport/pack-encoding.ts';
import { packStructure, packStructureWith } from '../../core/transport/structural-pack.ts';
import { webJwsCrypto } from '../../platform/crypto/jws-crypto.ts';
import { nodeEncoding, nodeIssuerSigner } from '../../platform/node/batch-crypto.ts';
import { payrollRow, relationshipXpubs } from './payroll-fixture.ts';
import { BATCH_ENCODE } from './payroll-rows.ts';

const ROWS = 24;

/** Deterministic salts, so two issuances of a row can be compared byte for byte. */
function countingRandom(): (n: number) => Uint8Array {
  let next = 0;
  return (n) => Uint8Array.from({ length: n }, () => next++ & 0xff);
}

// EdDSA signatures are deterministic: the same input gives the same credential.
const issuerFile = await createIssuerKeyFile(webJwsCrypto(), 'EdDSA');

async function payrollOffers(encoding?: DisclosureEncoding): Promise<Uint8Array[]> {
  return (await payrollIssued(encoding)).map(({ offer }) => offer);
}

/** Each row's offer and the SD-JWT VC's values it was built from (issueSdJwtVcParts). */
async function payrollIssued(
  encoding?: DisclosureEncoding,
): Promise<{ offer: Uint8Array; credential: IssuedSdJwtVcParts }[]> {
  const sign = nodeIssuerSigner(issuerFile);
  if (!sign) throw new Error('no Node signer');
  const issuer = { did: issuerFile.did, alg: issuerFile.alg, sign };
  const xpub = relationshipXpubs(1)[0] as ExtendedPublicKey;
  const child = childKeyDeriver(xpub);
  const randomBytes = countingRandom();
  const issued: { offer: Uint8Array; credential: IssuedSdJwtVcParts }[] = [];
  for (let i = 0; i < ROWS; i++) {
    const cells = payrollRow(i, xpub);
    const credential = await issueSdJwtVcParts({
      issuer,
      vct: 'urn:vouch:income-statement:1',
      claims: {
        period: cells[3],
        gross_wage_cents: Number(cells[4]),
        net_wage_cents: Number(cells[5]),
        hours: Number(cells[6]),
        employer_name: 'Bakkerij de Vries B.V. — ëxport',
        employer_id: '12345678',
        employee_name: cells[1],
        birth_date: cells[2],
      },
      holderJwk: child(i).jwk as PublicJwk,
      status: { idx: 1000 + i, uri: 'https://issuer.example/status/1' },
      issuedAt: new Date(Date.UTC(2025, 1, 1)),
      expiresAt: new Date(Date.UTC(2026, 1, 1)),
      randomBytes,
      ...(encoding ? { encoding } : {}),
    });
    const offer = encodeCredentialOffer({
      credential: credential.compact,
      relationship: relationshipFingerprint(xpub),
      childIndex: i,
    });
    issued.push({ offer, credential });
  }
  return issued;
}

describe('payroll encoding (issue 12 goal 3)', () => {
  it("Given text, bytes and non-ASCII, when Node's encoding runs, then it answers exactly as the core's", () => {
    const texts = ['', 'a', 'WyJzYWx0IiwibmFtZSIsInZhbHVlIl0', 'Jansen, "Jan" — ë ✓ 𝄞'];
    for (const text of texts) {
      expect(nodeEncoding.textBase64Url(text)).toBe(CORE_PACK_ENCODING.textBase64Url(text));
      expect(nodeEncoding.sha256Base64Url(text)).toBe(CORE_PACK_ENCODING.sha256Base64Url(text));
    }
    // Strict base64url: padding, whitespace, the other alphabet, a length of 4n + 1 and non-zero
    // unused bits are refused by both.
    for (const text of [
      '',
      'QQ',
      'QQ==',
      'Q Q',
      'a+b/',
      'a-b_',
      'A',
      'Zg',
      'Zh',
      'AAAA',
      'AAA',
      'é',
    ]) {
      expect(nodeEncoding.base64UrlBytes(text)).toEqual(CORE_PACK_ENCODING.base64UrlBytes(text));
    }
    const bytes = Uint8Array.from({ length: 70 }, (_, i) => (i * 37) & 0xff);
    for (const length of [0, 1, 2, 3, 32, 64, 70]) {
      // A view into a larger buffer: only its own bytes are encoded.
      const view = bytes.subarray(3, 3 + Math.min(length, 67));
      const text = CORE_PACK_ENCODING.base64Url(view);
      expect(nodeEncoding.base64Url(view)).toBe(text);
      expect(nodeEncoding.base64UrlBytes(text)).toEqual(view);
    }
  });

  it("Given payroll rows, when their SD-JWT VCs are issued with Node's encoding, then they are the core's byte for byte", async () => {
    expect((await payrollOffers(nodeEncoding)).map((o) => Buffer.from(o).toString())).toEqual(
      (await payrollOffers()).map((o) => Buffer.from(o).toString()),
    );
  });

  it('Given payroll offers, when encoded as the batch does (no codec-1 trial), then each body is the one trying every codec picks (codec 2, the smallest), and it decodes to the offer', async () => {
    for (const offer of await payrollOffers(nodeEncoding)) {
      const batch = compressBody(offer, BATCH_ENCODE);
      expect(batch.codec).toBe(CODEC_STRUCTURAL_V1);
      // The batch's zlib (a kept stream, reset between offers, set up smaller) makes zlib's own bytes.
      const zlibDefaults = compressBody(offer, {
        ...BATCH_ENCODE,
        deflate: (bytes, dictionary) => deflateRawSync(bytes, { level: 9, dictionary }),
      });
      expect(zlibDefaults.codec).toBe(batch.codec);
      expect(Uint8Array.from(zlibDefaults.body)).toEqual(batch.body);
      expect(batch).toEqual(compressBody(offer, { deflate: BATCH_ENCODE.deflate }));
      // About half the offer's codec-1 body: skipping that trial loses no bytes on these rows.
      const codec1 = (BATCH_ENCODE.deflate as RawDeflate)(offer, DICTIONARY_V1);
      expect(batch.body.length).toBeLessThan(codec1.length * 0.6);
      const parsed = parseFrame(encodeSingleFrame('offer', offer, BATCH_ENCODE));
      expect(parsed.ok && parsed.value.type === 'single' && parsed.value.payload).toEqual(offer);
    }
  });

  it("Given payroll offers, when packed in one pass from the credential's values (packStructureWith, as the batch does), then the stream is the one packing the offer's text gives, and so is the frame", async () => {
    for (const { offer, credential } of await payrollIssued(nodeEncoding)) {
      const text = Buffer.from(offer).toString('utf8');
      const known = {
        compact: credential.compact,
        header: credential.header,
        payload: credential.payload,
        disclosures: credential.disclosures.map(disclosureArray),
      };
      const fromValues = withPackEncoding(nodeEncoding, () => packStructureWith(text, known));
      expect(fromValues).toEqual(packStructure(offer));
      const structure = () => withPackEncoding(nodeEncoding, () => packStructureWith(text, known));
      expect(encodeSingleFrame('offer', offer, { ...BATCH_ENCODE, structure })).toEqual(
        encodeSingleFrame('offer', offer, BATCH_ENCODE),
      );
      // A token that is not in the payload, or does not match its values, is not packed this way.
      expect(packStructureWith(text.replace('~', '~~'), known)).toBeUndefined();
      expect(
        packStructureWith(text, { ...known, disclosures: known.disclosures.slice(1) }),
      ).toBeUndefined();
    }
  });
});
