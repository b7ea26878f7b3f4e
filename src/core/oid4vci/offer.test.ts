// Credential Offer links and objects (OpenID4VCI 1.0 §4.1): what parses, and every malformed,
// tampered or oversized input refused with a message.
import { describe, expect, it } from 'vitest';
import { parseFormBody, parseHttpUrl } from './http.ts';
import {
  buildCredentialOffer,
  buildCredentialOfferLink,
  MAX_OFFER_JSON_LENGTH,
  MAX_OFFER_LINK_LENGTH,
  parseCredentialOfferJson,
  parseCredentialOfferLink,
  parseCredentialOfferObject,
  PRE_AUTHORIZED_CODE_GRANT,
} from './offer.ts';

const OFFER = {
  credential_issuer: 'https://issuer.example',
  credential_configuration_ids: ['income-statement'],
  grants: {
    [PRE_AUTHORIZED_CODE_GRANT]: {
      'pre-authorized_code': 'adhjhdjajkdkhjhdj',
      tx_code: { input_mode: 'numeric', length: 6, description: 'Code from the SMS' },
    },
  },
};

const byValue = (offer: unknown) =>
  `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;

describe('Given a valid offer', () => {
  it('when it comes by value, then the object is read', () => {
    const parsed = parseCredentialOfferLink(byValue(OFFER));
    expect(parsed).toEqual({ ok: true, value: { kind: 'by-value', offer: OFFER } });
  });

  it('when it comes by reference, then the https URI is read', () => {
    const link = `openid-credential-offer://?credential_offer_uri=${encodeURIComponent('https://issuer.example/offers/7')}`;
    expect(parseCredentialOfferLink(link)).toEqual({
      ok: true,
      value: { kind: 'by-reference', uri: 'https://issuer.example/offers/7' },
    });
  });

  it.each([
    [
      'an https link',
      'https://wallet.example/receive?credential_offer_uri=https%3A%2F%2Fi.example%2Fo',
    ],
    [
      'the scheme without //',
      'openid-credential-offer:?credential_offer_uri=https%3A%2F%2Fi.example%2Fo',
    ],
    [
      'surrounding white space',
      '  openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fi.example%2Fo\n',
    ],
    [
      'other query parameters',
      'openid-credential-offer://?x=1&credential_offer_uri=https%3A%2F%2Fi.example%2Fo&y',
    ],
    [
      'a fragment',
      'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fi.example%2Fo#frag',
    ],
  ])('when it is %s, then it is read too', (_name, link) => {
    const parsed = parseCredentialOfferLink(link);
    expect(parsed.ok && parsed.value).toEqual({ kind: 'by-reference', uri: 'https://i.example/o' });
  });

  it('when it has unknown members, then they are ignored (and dropped)', () => {
    const parsed = parseCredentialOfferObject({
      ...OFFER,
      extension: { a: 1 },
      grants: { ...OFFER.grants, 'urn:example:other-grant': {} },
    });
    expect(parsed).toEqual({ ok: true, value: OFFER });
  });

  it('when it names the authorization code grant, then its issuer_state is kept', () => {
    const parsed = parseCredentialOfferObject({
      ...OFFER,
      grants: { authorization_code: { issuer_state: 'eyJh' } },
    });
    expect(parsed.ok && parsed.value.grants).toEqual({
      authorization_code: { issuer_state: 'eyJh' },
    });
  });

  it('when built by buildCredentialOffer and buildCredentialOfferLink, then it parses back', () => {
    const offer = buildCredentialOffer({
      credentialIssuer: 'http://localhost:8080',
      credentialConfigurationIds: ['diploma'],
      preAuthorizedCode: 'code',
      txCode: { input_mode: 'text', length: 4 },
    });
    expect(parseCredentialOfferLink(buildCredentialOfferLink({ offer }))).toEqual({
      ok: true,
      value: { kind: 'by-value', offer },
    });
    const reference = buildCredentialOfferLink({ offerUri: 'https://i.example/offers/a?b=c&d' });
    expect(reference).toBe(
      'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fi.example%2Foffers%2Fa%3Fb%3Dc%26d',
    );
  });
});

