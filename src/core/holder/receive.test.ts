// Receiving a credential offer: SD-JWT VC registered claims (a disclosable exp or status is
// refused at receipt, where every disclosure is present) and issuer pinning per relationship
// (issue 8 items 3 and 6). Core only: memory vault, fake vault crypto, noble JWS, fixed clock.
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleClaims } from '../credentials/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import type { IssuerKeyFile } from '../jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../keys/index.ts';
import { encodeCredentialOffer } from '../protocol/index.ts';
import { issueCarelessly } from '../sd-jwt/careless-issuer.fake.ts';
import { issuerKid, issueSdJwtVc, type SdJwtCompact } from '../sd-jwt/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { listCredentials, saveCredential } from './credential-store.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { receiveCredentialOffer } from './receive.ts';
import { connectToIssuer, listRelationships, RELATIONSHIP_PREFIX } from './relationships.ts';
import type { Relationship } from './relationships.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const VCT = 'urn:vouch:income-statement:1';
const PAYSLIP = exampleClaims('income-statement');

let wallet: HolderWallet;
let relationship: Relationship;
let child = 0;

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  const started = await connectToIssuer(wallet, { issuerName: 'My boss', now: NOW, jti: 'j1' });
  if (!started.ok) throw new Error(started.reason);
  relationship = started.value.relationship;
  child = 0;
});

function holderKey(childIndex: number) {
  return publicKeyToJwk(deriveCredentialPublicKey(relationship.xpub, childIndex));
}

/** An offer on the wallet's relationship, for a fresh child key. */
function offerOf(credential: string, childIndex: number): Uint8Array {
  return encodeCredentialOffer({
    credential: credential as SdJwtCompact,
    relationship: relationship.fingerprint,
    childIndex,
  });
}

/** A Vouch-issued income statement from `issuer`, as an offer. */
async function offerFrom(issuer: IssuerKeyFile, claims: Record<string, unknown> = PAYSLIP) {
  const childIndex = child++;
  const credential = await issueSdJwtVc({
    issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(jws, issuer) },
    vct: VCT,
    claims,
    holderJwk: holderKey(childIndex),
    status: { idx: 17 + childIndex, uri: 'https://status.example/1' },
    issuedAt: new Date(NOW.getTime() - 60_000),
    randomBytes,
  });
  return offerOf(credential, childIndex);
}

const receive = (offer: Uint8Array, trustNewIssuer?: string) =>
  receiveCredentialOffer(wallet, offer, {
    crypto: jws,
    now: NOW,
    ...(trustNewIssuer === undefined ? {} : { trustNewIssuer }),
  });

describe('receive: SD-JWT VC registered claims (§3.2.2.2)', () => {
  it.each([
    ['exp', { remove: [], disclosed: { exp: NOW_SECONDS + 86_400 } }],
    [
      'status',
      {
        remove: ['status'],
        disclosed: { status: { status_list: { idx: 3, uri: 'https://status.example/1' } } },
      },
    ],
    ['nbf', { remove: [], disclosed: { nbf: NOW_SECONDS - 86_400 } }],
  ])(
    'Given an issuer that made "%s" selectively disclosable, when the offer is received, then it is refused and nothing is stored',
    async (claim, { remove, disclosed }) => {
      const issuer = await createIssuerKeyFile(jws, 'ES256');
      const visible: Record<string, unknown> = {
        iss: issuer.did,
        iat: NOW_SECONDS - 60,
        vct: VCT,
        cnf: { jwk: holderKey(0) },
        status: { status_list: { idx: 3, uri: 'https://status.example/1' } },
      };
      for (const name of remove) delete visible[name];
      const { credential } = await issueCarelessly({
        header: { alg: 'ES256', typ: 'dc+sd-jwt', kid: issuerKid(issuer.did) },
        visible,
        disclosed: { ...PAYSLIP, ...disclosed },
        sign: issuerSigner(jws, issuer),
        randomBytes,
      });
      const received = await receive(offerOf(credential, 0));
      expect(received).toMatchObject({ ok: false, reason: 'invalid-credential' });
      if (!received.ok) {
        expect(received.detail).toContain('disclosable-registered-claim');
        expect(received.detail).toContain(`"${claim}"`);
      }
      expect(await listCredentials(wallet)).toEqual([]);
    },
  );

  it.each([
    ['without iat', { remove: ['iat'], disclosed: {} }, undefined],
    [
      'with iat selectively disclosable',
      { remove: ['iat'], disclosed: { iat: NOW_SECONDS - 60 } },
      new Date((NOW_SECONDS - 60) * 1000).toISOString(),
    ],
  ])(
    'Given a credential %s, when received, then it is stored (issuedAt from iat when there is one)',
    async (_how, { remove, disclosed }, issuedAt) => {
      const issuer = await createIssuerKeyFile(jws, 'EdDSA');
      const visible: Record<string, unknown> = {
        iss: issuer.did,
        iat: NOW_SECONDS - 60,
        vct: VCT,
        cnf: { jwk: holderKey(0) },
      };
      for (const name of remove) delete visible[name];
      const { credential } = await issueCarelessly({
        header: { alg: 'Ed25519', typ: 'dc+sd-jwt', kid: issuerKid(issuer.did) },
        visible,
        disclosed: { ...PAYSLIP, ...disclosed },
        sign: issuerSigner(jws, issuer),
        randomBytes,
      });
      const received = await receive(offerOf(credential, 0));
      if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
      expect(received.value.issuedAt).toBe(issuedAt);
      expect(received.value.claims).toEqual(PAYSLIP);
      expect(await listCredentials(wallet)).toHaveLength(1);
    },
  );
});

