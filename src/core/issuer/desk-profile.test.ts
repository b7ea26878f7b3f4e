// The desk signs its issuer profile with its own key: what it issues, where its lists are.
import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { nobleJwsCrypto } from '../jose/index.ts';
import { readIssuerProfile } from '../trust/issuer-profile.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createDesk, type IssuerKind } from './desk.ts';
import { deskCredentialTypes, signDeskIssuerProfile } from './desk-profile.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');

async function newDesk(kind: IssuerKind, name: string, alg: 'ES256' | 'EdDSA' | 'ES256K') {
  const created = await createDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
    {
      passcode: 'desk passcode 1',
      profile: { name, kind, registration: '' },
      alg,
      statusListUri: 'https://status.ugent.example/vouch/lists/1',
      now: NOW,
    },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

describe('deskCredentialTypes', () => {
  it.each([
    ['university', ['urn:vouch:diploma:1', 'VouchDiploma']],
    ['employer', ['urn:vouch:income-statement:1']],
    ['pulmonologist', ['urn:vouch:medical-attestation:1']],
    ['municipality', ['urn:vouch:household:1']],
  ] as const)('Given a %s desk, then it publishes %j', (kind, types) => {
    expect(deskCredentialTypes(kind)).toEqual(types);
  });
});

describe('signDeskIssuerProfile', () => {
  it.each(['ES256', 'EdDSA', 'ES256K'] as const)(
    'Given a %s university desk whose server hosts its list, when it signs its profile, then a verifier reads its DID, name, types and both list addresses, and the JWS fits one QR (at most 900 characters)',
    async (alg) => {
      const desk = await newDesk(
        'university',
        'Universiteit Gent — Faculteit Ingenieurswetenschappen',
        alg,
      );
      const hosted = 'https://vouch.ugent.example/status-lists/desk-zDnaeTXb7A8Pn8CFf8QBvW';
      const profile = await signDeskIssuerProfile(
        desk,
        { jws },
        { now: NOW, otherStatusLists: [hosted] },
      );
      expect(profile.length).toBeLessThanOrEqual(900);
      expect(await readIssuerProfile(profile)).toMatchObject({
        ok: true,
        value: {
          did: desk.issuer.did,
          name: 'Universiteit Gent — Faculteit Ingenieurswetenschappen',
          types: ['urn:vouch:diploma:1', 'VouchDiploma'],
          statusLists: ['https://status.ugent.example/vouch/lists/1', hosted],
          iat: NOW.getTime() / 1000,
        },
      });
    },
  );
});
