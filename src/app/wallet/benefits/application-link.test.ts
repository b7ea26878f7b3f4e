import { describe, expect, it } from 'vitest';
import { encodeForText } from '../../../core/transport/index.ts';
import { MAX_INCOMING_CHARS } from '../incoming-link.ts';
import { applicationLinkTarget } from './application-link.ts';

/** An application link as docs/ux.md §Application links writes it. */
const APPLICATION =
  'openid4vp://?client_id=decentralized_identifier%3Adid%3Akey%3Az6Mk&request_uri=https%3A%2F%2Fagency.example%2Fapplications%2Fa1%2Frequest&request_uri_method=post';
const OFFER =
  'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Foffers%2Fabc';

describe('applicationLinkTarget', () => {
  it('Given the agency’s application link, then it goes to the request screen as it is', () => {
    expect(applicationLinkTarget(APPLICATION)).toEqual({
      ok: true,
      kind: 'request',
      text: APPLICATION,
    });
  });

  it('Given the link with spaces around it (as pasted), then it is recognised', () => {
    expect(applicationLinkTarget(`  ${APPLICATION}\n`)).toMatchObject({
      ok: true,
      kind: 'request',
    });
  });

  it('Given the same link as an https address on the agency’s site, then it is recognised', () => {
    const https = `https://agency.example/apply?${APPLICATION.split('?')[1]}`;
    expect(applicationLinkTarget(https)).toMatchObject({ ok: true, kind: 'request' });
  });

  it('Given a Vouch request text (offline), then it goes to the request screen too', () => {
    const text = encodeForText('request', new Uint8Array([1, 2, 3]));
    expect(applicationLinkTarget(text)).toEqual({ ok: true, kind: 'request', text });
  });

  it('Given a credential offer pasted by mistake, then it goes to Receive', () => {
    expect(applicationLinkTarget(OFFER)).toMatchObject({ ok: true, kind: 'offer' });
  });

  it.each([
    ['empty', '   ', 'benefits.apply.linkEmpty'],
    [
      'oversized',
      `openid4vp://?request_uri=${'a'.repeat(MAX_INCOMING_CHARS)}`,
      'benefits.apply.linkTooLarge',
    ],
    ['a web page without a request', 'https://agency.example/apply', 'benefits.apply.linkUnknown'],
    ['plain words', 'my application please', 'benefits.apply.linkUnknown'],
    ['a script URL', 'javascript:alert(1)', 'benefits.apply.linkUnknown'],
    ['a tampered Vouch text', 'VOUCH1:%%%not-base45', 'benefits.apply.linkUnknown'],
  ])('Given %s text, then it is refused with a clear message', (_what, text, message) => {
    expect(applicationLinkTarget(text)).toEqual({ ok: false, message });
  });
});