describe('receive: issuer pinning per relationship', () => {
  it('Given a new relationship, when its first credential is received, then the relationship is pinned to that issuer DID', async () => {
    const issuer = await createIssuerKeyFile(jws, 'ES256');
    expect((await listRelationships(wallet))[0]?.issuerDid).toBeUndefined();
    expect((await receive(await offerFrom(issuer))).ok).toBe(true);
    expect((await listRelationships(wallet))[0]).toMatchObject({
      issuerDid: issuer.did,
      issuerPinnedAt: NOW.toISOString(),
    });
    expect((await receive(await offerFrom(issuer))).ok).toBe(true);
    expect(await listCredentials(wallet)).toHaveLength(2);
  });

  it('Given a pinned relationship, when a credential signed by another DID arrives, then it is refused with both DIDs and nothing is stored', async () => {
    const first = await createIssuerKeyFile(jws, 'ES256');
    const other = await createIssuerKeyFile(jws, 'ES256');
    expect((await receive(await offerFrom(first))).ok).toBe(true);
    const received = await receive(
      await offerFrom(other, { ...PAYSLIP, employer_name: 'Not My Boss B.V.' }),
    );
    expect(received).toMatchObject({
      ok: false,
      reason: 'issuer-changed',
      issuerChange: {
        relationshipName: 'My boss',
        pinnedIssuer: first.did,
        offeredIssuer: other.did,
        offeredIssuerName: 'Not My Boss B.V.',
      },
    });
    if (!received.ok) {
      expect(received.detail).toContain(first.did);
      expect(received.detail).toContain(other.did);
    }
    expect(await listCredentials(wallet)).toHaveLength(1);
    expect((await listRelationships(wallet))[0]?.issuerDid).toBe(first.did);
  });

  it('Given the warning, when the citizen trusts exactly the new DID, then it is stored and the relationship is re-pinned to it', async () => {
    const first = await createIssuerKeyFile(jws, 'ES256');
    const other = await createIssuerKeyFile(jws, 'EdDSA');
    expect((await receive(await offerFrom(first))).ok).toBe(true);
    const offer = await offerFrom(other);
    expect(await receive(offer, first.did)).toMatchObject({ ok: false, reason: 'issuer-changed' });
    const accepted = await receive(offer, other.did);
    expect(accepted).toMatchObject({ ok: true, value: { issuer: other.did } });
    expect((await listRelationships(wallet))[0]?.issuerDid).toBe(other.did);
    // From now on the first issuer is the stranger.
    expect(await receive(await offerFrom(first))).toMatchObject({
      ok: false,
      reason: 'issuer-changed',
    });
  });

  it('Given a relationship record written before pinning existed, when read, then it still parses, and its earlier credential decides the pin', async () => {
    const first = await createIssuerKeyFile(jws, 'ES256');
    const other = await createIssuerKeyFile(jws, 'ES256');
    // An old-format record: exactly the fields of before (no issuerDid, no issuerPinnedAt).
    const { index, issuerName, xpub, fingerprint, createdAt } = relationship;
    const id = `${RELATIONSHIP_PREFIX}${String(index).padStart(6, '0')}`;
    await wallet.vault.writeRecords([
      { id, value: { index, issuerName, xpub, fingerprint, createdAt } },
    ]);
    expect(await listRelationships(wallet)).toEqual([
      { index, issuerName, xpub, fingerprint, createdAt },
    ]);
    // And a credential received back then, stored without touching the relationship.
    const old = await receive(await offerFrom(first));
    if (!old.ok) throw new Error(old.reason);
    await wallet.vault.writeRecords([
      { id, value: { index, issuerName, xpub, fingerprint, createdAt } },
    ]);
    await saveCredential(wallet, old.value);

    expect(await receive(await offerFrom(other))).toMatchObject({
      ok: false,
      reason: 'issuer-changed',
      issuerChange: { pinnedIssuer: first.did, offeredIssuer: other.did },
    });
    expect((await receive(await offerFrom(first))).ok).toBe(true);
    expect((await listRelationships(wallet))[0]?.issuerDid).toBe(first.did);
  });
});
