/**
 * Each way a W3C presentation can be wrong gets the SD-JWT pipeline's code (docs/w3c-vc.md
 * "Verification"): Given a case, when verified, then exactly the expected checks fail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { didKeyFromJwk } from '../did/did-key.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import type { HttpFetch } from '../oid4vci/http.ts';
import { revokeStatusIndex } from '../status-list/status-list-file.ts';
import type { VerificationResult } from '../verification/check.ts';
import { holderFromSeed, signerFor } from '../verification/presentation-world.fake.ts';
import { verifyPresentation } from '../verification/verify-presentation.ts';
import { didDocumentForKey } from './did-resolver.ts';
import { verifyCredentialJwt } from './verify-vc-jwt.ts';
import { verifyVpJwt } from './verify-vp-jwt.ts';
import {
  AUDIENCE,
  issueW3c,
  makeW3cWorld,
  NONCE,
  NOW,
  optionsFor,
  presentW3c,
  signW3cList,
} from './w3c-world.fake.ts';
import type { W3cWorld } from './w3c-world.fake.ts';

let world: W3cWorld;
beforeAll(async () => {
  world = await makeW3cWorld();
});

const failures = (result: VerificationResult) =>
  result.checks.filter((c) => !c.ok).map((c) => `${c.name}:${c.code}`);

function parts(jwt: string): [Record<string, unknown>, Record<string, unknown>, string] {
  const [h = '', p = '', s = ''] = jwt.split('.');
  const json = (part: string) => {
    const bytes = decodeBase64Url(part);
    if (!bytes.ok) throw new Error('bad part');
    const text = bytesToUtf8(bytes.value);
    if (!text.ok) throw new Error('bad part');
    return JSON.parse(text.value) as Record<string, unknown>;
  };
  return [json(h), json(p), s];
}

const b64 = (value: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));

/** The world's VC with its payload changed and the old signature kept. */
function tamperPayload(jwt: string, change: (p: Record<string, unknown>) => void): string {
  const [header, payload, signature] = parts(jwt);
  change(payload);
  return `${b64(header)}.${b64(payload)}.${signature}`;
}

/** Re-signed by the world's issuer, header and payload changed at will. */
function resignVc(
  change: (h: Record<string, unknown>, p: Record<string, unknown>) => void,
): Promise<string> {
  const [header, payload] = parts(world.vcJwt);
  change(header, payload);
  return signCompactJws({ header, payload, sign: world.issuerSigner.sign });
}

const present = (vc: string, opts: Parameters<typeof presentW3c>[2] = {}) =>
  presentW3c(world, vc, opts);

