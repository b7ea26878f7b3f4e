import { describe, expect, it } from 'vitest';
import { didJwkFromJwk } from '../did/did-jwk.ts';
import type { HttpFetch } from '../oid4vci/http.ts';
import { holderFromSeed } from '../verification/presentation-world.fake.ts';
import { createDidResolver, didDocumentForKey, didWebUrl } from './did-resolver.ts';

const jwk = holderFromSeed('resolver').publicJwk;

function fetchAnswering(body: string, status = 200): { fetch: HttpFetch; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: async (url) => {
      urls.push(url);
      return { status, headers: { get: () => null }, text: async () => body };
    },
  };
}

describe('createDidResolver', () => {
  it('Given a did:jwk, then its one method is #0 with the JWK, listed for assertion and authentication', async () => {
    const did = didJwkFromJwk(jwk);
    const { didDocument } = await createDidResolver().resolve(`${did}#0`);
    expect(didDocument?.id).toBe(did);
    expect(didDocument?.verificationMethod?.[0]).toMatchObject({
      id: `${did}#0`,
      type: 'JsonWebKey2020',
      publicKeyJwk: jwk,
    });
    expect(didDocument?.assertionMethod).toEqual([`${did}#0`]);
    expect(didDocument?.authentication).toEqual([`${did}#0`]);
  });

  it.each([
    ['did:key:zNotBase58!', 'invalidDid'],
    ['did:example:123', 'unsupportedDidMethod'],
    ['not a did', 'invalidDid'],
  ])('Given %s, then no document (%s)', async (did, error) => {
    const result = await createDidResolver().resolve(did);
    expect(result.didDocument).toBeNull();
    expect(result.didResolutionMetadata.error).toBe(error);
  });

  it('Given a did:web and no fetch, then notFound and nothing is fetched', async () => {
    const result = await createDidResolver().resolve('did:web:uni.example');
    expect(result.didDocument).toBeNull();
    expect(result.didResolutionMetadata.message).toMatch(/online/);
  });

  it('Given a did:web whose document names another DID, then notFound', async () => {
    const doc = didDocumentForKey('did:web:evil.example', 'did:web:evil.example#k', jwk);
    const { fetch } = fetchAnswering(JSON.stringify(doc));
    const result = await createDidResolver({ didWebFetch: fetch }).resolve('did:web:uni.example');
    expect(result.didDocument).toBeNull();
  });

  it('Given a did:web document larger than 64 KiB, then notFound', async () => {
    const doc = {
      ...didDocumentForKey('did:web:uni.example', 'did:web:uni.example#k', jwk),
      pad: 'x'.repeat(70_000),
    };
    const { fetch } = fetchAnswering(JSON.stringify(doc));
    const result = await createDidResolver({ didWebFetch: fetch }).resolve('did:web:uni.example');
    expect(result.didDocument).toBeNull();
    expect(result.didResolutionMetadata.message).toMatch(/more than 65536/);
  });

  it('Given a did:web host that never answers, then notFound after the timeout', async () => {
    const never: HttpFetch = () => new Promise(() => {});
    const result = await createDidResolver({ didWebFetch: never, didWebTimeoutMs: 50 }).resolve(
      'did:web:uni.example',
    );
    expect(result.didResolutionMetadata.message).toMatch(/did not answer within 50 ms/);
  });

  it('Given a did:web answering 404 or not JSON, then notFound', async () => {
    for (const [body, status] of [
      ['{}', 404],
      ['<html>', 200],
    ] as const) {
      const { fetch } = fetchAnswering(body, status);
      const result = await createDidResolver({ didWebFetch: fetch }).resolve('did:web:uni.example');
      expect(result.didDocument).toBeNull();
    }
  });
});

describe('didWebUrl (did:web §3.2.2)', () => {
  it.each([
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000', 'https://example.com:3000/.well-known/did.json'],
    ['did:web:example.com:%2E%2E', undefined],
    ['did:web:exa mple.com', undefined],
    ['did:web:', undefined],
  ])('Given %s, then %s', (did, url) => {
    expect(didWebUrl(did)).toBe(url);
  });
});
