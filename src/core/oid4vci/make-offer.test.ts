// The server's offer-making helper: codes, transaction codes and the offer link.
import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { digestSecret } from './endpoint.ts';
import { createTxCode, preparePreAuthorizedOffer } from './make-offer.ts';
import { parseCredentialOfferLink, PRE_AUTHORIZED_CODE_GRANT } from './offer.ts';

describe('Given the server makes an offer', () => {
  it('when it asks for a transaction code, then the offer describes it and only its digest is for storage', () => {
    const prepared = preparePreAuthorizedOffer({
      credentialIssuer: 'https://issuer.example',
      type: 'household',
      offerUri: 'https://issuer.example/offers/abc',
      txCode: true,
      randomBytes,
    });
    expect(prepared.txCode).toMatch(/^[0-9]{6}$/);
    expect(prepared.txCodeDigest).toBe(digestSecret(prepared.txCode as string));
    const grant = prepared.offer.grants?.[PRE_AUTHORIZED_CODE_GRANT];
    expect(grant?.['pre-authorized_code']).toBe(prepared.preAuthorizedCode);
    expect(grant?.tx_code).toMatchObject({ input_mode: 'numeric', length: 6 });
    expect(JSON.stringify(prepared.offer)).not.toContain(prepared.txCode);
    expect(parseCredentialOfferLink(prepared.link)).toEqual({
      ok: true,
      value: { kind: 'by-reference', uri: 'https://issuer.example/offers/abc' },
    });
  });

  it('when it asks for none, then the offer has no tx_code', () => {
    const prepared = preparePreAuthorizedOffer({
      credentialIssuer: 'https://issuer.example',
      type: 'diploma',
      offerUri: 'https://issuer.example/offers/x',
      randomBytes,
    });
    expect(prepared.txCode).toBeUndefined();
    expect(prepared.offer.grants?.[PRE_AUTHORIZED_CODE_GRANT]?.tx_code).toBeUndefined();
    expect(prepared.offer.credential_configuration_ids).toEqual(['diploma']);
  });

  it('then transaction codes are digits of the asked length, every digit about as often', () => {
    const random = seededRandomBytes('tx-codes');
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 2000; i++) {
      const code = createTxCode(random, 8);
      expect(code).toMatch(/^[0-9]{8}$/);
      for (const digit of code) counts[Number(digit)] = (counts[Number(digit)] ?? 0) + 1;
    }
    // 16,000 digits: 1,600 expected per digit; a gross bias (e.g. hex digits mapped to 0–9) fails.
    for (const count of counts) expect(Math.abs(count - 1600)).toBeLessThan(200);
    expect(() => createTxCode(random, 3)).toThrow(RangeError);
  });
});
