// SD-JWT VC §3.2.2.2 registered claims: which may be selectively disclosed (iat) or absent (iat;
// iss with a pinned key), and which never (iss, nbf, exp, cnf, vct, vct#integrity, status).
// Table: registered-claims.cases.json; credentials from a careless issuer (careless-issuer.fake.ts).
import { describe, expect, it } from 'vitest';
import { createIssuerKeyFile, issuerSigner } from '../jose/issuer-key-file.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { issueCarelessly } from './careless-issuer.fake.ts';
import { createDisclosure } from './disclosure.ts';
import { issuerKid, issueSdJwtVc } from './issue-sd-jwt-vc.ts';
import fixtures from './registered-claims.cases.json' with { type: 'json' };
import { NON_DISCLOSABLE_CLAIMS } from './registered-claims.ts';
import { verifySdJwtVc } from './verify-sd-jwt-vc.ts';

const randomBytes = seededRandomBytes('registered-claims');
const crypto = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2025-10-02T12:00:00Z');
const VCT = 'urn:vouch:income-statement:1';

interface Case {
  name: string;
  remove?: string[];
  visible?: Record<string, unknown>;
  disclosed?: Record<string, unknown>;
  withhold?: string[];
  pinIssuerKey?: boolean;
  expect: {
    ok: boolean;
    reason?: string;
    claim?: string;
    iat?: number | null;
    issuer?: string | null;
  };
}

async function world() {
  const issuer = await createIssuerKeyFile(crypto, 'ES256');
  const holder = await crypto.generateKeyPair('ES256K');
  return { issuer, holder };
}

describe('SD-JWT VC registered claims (§3.2.2.2), verified', () => {
  it.each((fixtures.cases as Case[]).map((c) => [c.name, c] as const))(
    'Given %s, when verified, then the table says what comes back',
    async (_name, c) => {
      const { issuer, holder } = await world();
      const fill = (value: unknown): unknown =>
        value === '$issuerDid' ? issuer.did : value === '$holderJwk' ? holder.publicJwk : value;
      const deep = (value: unknown): unknown =>
        JSON.parse(JSON.stringify(value), (_k, v: unknown) => fill(v));
      const visible: Record<string, unknown> = {
        iss: issuer.did,
        iat: 1759309200,
        vct: VCT,
        cnf: { jwk: holder.publicJwk },
        status: { status_list: { idx: 7, uri: 'https://issuer.example/status/1' } },
        ...(deep(c.visible ?? {}) as Record<string, unknown>),
      };
      for (const name of c.remove ?? []) delete visible[name];
      const { credential, disclosures } = await issueCarelessly({
        header: { alg: 'ES256', typ: 'dc+sd-jwt', kid: issuerKid(issuer.did) },
        visible,
        disclosed: { period: '2025-09', ...(deep(c.disclosed ?? {}) as Record<string, unknown>) },
        sign: issuerSigner(crypto, issuer),
        randomBytes,
      });
      let shown = credential;
      for (const name of c.withhold ?? []) shown = shown.replace(`${disclosures.get(name)}~`, '');
      const verified = await verifySdJwtVc(shown, {
        crypto,
        now: NOW,
        ...(c.pinIssuerKey ? { issuerKey: issuer.publicJwk } : {}),
      });
      if (!c.expect.ok) {
        expect(verified).toMatchObject({ ok: false, reason: c.expect.reason });
        if (c.expect.claim !== undefined && !verified.ok)
          expect(verified.detail.message).toContain(`"${c.expect.claim}"`);
        return;
      }
      expect(verified.ok).toBe(true);
      if (!verified.ok) return;
      expect(verified.value.iat).toBe(c.expect.iat ?? undefined);
      expect(verified.value.issuer).toBe(fill(c.expect.issuer) ?? undefined);
      expect(verified.value.claims).toEqual({ period: '2025-09' });
    },
  );

  it('Given the table, then every claim that must stay in the clear has a refusing case', () => {
    const refused = (fixtures.cases as Case[])
      .filter((c) => c.expect.reason === 'disclosable-registered-claim')
      .map((c) => c.expect.claim);
    expect([...new Set(refused)].sort()).toEqual([...NON_DISCLOSABLE_CLAIMS].sort());
  });

  it('Given a nested object with its own disclosable claim called "exp", when verified, then it is an ordinary claim and passes', async () => {
    const { issuer, holder } = await world();
    const nested = createDisclosure({
      salt: 'bmVzdGVkLXNhbHQtMTIz',
      name: 'exp',
      value: 1790845200,
    });
    const { credential } = await issueCarelessly({
      header: { alg: 'ES256', typ: 'dc+sd-jwt', kid: issuerKid(issuer.did) },
      visible: { iss: issuer.did, vct: VCT, cnf: { jwk: holder.publicJwk } },
      disclosed: { contract: { _sd: [nested.digest], employer: 'Rijdt Goed B.V.' } },
      sign: issuerSigner(crypto, issuer),
      randomBytes,
    });
    const verified = await verifySdJwtVc(`${credential}${nested.encoded}~`, { crypto, now: NOW });
    expect(verified.ok && verified.value.claims).toEqual({
      contract: { exp: 1790845200, employer: 'Rijdt Goed B.V.' },
    });
  });

  it('Given an issuer JWT whose header says alg "Ed25519" (RFC 9864), when verified, then it is accepted as EdDSA', async () => {
    const issuer = await createIssuerKeyFile(crypto, 'EdDSA');
    const holder = await crypto.generateKeyPair('ES256K');
    const { credential } = await issueCarelessly({
      header: { alg: 'Ed25519', typ: 'dc+sd-jwt', kid: issuerKid(issuer.did) },
      visible: { iss: issuer.did, iat: 1759309200, vct: VCT, cnf: { jwk: holder.publicJwk } },
      disclosed: { period: '2025-09' },
      sign: issuerSigner(crypto, issuer),
      randomBytes,
    });
    const verified = await verifySdJwtVc(credential, { crypto, now: NOW });
    expect(verified).toMatchObject({ ok: true, value: { claims: { period: '2025-09' } } });
  });
});

describe('SD-JWT VC registered claims (§3.2.2.2), issued by Vouch', () => {
  it.each([...NON_DISCLOSABLE_CLAIMS, 'iat'])(
    'Given "%s" among the personal claims, when issued, then issueSdJwtVc refuses (it is kept in the clear)',
    async (name) => {
      const { issuer, holder } = await world();
      await expect(
        issueSdJwtVc({
          issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(crypto, issuer) },
          vct: VCT,
          claims: { period: '2025-09', [name]: 1 },
          holderJwk: holder.publicJwk,
          issuedAt: NOW,
          randomBytes,
        }),
      ).rejects.toThrow(`"${name}"`);
    },
  );
});
