import { describe, expect, it } from 'vitest';
import {
  browserSecurityHeaders,
  connectAllowList,
  contentSecurityPolicy,
  PERMISSIONS_POLICY,
} from './security-policy.ts';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('content security policy', () => {
  const connect = connectAllowList('https://status.example.org');

  it('Given the header policy, then scripts come from the page only (plus WebAssembly), no plugins, no base, no framing, and fetches reach only the allow-list', () => {
    const policy = directives(contentSecurityPolicy({ connectSrc: connect, delivery: 'header' }));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://status.example.org']);
    const all = [...policy.values()].flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
  });

  it('Given the meta policy, then it is the header policy without frame-ancestors (which a meta tag cannot carry)', () => {
    const header = directives(contentSecurityPolicy({ connectSrc: connect, delivery: 'header' }));
    const meta = directives(contentSecurityPolicy({ connectSrc: connect, delivery: 'meta' }));
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it.each([
    '*',
    'https:',
    'https://*.example.org',
    'http://status.example.org',
    'https://a.example/path',
    'status.example.org',
  ])('Given an operator allow-list entry %s, then it is refused', (entry) => {
    expect(() => connectAllowList(entry)).toThrow(/VOUCH_CONNECT_SRC/);
  });

  it('Given an operator allow-list of origins, then each is kept as an origin', () => {
    expect(
      connectAllowList(' https://a.example  https://b.example:8443/ http://localhost:8080 '),
    ).toEqual(['https://a.example', 'https://b.example:8443', 'http://localhost:8080']);
    expect(connectAllowList('')).toEqual([]);
  });

  it('Given the headers, then the referrer is never sent and only the page itself may use the camera', () => {
    const headers = browserSecurityHeaders(connect);
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(PERMISSIONS_POLICY.split(', ')).toContain('camera=(self)');
    expect(PERMISSIONS_POLICY.split(', ')).toContain('microphone=()');
    expect(headers['Permissions-Policy']).toBe(PERMISSIONS_POLICY);
  });
});
