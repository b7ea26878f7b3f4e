import { describe, expect, it } from 'vitest';
import { cacheNameFor, isSkipWaiting, routeRequest, staleCaches } from './precache.ts';

const origin = 'https://vouch.example';
const navigate = (path: string) => ({ method: 'GET', mode: 'navigate', url: `${origin}${path}` });

describe('service worker routes', () => {
  it.each([
    ['/', '/index.html'],
    ['/#receive=abc', '/index.html'],
    ['/index.html', '/index.html'],
    ['/issuer', '/issuer.html'],
    ['/issuer/', '/issuer.html'],
    ['/issuer/batch/7', '/issuer.html'],
    ['/verifier', '/verifier.html'],
    ['/verifier#response=xyz', '/verifier.html'],
    ['/verifier/desk', '/verifier.html'],
    ['/issuers', '/index.html'],
  ])('Given a navigation to %s, then it is answered with %s', (path, page) => {
    expect(routeRequest(navigate(path), origin)).toEqual({ kind: 'page', page });
  });

  it('Given a navigation to a file of the build, then the file itself is served', () => {
    expect(routeRequest(navigate('/icon.svg'), origin)).toEqual({ kind: 'file' });
  });

  it('Given a request to another origin or not a GET, then the worker stays out of it', () => {
    const status = { method: 'GET', mode: 'cors', url: 'https://status.example.org/l.jwt' };
    expect(routeRequest(status, origin)).toEqual({ kind: 'pass' });
    expect(routeRequest({ ...navigate('/'), method: 'POST' }, origin)).toEqual({ kind: 'pass' });
  });

  it('Given the caches on the origin, then only earlier Vouch builds are stale', () => {
    const current = cacheNameFor('b2');
    expect(staleCaches(['vouch-b1', current, 'other-app'], current)).toEqual(['vouch-b1']);
  });

  it('Given messages to the worker, then only SKIP_WAITING asks it to take over', () => {
    expect(isSkipWaiting({ type: 'SKIP_WAITING' })).toBe(true);
    expect(isSkipWaiting('SKIP_WAITING')).toBe(false);
    expect(isSkipWaiting(null)).toBe(false);
    expect(isSkipWaiting({ type: 'other' })).toBe(false);
  });
});
