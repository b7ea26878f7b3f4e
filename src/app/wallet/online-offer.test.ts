// The wallet's OpenID4VCI adapter (online-offer.ts) over core, with the fetch gate in between:
// a memory wallet in the session, an in-memory issuer (src/core/oid4vci/fake-issuer.fake.ts) as
// the network, and the gate's allow-list deciding what may be contacted.
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exampleClaims } from '../../core/credentials/index.ts';
import { createHolderWallet, readCredential } from '../../core/holder/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../../core/jose/index.ts';
import { createFakeIssuer } from '../../core/oid4vci/fake-issuer.fake.ts';
import { createMemoryVaultStorage } from '../../core/vault/index.ts';
import { createFakeVaultCrypto } from '../../core/vault/vault-crypto.fake.ts';
import { createUserFetch } from '../shared/user-fetch.ts';
import {
  acceptOnlineOffer,
  forgetOnlineOffer,
  getNewCopiesOnline,
  resolveOnlineOffer,
  trustChangedIssuer,
} from './online-offer.ts';
import { endSession, getSession, setSession } from './session.ts';
import { useWalletStore } from './wallet-store.ts';

const jws = nobleJwsCrypto({ randomBytes });
vi.mock('../composition.ts', () => ({
  jwsCrypto: () => jws,
  randomBytes: (n: number) => randomBytes(n),
  forgetSigningKeys: () => undefined,
}));

const ISSUER = 'https://employer.example';
const NOW = new Date();
let issuer: ReturnType<typeof createFakeIssuer>;

/** The gate over the fake issuer: what the browser's fetch would be, for these origins. */
function gate(options: { allow?: string[]; tamper?: (url: string, body: string) => string } = {}) {
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push(url);
    const answer = await issuer.fetch(url, {
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    });
    const body = await answer.text();
    return new Response(options.tamper ? options.tamper(url, body) : body, {
      status: answer.status,
      headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
    });
  }) as typeof fetch;
  return {
    calls,
    fetch: createUserFetch({
      pageOrigin: 'https://wallet.example',
      allowList: options.allow ?? [ISSUER],
      fetchImpl,
    }),
  };
}

beforeEach(async () => {
  forgetOnlineOffer();
  const key = await createIssuerKeyFile(jws, 'ES256');
  issuer = createFakeIssuer({
    credentialIssuer: ISSUER,
    issuer: { did: key.did, alg: key.alg, sign: issuerSigner(jws, key) },
    crypto: jws,
    now: () => NOW,
    randomBytes,
  });
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  endSession();
  setSession(created.value);
});

const offerLink = (txCode?: string) =>
  issuer.createOffer({
    type: 'income-statement',
    claims: exampleClaims('income-statement'),
    ...(txCode === undefined ? {} : { txCode }),
  }).byReference;

describe('Given an offer of a W3C VC-JWT diploma (jwt_vc_json)', () => {
  it('when the citizen contacts it, then the screen names it as a diploma and says every field is shown, and accepting saves it as jwt_vc_json', async () => {
    const link = issuer.createOffer({
      type: 'diploma',
      claims: exampleClaims('diploma'),
      format: 'jwt_vc_json',
    }).byReference;
    const resolved = await resolveOnlineOffer(link, 'fr', 'employer.example', gate().fetch);
    expect(resolved).toMatchObject({ ok: true, summary: { typeName: 'Diplôme', w3c: true } });
    const accepted = await acceptOnlineOffer(undefined, gate().fetch);
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.message));
    expect(accepted.credential).toMatchObject({ typeId: 'diploma', format: 'jwt_vc_json' });
  });
});