describe('Given a malformed or tampered offer, then it is refused as bad-offer', () => {
  const { credential_issuer: _issuer, ...noIssuer } = OFFER;
  it.each([
    ['not a string', 42],
    ['another scheme', 'openid4vp://?request_uri=https%3A%2F%2Fv.example'],
    ['no query', 'openid-credential-offer://'],
    ['neither parameter', 'openid-credential-offer://?foo=bar'],
    ['both parameters', `${byValue(OFFER)}&credential_offer_uri=https%3A%2F%2Fi.example%2Fo`],
    [
      'a repeated parameter',
      'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fa.example&credential_offer_uri=https%3A%2F%2Fb.example',
    ],
    ['a bad %-escape', 'openid-credential-offer://?credential_offer=%7B%ZZ'],
    ['JSON that is not an object', 'openid-credential-offer://?credential_offer=%5B1%5D'],
    ['not JSON', 'openid-credential-offer://?credential_offer=%7Bcredential_issuer'],
    [
      'an http offer URI',
      'openid-credential-offer://?credential_offer_uri=http%3A%2F%2Fi.example%2Fo',
    ],
    [
      'a javascript: offer URI',
      'openid-credential-offer://?credential_offer_uri=javascript%3Aalert(1)',
    ],
    [
      'an offer URI with user info',
      'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fu%40i.example%2Fo',
    ],
    ['no credential_issuer', byValue(noIssuer)],
    [
      'an http credential_issuer',
      byValue({ ...OFFER, credential_issuer: 'http://issuer.example' }),
    ],
    [
      'a credential_issuer with a query',
      byValue({ ...OFFER, credential_issuer: 'https://issuer.example?a=1' }),
    ],
    [
      'a credential_issuer with a fragment',
      byValue({ ...OFFER, credential_issuer: 'https://issuer.example#a' }),
    ],
    ['no configuration ids', byValue({ ...OFFER, credential_configuration_ids: [] })],
    ['a non-string configuration id', byValue({ ...OFFER, credential_configuration_ids: [7] })],
    [
      'duplicate configuration ids',
      byValue({ ...OFFER, credential_configuration_ids: ['a', 'a'] }),
    ],
    [
      'too many configuration ids',
      byValue({
        ...OFFER,
        credential_configuration_ids: Array.from({ length: 33 }, (_, i) => `c${i}`),
      }),
    ],
    ['grants not an object', byValue({ ...OFFER, grants: [] })],
    [
      'an empty pre-authorized code',
      byValue({ ...OFFER, grants: { [PRE_AUTHORIZED_CODE_GRANT]: { 'pre-authorized_code': '' } } }),
    ],
    [
      'a numeric pre-authorized code',
      byValue({ ...OFFER, grants: { [PRE_AUTHORIZED_CODE_GRANT]: { 'pre-authorized_code': 5 } } }),
    ],
    [
      'a tx_code input mode of its own',
      byValue({
        ...OFFER,
        grants: {
          [PRE_AUTHORIZED_CODE_GRANT]: {
            'pre-authorized_code': 'c',
            tx_code: { input_mode: 'emoji' },
          },
        },
      }),
    ],
    [
      'a tx_code length of 0',
      byValue({
        ...OFFER,
        grants: {
          [PRE_AUTHORIZED_CODE_GRANT]: { 'pre-authorized_code': 'c', tx_code: { length: 0 } },
        },
      }),
    ],
    [
      'a tx_code length of 1.5',
      byValue({
        ...OFFER,
        grants: {
          [PRE_AUTHORIZED_CODE_GRANT]: { 'pre-authorized_code': 'c', tx_code: { length: 1.5 } },
        },
      }),
    ],
    [
      'a tx_code description over 300 characters',
      byValue({
        ...OFFER,
        grants: {
          [PRE_AUTHORIZED_CODE_GRANT]: {
            'pre-authorized_code': 'c',
            tx_code: { description: 'x'.repeat(301) },
          },
        },
      }),
    ],
    [
      'an http authorization_server',
      byValue({
        ...OFFER,
        grants: {
          [PRE_AUTHORIZED_CODE_GRANT]: {
            'pre-authorized_code': 'c',
            authorization_server: 'http://as.example',
          },
        },
      }),
    ],
  ])('when it has %s', (_name, link) => {
    const parsed = parseCredentialOfferLink(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toBe('bad-offer');
      expect(parsed.detail.message.length).toBeGreaterThan(0);
    }
  });

  it('when the link is oversized, then it is refused before the JSON is parsed', () => {
    const link = byValue({ ...OFFER, padding: 'x'.repeat(MAX_OFFER_LINK_LENGTH) });
    const parsed = parseCredentialOfferLink(link);
    expect(parsed.ok ? '' : parsed.detail.message).toMatch(/more than/);
  });

  it('when the fetched offer JSON is oversized, then it is refused', () => {
    const parsed = parseCredentialOfferJson(
      JSON.stringify({ ...OFFER, padding: 'x'.repeat(MAX_OFFER_JSON_LENGTH) }),
    );
    expect(parsed.ok ? '' : parsed.detail.message).toMatch(/more than/);
  });

  it('when the JSON nests deeply, then parsing stays total', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(parseCredentialOfferJson(deep).ok).toBe(false);
  });
});

describe('parseHttpUrl', () => {
  it.each([
    ['https://issuer.example', true],
    ['https://issuer.example:8443/tenant/a', true],
    ['https://[2001:db8::1]/x', true],
    ['http://localhost:3000', true],
    ['http://127.0.0.1:3000/x', true],
    ['http://[::1]:8080', true],
    ['HTTPS://Issuer.Example', true],
    ['http://issuer.example', false],
    ['https://', false],
    ['https://issuer.example:99999', false],
    ['https://issuer_example', false],
    ['https://a.example/b c', false],
    ['ftp://issuer.example', false],
    ['https://issuer.example#x', false],
    [`https://issuer.example/${'a'.repeat(3000)}`, false],
  ])('%s → %s', (url, accepted) => {
    expect(parseHttpUrl(url, 'url').ok).toBe(accepted);
  });
});

describe('parseFormBody', () => {
  it('reads + as a space and %-escapes, keeps empty values', () => {
    const parsed = parseFormBody('a=1+2&b=%C3%A9&c=&d', 'form', 100);
    expect(parsed.ok && Object.fromEntries(parsed.value)).toEqual({
      a: '1 2',
      b: 'é',
      c: '',
      d: '',
    });
  });
  it('refuses repeats, bad escapes and oversize', () => {
    expect(parseFormBody('a=1&a=2', 'form', 100).ok).toBe(false);
    expect(parseFormBody('a=%E0%A4%A', 'form', 100).ok).toBe(false);
    expect(parseFormBody('a=123', 'form', 4).ok).toBe(false);
  });
});
