import { describe, expect, it } from 'vitest';
import type { PresentationResponse } from '../response.ts';
import { fragmentResponseUrl, readFragmentResponse } from './fragment.ts';

const PRESENTATION =
  'eyJhbGciOiJFUzI1NiJ9.eyJ2Y3QiOiJ4In0.c2ln~WyJzIiwicCIsIjEiXQ~eyJ0eXAiOiJrYitqd3QifQ.e30.c2ln';
const RESPONSE: PresentationResponse = {
  vpToken: { income: [PRESENTATION] },
  state: 's 1',
  declared: { household: 'single' },
};
const REQUEST = { responseMode: 'fragment' as const, redirectUri: 'https://desk.example/verifier' };

describe('response mode fragment', () => {
  it('Given a fragment request, when answered, then the parameters are form-encoded in the fragment of redirect_uri', () => {
    const url = fragmentResponseUrl(REQUEST, RESPONSE);
    expect(url.startsWith('https://desk.example/verifier#vp_token=')).toBe(true);
    const params = new URLSearchParams(new URL(url).hash.slice(1));
    expect(JSON.parse(params.get('vp_token') ?? '')).toEqual(RESPONSE.vpToken);
    expect(params.get('state')).toBe('s 1');
  });

  it('Given the URL, when the verifier page reads its hash, then the same response comes back', () => {
    const url = new URL(fragmentResponseUrl(REQUEST, RESPONSE));
    expect(readFragmentResponse(url.hash)).toEqual({
      ok: true,
      value: { kind: 'response', response: RESPONSE },
    });
  });

  it('Given a redirect_uri with a fragment of its own, when answered, then that fragment is replaced', () => {
    const url = fragmentResponseUrl(
      { ...REQUEST, redirectUri: 'https://d.example/v#old' },
      RESPONSE,
    );
    expect(url).not.toContain('#old');
  });

  it.each([
    [
      'a direct_post request',
      { responseMode: 'direct_post' as const, redirectUri: 'https://d.example/v' },
    ],
    ['no redirect_uri', { responseMode: 'fragment' as const }],
    [
      'a javascript: redirect_uri',
      { responseMode: 'fragment' as const, redirectUri: 'javascript:alert(1)' },
    ],
  ])('Given %s, when answered by fragment, then it throws (a bug)', (_, request) => {
    expect(() => fragmentResponseUrl(request, RESPONSE)).toThrow(TypeError);
  });

  it.each([
    ['an old desk answer (#response=VOUCH1…)', '#response=VOUCH1:abc'],
    ['nothing', ''],
    ['a vp_token that is not JSON', '#vp_token=%7B'],
  ])('Given %s, when read, then malformed, never a throw', (_, hash) => {
    expect(readFragmentResponse(hash).ok).toBe(false);
  });
});
