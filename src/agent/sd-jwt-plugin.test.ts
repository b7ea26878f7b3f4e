import { describe, expect, it } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import { createIssuerKeyFile, nobleJwsCrypto } from '../core/jose/index.ts';
import type { IssuerKeyFile } from '../core/jose/index.ts';
import {
  credentialPath,
  describeKey,
  es256kSigner,
  mnemonicFromEntropy,
  mnemonicToSeed,
  relationshipPath,
  withPrivateKey,
} from '../core/keys/index.ts';
import { createPresentation } from '../core/presentation/index.ts';
import type { TrustList } from '../core/trust/index.ts';
import { createVouchAgent } from './index.ts';
import type { VouchAgent } from './index.ts';

const crypto = nobleJwsCrypto({
  randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
});
const MNEMONIC = mnemonicFromEntropy(Uint8Array.from({ length: 32 }, (_, i) => 200 - i));
const NOW = new Date('2024-08-02T10:00:00Z');
const VCT = 'urn:vouch:income-statement:1';

async function setup(): Promise<{
  issuerFile: IssuerKeyFile;
  issuerAgent: VouchAgent;
  holderAgent: VouchAgent;
  seed: Uint8Array;
  trust: TrustList;
}> {
  const issuerFile = await createIssuerKeyFile(crypto, 'ES256');
  const issuerAgent = await createVouchAgent({ issuerKeyFile: issuerFile, crypto, now: () => NOW });
  const holderAgent = await createVouchAgent({ mnemonic: MNEMONIC, crypto, now: () => NOW });
  const trust: TrustList = {
    issuer: 'did:key:verifier',
    name: 'Gemeente Velsen',
    iat: Math.floor(NOW.getTime() / 1000) - 60,
    exp: Math.floor(NOW.getTime() / 1000) + 86_400,
    entries: [{ did: issuerFile.did, name: 'Rijdt Goed B.V.', vct: [VCT] }],
  };
  return { issuerFile, issuerAgent, holderAgent, seed: await mnemonicToSeed(MNEMONIC), trust };
}

const claims = { ...exampleClaims('income-statement'), period: '2024-07', net_wage_cents: 60000 };

describe('Vouch SD-JWT VC plugin', () => {
  it('Given an issuer agent and a holder xpub, when it issues an income statement and the holder presents it with core createPresentation, then verifySdJwtPresentation says valid with the disclosed claims', async () => {
    const { issuerFile, issuerAgent, seed, trust } = await setup();
    const xpub = describeKey(seed, relationshipPath(4)).xpub;
    const issued = await issuerAgent.createSdJwtVc({
      issuer: issuerFile.did,
      type: 'income-statement',
      claims,
      holder: { xpub, child: 11 },
    });
    expect(issued.vct).toBe(VCT);
    expect(issued.holderDid).toBe(describeKey(seed, credentialPath(4, 11)).did);
    const presentation = await withPrivateKey(seed, credentialPath(4, 11), async (key) => {
      const sign = es256kSigner(key);
      try {
        return await createPresentation({
          credential: issued.credential,
          disclose: ['period', 'net_wage_cents'],
          audience: 'https://velsen.example',
          nonce: 'n-123',
          issuedAt: NOW,
          holder: { alg: 'ES256K', sign },
        });
      } finally {
        sign.wipe();
      }
    });
    if (!presentation.ok) throw new Error(presentation.detail.message);
    const verdict = await issuerAgent.verifySdJwtPresentation({
      presentation: presentation.value,
      audience: 'https://velsen.example',
      nonce: 'n-123',
      trustLists: [trust],
      now: NOW.toISOString(),
      statusPolicy: { whenUnavailable: 'warn' },
    });
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verdict).toMatchObject({ valid: true, format: 'dc+sd-jwt', vct: VCT });
    expect(verdict.issuer).toBe(issuerFile.did);
    expect(verdict.claims).toEqual({ period: '2024-07', net_wage_cents: 60000 });
  });

  it("Given a holder agent with the wallet's mnemonic, when it presents through createSdJwtPresentation, then the verdict is valid, and wrong for another audience, nonce or an untrusted issuer", async () => {
    const { issuerFile, issuerAgent, holderAgent, seed, trust } = await setup();
    const holder = await holderAgent.createHolderDid({ relationship: 1, child: 0 });
    const issued = await issuerAgent.createSdJwtVc({
      issuer: issuerFile.did,
      type: 'income-statement',
      claims,
      holder: { did: holder.did },
    });
    expect(holder.did).toBe(describeKey(seed, credentialPath(1, 0)).did);
    const { presentation } = await holderAgent.createSdJwtPresentation({
      credential: issued.credential,
      disclose: ['net_wage_cents'],
      audience: 'https://velsen.example',
      nonce: 'n-9',
      holder: holder.did,
    });
    const verify = (over: Record<string, unknown>) =>
      issuerAgent.verifyVouchPresentation({
        presentation,
        audience: 'https://velsen.example',
        nonce: 'n-9',
        trustLists: [trust],
        statusPolicy: { whenUnavailable: 'warn' },
        ...over,
      });
    const good = await verify({});
    expect(good.valid).toBe(true);
    expect(good.claims).toEqual({ net_wage_cents: 60000 });
    const codes = async (over: Record<string, unknown>) =>
      (await verify(over)).checks.filter((check) => !check.ok).map((check) => check.code);
    expect(await codes({ audience: 'https://other.example' })).toEqual(['wrong-audience']);
    expect(await codes({ nonce: 'n-10' })).toEqual(['wrong-nonce']);
    expect(await codes({ trustLists: [] })).toEqual(['untrusted-issuer']);
    expect(await codes({ trustLists: [], issuerKey: issuerFile.publicJwk })).toEqual([]);
    const otherKey = await createIssuerKeyFile(crypto, 'ES256');
    expect(await codes({ trustLists: [], issuerKey: otherKey.publicJwk })).toEqual([
      'bad-signature',
    ]);
    await expect(verify({ issuerKey: { kty: 'EC' } })).rejects.toThrow(/"issuerKey" /);
    const tampered = presentation.replace(/\.([A-Za-z0-9_-]{10})/, '.AAAAAAAAAA');
    expect((await verify({ presentation: tampered })).valid).toBe(false);
  });

  it('Given claims that do not fit the type, an issuer it does not manage or a bad holder, then createSdJwtVc says which field is wrong', async () => {
    const { issuerFile, issuerAgent } = await setup();
    const holder = { did: describeKey(await mnemonicToSeed(MNEMONIC), credentialPath(0, 0)).did };
    await expect(
      issuerAgent.createSdJwtVc({
        issuer: issuerFile.did,
        type: 'income-statement',
        claims: { ...claims, net_wage_cents: 'lots' },
        holder,
      }),
    ).rejects.toThrow(/claims do not fit income-statement: net_wage_cents/);
    await expect(
      issuerAgent.createSdJwtVc({
        issuer: 'did:key:zDnaeOther',
        type: 'income-statement',
        claims,
        holder,
      }),
    ).rejects.toThrow(/"issuer" did:key:zDnaeOther is not a DID this agent manages/);
    await expect(
      issuerAgent.createSdJwtVc({
        issuer: issuerFile.did,
        type: 'income-statement',
        claims,
        holder: { xpub: 'xprv9s21ZrQH143K', child: 0 },
      }),
    ).rejects.toThrow(/"holder.xpub" .*PRIVATE key/);
  });

  it('Given a presentation that is not text, then verifyVouchPresentation refuses with a clear error, and garbage text gets a bad-encoding verdict', async () => {
    const { issuerAgent } = await setup();
    await expect(
      issuerAgent.verifyVouchPresentation({
        presentation: 42 as unknown as string,
        audience: 'a',
        nonce: 'n',
      }),
    ).rejects.toThrow(/"presentation" expected the presentation text/);
    const verdict = await issuerAgent.verifyVouchPresentation({
      presentation: 'not a credential',
      audience: 'a',
      nonce: 'n',
    });
    expect(verdict.valid).toBe(false);
    expect(verdict.checks[0]).toMatchObject({ name: 'encoding', code: 'bad-encoding' });
  });
});

