import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeForText } from '../../core/transport/index.ts';
import { pendingKindOf, waitingLinkKind } from './pending-link-kind.ts';
import { pendingLink, takeLinkFromLocation, takePendingLink, vouchTextOf } from './pending-link.ts';

const REQUEST =
  'openid4vp://?client_id=decentralized_identifier%3Adid%3Akey%3Az6Mk&request_uri=http%3A%2F%2F127.0.0.1%3A4555%2Frequests%2F1';
const OFFER =
  'openid-credential-offer://?credential_offer_uri=http%3A%2F%2F127.0.0.1%3A4555%2Foffers%2Fabc';

/** A page at `href`; returns what the address bar was replaced with. */
function openAt(href: string) {
  const url = new URL(href);
  const replaced: string[] = [];
  vi.stubGlobal('window', {
    location: {
      origin: url.origin,
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
    },
    history: { replaceState: (_s: unknown, _t: string, to: string) => replaced.push(to) },
  });
  takeLinkFromLocation();
  return replaced;
}

afterEach(() => {
  takePendingLink('offer');
  takePendingLink('request');
  vi.unstubAllGlobals();
});

describe('links that open the wallet', () => {
  it('Given the protocol handler opens /#link=<web+vouch:openid4vp…>, then the request is pending and the address bar is cleared', () => {
    const replaced = openAt(
      `https://wallet.example/#link=${encodeURIComponent(`web+vouch:${encodeURIComponent(REQUEST)}`)}`,
    );
    expect(pendingLink()).toEqual({ kind: 'request', text: REQUEST });
    expect(replaced).toEqual(['/']);
  });

  it('Given an https link carrying an offer query, then the offer is pending (kept across unlock) and the query leaves the address bar', () => {
    const replaced = openAt(`https://wallet.example/?${OFFER.split('?')[1]}`);
    expect(pendingLink()?.kind).toBe('offer');
    expect(replaced).toEqual(['/']);
    expect(takePendingLink('request')).toBeNull();
    expect(takePendingLink('offer')).toContain('credential_offer_uri=');
    expect(takePendingLink('offer')).toBeNull();
  });

  it('Given the offline #receive= link, then it still works as before', () => {
    const text = encodeForText('offer', new Uint8Array([1, 2]));
    openAt(`https://wallet.example/#receive=${text}`);
    expect(pendingLink()).toEqual({ kind: 'offer', text });
  });

  it.each([
    'https://wallet.example/#link=%E0%A4%A',
    'https://wallet.example/#link=web%2Bvouch%3Ahello',
    'https://wallet.example/#receive=%E0%A4%A',
    'https://wallet.example/?utm=1',
  ])('Given a malformed or foreign link %s, then nothing is pending and nothing throws', (href) => {
    openAt(href);
    expect(pendingLink()).toBeNull();
  });
});

describe('pendingKindOf (which screen takes a pasted text)', () => {
  it('Given offers and requests, online and offline, then each goes to its screen', () => {
    expect(pendingKindOf(REQUEST)).toBe('request');
    expect(pendingKindOf(OFFER)).toBe('offer');
    expect(pendingKindOf(encodeForText('request', new Uint8Array([1])))).toBe('request');
    expect(pendingKindOf(encodeForText('offer', new Uint8Array([1])))).toBe('offer');
    expect(pendingKindOf(encodeForText('connect', new Uint8Array([1])))).toBeNull();
    expect(pendingKindOf('nonsense')).toBeNull();
  });

  it('Given a Vouch link, then its VOUCH text is taken out of it', () => {
    const text = encodeForText('request', new Uint8Array([9]));
    expect(vouchTextOf(`https://w.example/#request=${encodeURIComponent(text)}`)).toBe(text);
    expect(vouchTextOf(text)).toBe(text);
  });
});

describe('waitingLinkKind (what the lock screen says is waiting)', () => {
  it('Given no link, then nothing is waiting', () => {
    openAt('https://wallet.example/');
    expect(waitingLinkKind()).toBeNull();
  });

  it('Given an offer link, online or offline, then a credential is waiting, and the link stays for after the unlock', () => {
    openAt(`https://wallet.example/?${OFFER.split('?')[1]}`);
    expect(waitingLinkKind()).toBe('offer');
    expect(pendingLink()?.kind).toBe('offer');
    takePendingLink('offer');
    openAt(`https://wallet.example/#receive=${encodeForText('offer', new Uint8Array([1, 2]))}`);
    expect(waitingLinkKind()).toBe('offer');
  });

  it('Given a request link, then a request is waiting', () => {
    openAt(
      `https://wallet.example/#link=${encodeURIComponent(`web+vouch:${encodeURIComponent(REQUEST)}`)}`,
    );
    expect(waitingLinkKind()).toBe('request');
  });

  it.each([
    ['tampered', 'https://wallet.example/#receive=VOUCH1:not-a-code'],
    ['foreign', 'https://wallet.example/#receive=hello'],
    [
      'a request sent as an offer',
      `https://wallet.example/#receive=${encodeURIComponent(REQUEST)}`,
    ],
    ['oversized', `https://wallet.example/#receive=VOUCH1:${'A'.repeat(200_000)}`],
  ])('Given a %s #receive= link, then nothing is said to be waiting', (_case, href) => {
    openAt(href);
    expect(waitingLinkKind()).toBeNull();
  });
});
