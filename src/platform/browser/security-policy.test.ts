import { describe, expect, it } from 'vitest';
import {
  browserSecurityHeaders,
  connectAllowList,
  contentSecurityPolicy,
  DEFAULT_CONNECT_SRC,
  isConnectAllowed,
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
    'http:',
    'https:*',
    'https://*',
    'http://*:*',
    'http://example.org:*',
    'https://status.example.org:*',
    'http://127.0.0.1:*/path',
    'ftp://127.0.0.1:*',
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

  it('Given a loopback origin with any port, then it is kept and covers that host on every port, and no other host', () => {
    const list = connectAllowList('http://127.0.0.1:* http://localhost:*');
    expect(list).toEqual(['http://127.0.0.1:*', 'http://localhost:*']);
    const page = 'https://wallet.example';
    expect(isConnectAllowed(new URL('http://127.0.0.1:5599/x'), page, list)).toBe(true);
    expect(isConnectAllowed(new URL('http://localhost:80/'), page, list)).toBe(true);
    expect(isConnectAllowed(new URL('https://127.0.0.1:5599/'), page, list)).toBe(false);
    expect(isConnectAllowed(new URL('http://127.0.0.2:5599/'), page, list)).toBe(false);
    expect(isConnectAllowed(new URL('http://localhost.evil.example/'), page, list)).toBe(false);
    expect(
      directives(contentSecurityPolicy({ connectSrc: list, delivery: 'header' })).get(
        'connect-src',
      ),
    ).toEqual(["'self'", 'http://127.0.0.1:*', 'http://localhost:*']);
  });

  it('Given the explicit opt-in "https:", then every https origin is allowed and no http one', () => {
    const list = connectAllowList('https:');
    const page = 'https://wallet.example';
    expect(isConnectAllowed(new URL('https://any-verifier.example/r/1'), page, list)).toBe(true);
    expect(isConnectAllowed(new URL('http://any-verifier.example/r/1'), page, list)).toBe(false);
  });

  it('Given no operator setting, then the default allows the demo status host and a server on this machine only', () => {
    const list = connectAllowList(DEFAULT_CONNECT_SRC);
    const page = 'http://127.0.0.1:4173';
    expect(isConnectAllowed(new URL('https://status.example.org/1'), page, list)).toBe(true);
    expect(isConnectAllowed(new URL('http://127.0.0.1:4555/requests/1'), page, list)).toBe(true);
    expect(isConnectAllowed(new URL('https://verifier.example/requests/1'), page, list)).toBe(
      false,
    );
    expect(list).not.toContain('https:');
  });

  it('Given the headers, then the referrer is never sent and only the page itself may use the camera', () => {
    const headers = browserSecurityHeaders(connect);
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(PERMISSIONS_POLICY.split(', ')).toContain('camera=(self)');
    expect(PERMISSIONS_POLICY.split(', ')).toContain('microphone=()');
    expect(headers['Permissions-Policy']).toBe(PERMISSIONS_POLICY);
  });
});