describe('verifyVpJwt: failure codes', () => {
  it('Given a credential whose claims were changed after signing, then issuer-signature says bad-signature and nothing after it runs', async () => {
    const vc = tamperPayload(world.vcJwt, (p) => {
      (
        (p.vc as Record<string, unknown>).credentialSubject as Record<string, unknown>
      ).net_wage_cents = 1;
    });
    const result = await verifyVpJwt(await present(vc), optionsFor(world));
    expect(failures(result)).toEqual(['issuer-signature:bad-signature']);
    expect(result.checks.map((c) => c.name)).toEqual(['encoding', 'issuer-signature']);
    expect(result.claims).toEqual({});
    expect([result.issuer, result.vct]).toEqual([world.issuer.did, 'urn:vouch:income-statement:1']);
  });

  it('Given a credential whose signature was changed, then bad-signature', async () => {
    const [h, p, s] = world.vcJwt.split('.');
    const flipped = `${h}.${p}.${s?.startsWith('A') ? 'B' : 'A'}${s?.slice(1)}`;
    const result = await verifyVpJwt(await present(flipped), optionsFor(world));
    expect(failures(result)).toEqual(['issuer-signature:bad-signature']);
  });

  it.each(['none', 'HS256', 'RS256'])(
    'Given a credential whose header says alg %s, then unsupported-alg before any key is looked up',
    async (alg) => {
      const [header, payload] = parts(world.vcJwt);
      const vc = `${b64({ ...header, alg })}.${b64(payload)}.${alg === 'none' ? '' : 'c2ln'}`;
      const result = await verifyVpJwt(await present(vc), optionsFor(world));
      expect(failures(result)).toEqual(['issuer-signature:unsupported-alg']);
      expect(result.format).toBe('jwt_vc_json');
    },
  );

  it('Given a credential whose kid names another DID, then bad-signature', async () => {
    const other = didKeyFromJwk(holderFromSeed('other').publicJwk);
    const vc = await resignVc((h) => {
      h.kid = `${other}#${other.slice('did:key:'.length)}`;
    });
    const result = await verifyVpJwt(await present(vc), optionsFor(world));
    expect(failures(result)).toEqual(['issuer-signature:bad-signature']);
  });

  it('Given a credential from a DID method we do not resolve, then unknown-issuer-key', async () => {
    const vc = await resignVc((h, p) => {
      p.iss = 'did:example:123';
      delete h.kid;
    });
    const result = await verifyVpJwt(await present(vc), optionsFor(world));
    expect(failures(result)).toEqual(['issuer-signature:unknown-issuer-key']);
  });

  it('Given an expired credential, then validity says expired', async () => {
    const vc = await issueW3c(world, {
      issuedAt: new Date(NOW.getTime() - 40 * 86_400_000),
      expiresAt: new Date(NOW.getTime() - 86_400_000),
    });
    const result = await verifyVpJwt(await present(vc), optionsFor(world));
    expect(failures(result)).toEqual(['validity:expired']);
  });

  it('Given a credential valid only from tomorrow, then validity says not-yet-valid', async () => {
    const vc = await issueW3c(world, { issuedAt: new Date(NOW.getTime() + 86_400_000) });
    const result = await verifyVpJwt(await present(vc), optionsFor(world));
    expect(failures(result)).toEqual(['validity:not-yet-valid']);
  });

  it('Given a presentation made for another verifier, then wrong-audience', async () => {
    const vp = await present(world.vcJwt, { audience: 'https://other.example' });
    expect(failures(await verifyVpJwt(vp, optionsFor(world)))).toEqual(['audience:wrong-audience']);
  });

  it('Given a presentation for another request, then wrong-nonce', async () => {
    const vp = await present(world.vcJwt, { nonce: 'another-nonce' });
    expect(failures(await verifyVpJwt(vp, optionsFor(world)))).toEqual(['nonce:wrong-nonce']);
  });

  it('Given a nonce already answered, then replayed', async () => {
    const result = await verifyVpJwt(world.vpJwt, optionsFor(world, { nonceAlreadyUsed: true }));
    expect(failures(result)).toEqual(['nonce:replayed']);
  });

  it('Given a presentation made an hour ago, then stale', async () => {
    const vp = await present(world.vcJwt, { issuedAt: new Date(NOW.getTime() - 3_600_000) });
    expect(failures(await verifyVpJwt(vp, optionsFor(world)))).toEqual(['freshness:stale']);
  });

  it("Given a presentation signed by a key other than the credential's sub, then kb-bad-signature and its claims are left out", async () => {
    const thief = holderFromSeed('thief');
    const thiefDid = didKeyFromJwk(thief.publicJwk);
    const vp = await presentW3c(
      {
        ...world,
        holderSigner: { did: thiefDid, alg: 'ES256K', sign: signerFor(world.crypto, thief).sign },
      },
      world.vcJwt,
    );
    const result = await verifyVpJwt(vp, optionsFor(world));
    expect(failures(result)).toEqual(['key-binding:kb-bad-signature']);
    expect(result.checks.map((c) => c.name)).not.toContain('audience');
  });

  it('Given a presentation that names the holder as iss but is signed by another key, then kb-bad-signature', async () => {
    const thief = holderFromSeed('thief');
    const [header, payload] = parts(world.vpJwt);
    const vp = await signCompactJws({
      header,
      payload,
      sign: signerFor(world.crypto, thief).sign,
    });
    const result = await verifyVpJwt(vp, optionsFor(world));
    expect(failures(result)).toEqual(['key-binding:kb-bad-signature']);
  });

  it("Given a presentation whose kid names another DID than the holder's, then kb-bad-signature", async () => {
    const [header, payload] = parts(world.vpJwt);
    const vp = await signCompactJws({
      header: { ...header, kid: `${world.issuer.did}#x` },
      payload,
      sign: world.holderSigner.sign,
    });
    expect(failures(await verifyVpJwt(vp, optionsFor(world)))).toEqual([
      'key-binding:kb-bad-signature',
    ]);
  });

  it('Given a presentation whose own header says alg none, then key-binding says unsupported-alg', async () => {
    const [header, payload] = parts(world.vpJwt);
    const vp = `${b64({ ...header, alg: 'none' })}.${b64(payload)}.`;
    expect(failures(await verifyVpJwt(vp, optionsFor(world)))).toEqual([
      'key-binding:unsupported-alg',
    ]);
  });

  it('Given an issuer on no trust list, then untrusted-issuer, and the rest still runs', async () => {
    const result = await verifyVpJwt(world.vpJwt, optionsFor(world, { trustLists: [] }));
    expect(failures(result)).toEqual(['issuer-trusted:untrusted-issuer']);
    expect(result.checks.at(-1)?.name).toBe('requested-claims');
  });

  it('Given a requested claim the credential does not have, then missing-claim', async () => {
    const result = await verifyVpJwt(
      world.vpJwt,
      optionsFor(world, { requiredClaims: ['net_wage_cents', 'diagnosis_code'] }),
    );
    expect(failures(result)).toEqual(['requested-claims:missing-claim']);
  });
});