describe('Given an offer from an allowed issuer', () => {
  it('when the citizen contacts it, then the screen shows who offers what in their language, and accepting saves the credential', async () => {
    const resolved = await resolveOnlineOffer(offerLink(), 'nl', 'employer.example', gate().fetch);
    expect(resolved).toEqual({
      ok: true,
      summary: {
        issuerName: 'Voorbeeldwerkgever',
        issuerHost: 'employer.example',
        typeName: expect.any(String),
      },
    });
    const accepted = await acceptOnlineOffer(undefined, gate().fetch);
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.message));
    expect(accepted.credential).toMatchObject({ typeId: 'income-statement' });
    expect(accepted.credential).not.toHaveProperty('compact');
  });

  it('when it asks for a transaction code, then the code field is described, a wrong code can be retried and the right one saves', async () => {
    const resolved = await resolveOnlineOffer(offerLink('493817'), 'en', 'h', gate().fetch);
    expect(resolved.ok && resolved.summary.txCode).toEqual({
      numeric: true,
      length: 6,
      description: 'The code in your e-mail',
    });
    const wrong = await acceptOnlineOffer('000000', gate().fetch);
    expect(wrong).toMatchObject({
      ok: false,
      retry: true,
      message: { key: 'online.offer.txCodeWrong' },
    });
    const right = await acceptOnlineOffer('493817', gate().fetch);
    expect(right.ok).toBe(true);
  });

  it('when the issuer sends a credential whose signature was tampered with, then nothing is stored and the message says it failed the checks', async () => {
    await resolveOnlineOffer(offerLink(), 'en', 'h', gate().fetch);
    const tampering = gate({
      // The first character of the issuer's signature, flipped.
      tamper: (url, body) =>
        url.endsWith('/credential')
          ? body.replace(
              /("credential":"[^".]+\.[^".]+\.)([A-Za-z0-9_-])/,
              (_m, head: string, first: string) => `${head}${first === 'A' ? 'B' : 'A'}`,
            )
          : body,
    });
    const accepted = await acceptOnlineOffer(undefined, tampering.fetch);
    expect(accepted).toMatchObject({ ok: false, retry: false });
    expect(accepted.ok ? '' : accepted.message.key).toBe('receive.refused.invalid');
  });

  it('when the network fails, then it says the issuer could not be reached, names the host, and the offer can be tried again', async () => {
    await resolveOnlineOffer(offerLink(), 'en', 'employer.example', gate().fetch);
    const offline = createUserFetch({
      pageOrigin: 'https://wallet.example',
      allowList: [ISSUER],
      fetchImpl: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    const accepted = await acceptOnlineOffer(undefined, offline);
    expect(accepted).toMatchObject({
      ok: false,
      retry: true,
      message: { key: 'online.offline', params: { host: 'employer.example' } },
    });
    expect((await acceptOnlineOffer(undefined, gate().fetch)).ok).toBe(true);
  });
});

describe('Given an offer at an issuer this build may not contact', () => {
  it('when the citizen contacts it, then the wallet says so, names the host, and no request leaves', async () => {
    const notAllowed = gate({ allow: ['https://status.example.org'] });
    const resolved = await resolveOnlineOffer(
      offerLink(),
      'en',
      'employer.example',
      notAllowed.fetch,
    );
    expect(resolved).toEqual({
      ok: false,
      message: { key: 'online.notAllowed', params: { host: 'employer.example' } },
    });
    expect(notAllowed.calls).toEqual([]);
  });

  it.each([
    [
      'openid-credential-offer://?credential_offer_uri=http%3A%2F%2Femployer.example%2Fo',
      'online.offer.badOffer',
    ],
    ['openid-credential-offer://?credential_offer=%7B', 'online.offer.badOffer'],
    [
      `openid-credential-offer://?credential_offer_uri=${'x'.repeat(20_000)}`,
      'online.offer.badOffer',
    ],
  ])(
    'when the link is malformed (%#), then it is refused before any request',
    async (link, key) => {
      const watched = gate();
      const resolved = await resolveOnlineOffer(link, 'en', 'h', watched.fetch);
      expect(resolved).toMatchObject({ ok: false, message: { key } });
      expect(watched.calls).toEqual([]);
    },
  );
});

describe('Given an issuer URL whose signing DID changed since the first credential', () => {
  it('when the citizen receives again, then the change is shown first, and only trusting that DID stores it, with no network', async () => {
    await resolveOnlineOffer(offerLink(), 'en', 'h', gate().fetch);
    expect((await acceptOnlineOffer(undefined, gate().fetch)).ok).toBe(true);
    // Same https://employer.example, another key.
    const newKey = await createIssuerKeyFile(jws, 'ES256');
    issuer = createFakeIssuer({
      credentialIssuer: ISSUER,
      issuer: { did: newKey.did, alg: newKey.alg, sign: issuerSigner(jws, newKey) },
      crypto: jws,
      now: () => NOW,
      randomBytes,
    });
    await resolveOnlineOffer(offerLink(), 'en', 'h', gate().fetch);
    const changed = await acceptOnlineOffer(undefined, gate().fetch);
    expect(changed).toMatchObject({
      ok: false,
      retry: false,
      issuerChange: { offeredIssuer: newKey.did },
    });
    const other = await createIssuerKeyFile(jws, 'ES256');
    expect((await trustChangedIssuer(other.did)).ok).toBe(false);
  });

  it('when the citizen trusts exactly the new DID, then it is stored', async () => {
    await resolveOnlineOffer(offerLink(), 'en', 'h', gate().fetch);
    expect((await acceptOnlineOffer(undefined, gate().fetch)).ok).toBe(true);
    const newKey = await createIssuerKeyFile(jws, 'ES256');
    issuer = createFakeIssuer({
      credentialIssuer: ISSUER,
      issuer: { did: newKey.did, alg: newKey.alg, sign: issuerSigner(jws, newKey) },
      crypto: jws,
      now: () => NOW,
      randomBytes,
    });
    await resolveOnlineOffer(offerLink(), 'en', 'h', gate().fetch);
    const changed = await acceptOnlineOffer(undefined, gate().fetch);
    expect(changed.ok).toBe(false);
    const trusted = await trustChangedIssuer(newKey.did);
    expect(trusted.ok && trusted.credential.issuer).toBe(newKey.did);
  });
});

describe('Given no offer was resolved', () => {
  it('when accept is called anyway, then it fails safely', async () => {
    expect(await acceptOnlineOffer(undefined, gate().fetch)).toMatchObject({
      ok: false,
      message: { key: 'error.unexpected' },
    });
  });
});

describe('Given a credential received online whose issuer renews', () => {
  async function received(): Promise<{ id: string; offerId: string }> {
    const made = issuer.createOffer({
      type: 'income-statement',
      claims: exampleClaims('income-statement'),
    });
    await resolveOnlineOffer(made.byReference, 'en', 'h', gate().fetch);
    const accepted = await acceptOnlineOffer(undefined, gate().fetch);
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.message));
    return { id: accepted.credential.id, offerId: made.id };
  }

  it('when the citizen taps Get new copies, then a new batch joins the card, and the refresh token is in the vault record only, never in the store the screens read', async () => {
    const { id } = await received();
    const wallet = getSession();
    if (!wallet) throw new Error('no session');
    const before = await readCredential(wallet, id);
    const token = before?.refresh?.kind === 'openid4vci' ? before.refresh.refreshToken : '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const got = await getNewCopiesOnline(id, gate().fetch);
    expect(got).toEqual({ ok: true, added: 10 });
    const after = await readCredential(wallet, id);
    expect(after?.copies).toHaveLength(20);
    const next = after?.refresh?.kind === 'openid4vci' ? after.refresh.refreshToken : '';
    const seen = JSON.stringify(useWalletStore.getState());
    for (const secret of [token, next]) expect(seen).not.toContain(secret);
  });

  it('when the issuer revoked it, then it says the issuer no longer renews it', async () => {
    const { id, offerId } = await received();
    issuer.revokeOffer(offerId);
    const got = await getNewCopiesOnline(id, gate().fetch);
    expect(got).toEqual({
      ok: false,
      message: { key: 'online.copies.refused', params: { host: 'employer.example' } },
    });
  });

  it('when the issuer is not on the allow-list, then nothing is sent and the gate says so', async () => {
    const { id } = await received();
    const refused = gate({ allow: [] });
    const got = await getNewCopiesOnline(id, refused.fetch);
    expect(got.ok).toBe(false);
    expect(refused.calls).toEqual([]);
  });
});
