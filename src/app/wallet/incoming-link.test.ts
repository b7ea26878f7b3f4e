import { describe, expect, it } from 'vitest';
import { encodeForText } from '../../core/transport/index.ts';
import {
  hostToContact,
  isOnlineLink,
  MAX_INCOMING_CHARS,
  recogniseIncoming,
  requestNeedsFetch,
} from './incoming-link.ts';

const OFFER_BY_REF =
  'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Foffers%2Fabc';
const OFFER_BY_VALUE = `openid-credential-offer://?credential_offer=${encodeURIComponent(
  JSON.stringify({
    credential_issuer: 'https://issuer.example',
    credential_configuration_ids: ['income'],
    grants: {
      'urn:ietf:params:oauth:grant-type:pre-authorized_code': { 'pre-authorized_code': 'x' },
    },
  }),
)}`;
const REQUEST =
  'openid4vp://?client_id=decentralized_identifier%3Adid%3Akey%3Az6Mk&request_uri=http%3A%2F%2F127.0.0.1%3A4555%2Frequests%2F1';

describe('recogniseIncoming', () => {
  it.each([
    [OFFER_BY_REF, 'openid-offer'],
    [OFFER_BY_VALUE, 'openid-offer'],
    [`  ${OFFER_BY_REF}\n`, 'openid-offer'],
    ['OPENID-CREDENTIAL-OFFER://?credential_offer_uri=https%3A%2F%2Fi.example%2Fo', 'openid-offer'],
    ['https://wallet.example/?credential_offer_uri=https%3A%2F%2Fi.example%2Fo', 'openid-offer'],
    [REQUEST, 'openid-request'],
    ['haip-vp://?client_id=x&request_uri=https%3A%2F%2Fv.example%2Fr', 'openid-request'],
    [
      'https://wallet.example/cb?client_id=x&request_uri=https%3A%2F%2Fv.example%2Fr',
      'openid-request',
    ],
    [`web+vouch:${encodeURIComponent(REQUEST)}`, 'openid-request'],
    [`web+vouch:${REQUEST}`, 'openid-request'],
    [`WEB+VOUCH://${encodeURIComponent(OFFER_BY_REF)}`, 'openid-offer'],
  ])('Given %s, then it is an %s', (text, kind) => {
    expect(recogniseIncoming(text).kind).toBe(kind);
  });

  it('Given Vouch offline text or a Vouch link, then it stays a Vouch code (the offline flows keep working)', () => {
    const text = encodeForText('offer', new Uint8Array([1, 2, 3]));
    expect(recogniseIncoming(text)).toEqual({ kind: 'vouch', text });
    expect(recogniseIncoming(`https://wallet.example/#receive=${text}`).kind).toBe('vouch');
    expect(recogniseIncoming(`http://127.0.0.1:4173/#request=${text}`).kind).toBe('vouch');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(MAX_INCOMING_CHARS + 1), 'too-large'],
    ['hello world', 'not-recognised'],
    ['https://example.org/?foo=bar', 'not-recognised'],
    ['https://wallet.example/?client_id=only', 'not-recognised'],
    ['javascript:alert(1)//?credential_offer_uri=x', 'not-recognised'],
    ['data:text/html,<script>?request_uri=x', 'not-recognised'],
    ['web+vouch:%E0%A4%A', 'not-recognised'],
    ['web+vouch:', 'not-recognised'],
    ['openid4vp ://?client_id=x', 'not-recognised'],
  ])(
    'Given malformed, tampered or oversized input %#, then it is unknown (%s)',
    (text, problem) => {
      expect(recogniseIncoming(text)).toEqual({ kind: 'unknown', problem });
    },
  );

  it('Given something that is not text, then it is unknown, not a crash', () => {
    expect(recogniseIncoming(undefined).kind).toBe('unknown');
    expect(recogniseIncoming({ toString: () => REQUEST }).kind).toBe('unknown');
  });

  it('Given online links and offline codes, then only the online ones go to the online flows', () => {
    expect(isOnlineLink(REQUEST)).toBe(true);
    expect(isOnlineLink(OFFER_BY_REF)).toBe(true);
    expect(isOnlineLink(encodeForText('request', new Uint8Array([1])))).toBe(false);
  });
});

describe('requestNeedsFetch', () => {
  it('Given a request by reference, then reading it fetches; by value, it does not', () => {
    expect(requestNeedsFetch(REQUEST)).toBe(true);
    expect(requestNeedsFetch('openid4vp://?client_id=x&request=eyJ.e30.sig')).toBe(false);
    expect(requestNeedsFetch('openid4vp://?client_id=x&response_type=vp_token')).toBe(false);
  });
});

describe('hostToContact', () => {
  it('Given an offer by reference, a request by reference or an offer by value, then it names the host the wallet will contact first', () => {
    expect(hostToContact(OFFER_BY_REF)).toBe('issuer.example');
    expect(hostToContact(REQUEST)).toBe('127.0.0.1:4555');
    expect(hostToContact(OFFER_BY_VALUE)).toBe('issuer.example');
    expect(
      hostToContact(
        'openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2Fv.example%2Fcb&response_type=vp_token&response_uri=https%3A%2F%2Fv.example%2Fcb',
      ),
    ).toBe('v.example');
  });

  it.each([
    'openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2Fv.example&response_type=vp_token',
    'openid4vp://?client_id=x&request_uri=javascript%3Aalert(1)',
    'openid4vp://?client_id=x&request_uri=%E0%A4%A',
    'openid-credential-offer://?credential_offer=%7Bnot json',
    'openid-credential-offer://',
  ])('Given %s, then no host is named (the flow says so itself)', (uri) => {
    expect(hostToContact(uri)).toBeUndefined();
  });
});