describe('runEligibilityRule', () => {
  it('Given a verified income statement of July 2024 (net 600.00) for a single adult, then the Participatiewet supplement is 1,243.03 − 600.00 = 643.03 and holiday allowance 65.42', async () => {
    const { issuerFile, issuerAgent, holderAgent, trust } = await setup();
    const holder = await holderAgent.createHolderDid({ relationship: 0, child: 3 });
    const issued = await issuerAgent.createSdJwtVc({
      issuer: issuerFile.did,
      type: 'income-statement',
      claims,
      holder: { did: holder.did },
    });
    const { presentation } = await holderAgent.createSdJwtPresentation({
      credential: issued.credential,
      disclose: ['period', 'net_wage_cents'],
      audience: 'https://velsen.example',
      nonce: 'n-1',
      holder: holder.did,
    });
    const verdict = await issuerAgent.verifyVouchPresentation({
      presentation,
      audience: 'https://velsen.example',
      nonce: 'n-1',
      trustLists: [trust],
      statusPolicy: { whenUnavailable: 'warn' },
    });
    const result = await issuerAgent.runEligibilityRule({
      rule: 'nl.participatiewet.aanvulling',
      period: '2024-07',
      claims: [verdict],
      declared: { household: 'single', ageBand: '21-to-pension', assetsCents: 0 },
    });
    // shared/facts/benefits-nl.md §1: 1 Jul 2024 single norm excl. 1,243.03, incl. 1,308.45.
    expect(result).toMatchObject({
      ruleId: 'nl.participatiewet.aanvulling',
      status: 'eligible',
      amountCents: 64303,
      holidayAllowanceCents: 6542,
    });
  });

  it('Given an unknown rule, a bad period or a failed verification, then runEligibilityRule refuses and names the field', async () => {
    const agent = await createVouchAgent({ crypto });
    await expect(
      agent.runEligibilityRule({ rule: 'nl.nope' as never, period: '2024-07' }),
    ).rejects.toThrow(/"rule" expected one of nl.participatiewet.aanvulling/);
    await expect(
      agent.runEligibilityRule({ rule: 'nl.participatiewet.aanvulling', period: 'July' }),
    ).rejects.toThrow(/"period" expected YYYY-MM/);
    await expect(
      agent.runEligibilityRule({
        rule: 'nl.participatiewet.aanvulling',
        period: '2024-07',
        claims: [{ valid: false, vct: VCT, claims: { net_wage_cents: 1 } }],
      }),
    ).rejects.toThrow(/"claims\[0\]" is a verification that failed/);
  });
});