describe('verifyVpJwt: status (Bitstring Status List)', () => {
  it('Given the issuer revoked the credential in its .w3c list, then revoked', async () => {
    const revoked = revokeStatusIndex(world.statusList, world.statusIndex);
    if (!revoked.ok) throw new Error(revoked.detail.message);
    const w3cList = await signW3cList(world, revoked.value);
    const result = await verifyVpJwt(world.vpJwt, optionsFor({ ...world, w3cList }));
    expect(failures(result)).toEqual(['status:revoked']);
    expect(result.status?.state).toBe('revoked');
  });

  it('Given no list in the cache, then status-unavailable; under a warn policy a warning', async () => {
    const none = optionsFor(world, { statusList: () => undefined });
    expect(failures(await verifyVpJwt(world.vpJwt, none))).toEqual(['status:status-unavailable']);
    const warn = await verifyVpJwt(world.vpJwt, {
      ...none,
      statusPolicy: { whenUnavailable: 'warn' },
    });
    expect(warn.valid).toBe(true);
    expect(warn.checks.find((c) => c.name === 'status')?.code).toBe('warning');
  });

  it('Given a list two days old, then status-unavailable (stale)', async () => {
    const w3cList = await signW3cList(
      world,
      world.statusList,
      new Date(NOW.getTime() - 2 * 86_400_000),
    );
    const result = await verifyVpJwt(world.vpJwt, optionsFor({ ...world, w3cList }));
    expect(failures(result)).toEqual(['status:status-unavailable']);
    expect(result.status?.stale).toBe(true);
  });

  it("Given a list signed by someone else than the credential's issuer, then status-unavailable", async () => {
    const other = holderFromSeed('list-forger');
    const otherDid = didKeyFromJwk(other.publicJwk);
    const w3cList = await signW3cList(
      {
        issuerSigner: { did: otherDid, alg: 'ES256K', sign: signerFor(world.crypto, other).sign },
      },
      world.statusList,
    );
    const result = await verifyVpJwt(world.vpJwt, optionsFor({ ...world, w3cList }));
    expect(failures(result)).toEqual(['status:status-unavailable']);
  });

  it('Given a list whose signature was tampered with, then status-unavailable', async () => {
    const [h, p, s] = world.w3cList.split('.');
    const w3cList = `${h}.${p}.${s?.startsWith('A') ? 'B' : 'A'}${s?.slice(1)}`;
    const result = await verifyVpJwt(world.vpJwt, optionsFor({ ...world, w3cList }));
    expect(failures(result)).toEqual(['status:status-unavailable']);
  });
});

describe('verifyVpJwt: encoding', () => {
  it('Given two credentials in one presentation, then bad-encoding', async () => {
    const [header, payload] = parts(world.vpJwt);
    const vp = payload.vp as Record<string, unknown>;
    vp.verifiableCredential = [world.vcJwt, world.vcJwt];
    const jwt = await signCompactJws({ header, payload, sign: world.holderSigner.sign });
    expect(failures(await verifyVpJwt(jwt, optionsFor(world)))).toEqual(['encoding:bad-encoding']);
  });

  it('Given an oversized presentation, then bad-encoding, from both entry points', async () => {
    const [header, payload] = parts(world.vpJwt);
    payload.padding = 'x'.repeat(200_000);
    const jwt = await signCompactJws({ header, payload, sign: world.holderSigner.sign });
    expect(failures(await verifyVpJwt(jwt, optionsFor(world)))).toEqual(['encoding:bad-encoding']);
    expect(failures(await verifyPresentation(jwt, optionsFor(world)))).toEqual([
      'encoding:bad-encoding',
    ]);
  });

  it('Given a presentation whose payload is not JSON, then bad-encoding and no exception', async () => {
    const [h, , s] = world.vpJwt.split('.');
    const jwt = `${h}.${encodeBase64Url(utf8ToBytes('{"vp": ['))}.${s}`;
    const result = await verifyVpJwt(jwt, optionsFor(world));
    expect(failures(result)).toEqual(['encoding:bad-encoding']);
    expect(result.valid).toBe(false);
  });

  it('Given a credential in the presentation that is not JSON, then bad-encoding', async () => {
    const [header, payload] = parts(world.vpJwt);
    (payload.vp as Record<string, unknown>).verifiableCredential = [
      'eyJhbGciOiJFUzI1NiJ9.bm9wZQ.c2ln',
    ];
    const jwt = await signCompactJws({ header, payload, sign: world.holderSigner.sign });
    expect(failures(await verifyVpJwt(jwt, optionsFor(world)))).toEqual(['encoding:bad-encoding']);
  });
});

describe('verifyVpJwt: hostile shapes never throw', () => {
  it.each<[string, (vp: Record<string, unknown>) => void]>([
    [
      'a JSON-LD credential object',
      (vp) => (vp.verifiableCredential = [{ type: ['VerifiableCredential'] }]),
    ],
    ['no credential', (vp) => (vp.verifiableCredential = [])],
    ['credentials as an object', (vp) => (vp.verifiableCredential = { a: 1 })],
    ['a number for a credential', (vp) => (vp.verifiableCredential = [42])],
  ])('Given a VP with %s, then bad-encoding', async (_, change) => {
    const [header, payload] = parts(world.vpJwt);
    change(payload.vp as Record<string, unknown>);
    const jwt = await signCompactJws({ header, payload, sign: world.holderSigner.sign });
    const result = await verifyVpJwt(jwt, optionsFor(world));
    expect(failures(result)).toEqual(['encoding:bad-encoding']);
  });

  it.each([
    ['nothing', ''],
    ['three dots', 'a.b.c'],
    ['only separators', '...'],
    ['empty JSON parts', 'eyJ9.eyJ9.'],
    ['300,000 characters', 'x'.repeat(300_000)],
  ])('Given %s, then a verdict, not an exception', async (_, input) => {
    const result = await verifyVpJwt(input, optionsFor(world));
    expect(result.valid).toBe(false);
    expect(result.checks[0]?.code).toBe('bad-encoding');
  });
});

describe('did:web issuers', () => {
  async function didWebWorld() {
    const did = 'did:web:uni.example' as Did;
    const kid = `${did}#key-1`;
    const jwk = world.issuer.publicJwk;
    const vc = await resignVc((h, p) => {
      h.kid = kid;
      p.iss = did;
      // Its status list would be the did:web's own; this test is about the signature.
      delete (p.vc as Record<string, unknown>).credentialStatus;
    });
    const document = didDocumentForKey(did, kid, jwk);
    const requested: string[] = [];
    const didWebFetch: HttpFetch = async (url) => {
      requested.push(url);
      const body = JSON.stringify(document);
      return {
        status: url === 'https://uni.example/.well-known/did.json' ? 200 : 404,
        headers: { get: () => null },
        text: async () => body,
      };
    };
    return { vc, didWebFetch, requested };
  }

  it('Given a did:web issuer and no fetch, then unknown-issuer-key and no request is made', async () => {
    const { vc, requested } = await didWebWorld();
    const result = await verifyCredentialJwt(vc, optionsFor(world));
    expect(failures(result)).toEqual(['issuer-signature:unknown-issuer-key']);
    expect(requested).toEqual([]);
  });

  it('Given a did:web issuer and a fetch, then its document is read from /.well-known/did.json and the signature verifies', async () => {
    const { vc, didWebFetch, requested } = await didWebWorld();
    const result = await verifyCredentialJwt(vc, optionsFor(world, { didWebFetch }));
    expect(failures(result)).toEqual(['issuer-trusted:untrusted-issuer']);
    expect(requested).toEqual(['https://uni.example/.well-known/did.json']);
  });
});

describe('verifyPresentation dispatch', () => {
  it('Given an SD-JWT presentation, then its verdict says format dc+sd-jwt', async () => {
    const result = await verifyPresentation(world.credential, {
      ...optionsFor(world),
      audience: AUDIENCE,
      nonce: NONCE,
    });
    expect(result.format).toBe('dc+sd-jwt');
  });
});
