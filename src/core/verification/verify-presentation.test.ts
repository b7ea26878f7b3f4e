// Every error code of the verifier's pipeline, each provoked by a presentation crafted for it
// (issue 4 item 7 and 8), plus the happy path for each issuer algorithm. Core only: noble crypto,
// seeded keys, a fixed clock (presentation-world.fake.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { createDisclosure } from '../sd-jwt/disclosure.ts';
import { createIssuerKeyFile } from '../jose/issuer-key-file.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { Did } from '../brand.ts';
import { createPresentation } from '../presentation/create-presentation.ts';
import { CHECK_CODES, CHECK_NAMES } from './check.ts';
import type { CheckCode, VerifyPresentationOptions } from './check.ts';
import {
  assemble,
  AUDIENCE,
  CLAIMS,
  forgedJws,
  holderFromSeed,
  issue,
  issueCareless,
  makeWorld,
  NONCE,
  NOW,
  partsOf,
  publishList,
  signerFor,
  STATUS_URI,
  VCT,
} from './presentation-world.fake.ts';
import type { World } from './presentation-world.fake.ts';
import { verifyPresentation } from './verify-presentation.ts';

let world: World;
let listJwt: string;

beforeAll(async () => {
  world = await makeWorld('ES256');
  listJwt = await publishList(world);
});

function baseOptions(w: World, jwt: string | undefined): VerifyPresentationOptions {
  return {
    crypto: w.crypto,
    now: NOW,
    audience: AUDIENCE,
    nonce: NONCE,
    trustLists: [w.trustList],
    statusList: (uri) =>
      uri === STATUS_URI && jwt !== undefined ? { jwt, fetchedAt: NOW } : undefined,
    requiredClaims: ['period', 'net_wage_cents'],
  };
}

/** A normal presentation of period + net_wage_cents, made the way a wallet makes it. */
async function present(
  w: World,
  credential = w.credential,
  extra: Partial<{ nonce: string; aud: string; at: Date }> = {},
) {
  const made = await createPresentation({
    credential,
    disclose: ['period', 'net_wage_cents'],
    audience: extra.aud ?? AUDIENCE,
    nonce: extra.nonce ?? NONCE,
    issuedAt: extra.at ?? new Date(NOW.getTime() - 5000),
    holder: signerFor(w.crypto, w.holder),
  });
  if (!made.ok) throw new Error(made.detail.message);
  return made.value as string;
}

function disclosuresOf(w: World, ...names: string[]): string[] {
  const { disclosures } = partsOf(w.credential);
  return names.map((name) => disclosures.get(name) as string);
}

function replacePayload(jwt: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const bytes = decodeBase64Url(payload);
  const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
  const json = JSON.parse(text?.ok ? text.value : '{}') as Record<string, unknown>;
  change(json);
  return `${header}.${encodeBase64Url(utf8ToBytes(JSON.stringify(json)))}.${signature}`;
}

interface Case {
  code: CheckCode;
  given: string;
  build: (w: World) => Promise<{ presentation: string; opts?: Partial<VerifyPresentationOptions> }>;
  /** Exactly the codes that fail, in pipeline order. */
  failing: CheckCode[];
}

const CASES: Case[] = [
  {
    code: 'bad-encoding',
    given: 'plain text',
    build: async () => ({ presentation: 'hello, I am a driving licence' }),
    failing: ['bad-encoding'],
  },
  {
    code: 'bad-encoding',
    given: 'nothing',
    build: async () => ({ presentation: '' }),
    failing: ['bad-encoding'],
  },
  {
    code: 'bad-encoding',
    given: 'a JSON object',
    build: async () => ({ presentation: '{"vp_token":{"q":["x"]}}' }),
    failing: ['bad-encoding'],
  },
  {
    code: 'bad-encoding',
    given: 'a JWT that is not an SD-JWT credential (typ JWT)',
    build: async () => ({
      presentation: `${forgedJws({ alg: 'ES256', typ: 'JWT' }, { iss: 'did:key:z', vct: VCT, iat: 1 })}~`,
    }),
    failing: ['bad-encoding'],
  },
  {
    code: 'bad-encoding',
    given: 'a disclosure that is not base64url JSON',
    build: async (w) => ({ presentation: `${partsOf(w.credential).jwt}~%%%~` }),
    failing: ['bad-encoding'],
  },
  {
    code: 'unsupported-alg',
    given: 'an issuer JWT with alg "none"',
    build: async (w) => ({
      presentation: `${forgedJws({ alg: 'none', typ: 'dc+sd-jwt' }, { iss: w.issuer.did, vct: VCT, iat: 1 }, '')}~`,
    }),
    failing: ['unsupported-alg'],
  },
  {
    code: 'unsupported-alg',
    given: 'an issuer JWT with alg HS256',
    build: async (w) => ({
      presentation: `${forgedJws({ alg: 'HS256', typ: 'dc+sd-jwt' }, { iss: w.issuer.did, vct: VCT, iat: 1 })}~`,
    }),
    failing: ['unsupported-alg'],
  },
  {
    code: 'unsupported-alg',
    given: 'an issuer JWT with alg RS256',
    build: async (w) => ({
      presentation: `${forgedJws({ alg: 'RS256', typ: 'dc+sd-jwt' }, { iss: w.issuer.did, vct: VCT, iat: 1 })}~`,
    }),
    failing: ['unsupported-alg'],
  },
  {
    code: 'unknown-issuer-key',
    given: 'an issuer with a did:web (no offline key) and no pinned key',
    build: async (w) => {
      const credential = await issue({
        ...w,
        issuer: { ...w.issuer, did: 'did:web:bakkerij.example' as Did },
      });
      return { presentation: await present(w, credential) };
    },
    failing: ['unknown-issuer-key'],
  },
  {
    code: 'bad-signature',
    given: 'an issuer JWT whose payload was changed after signing',
    build: async (w) => {
      const { jwt } = partsOf(w.credential);
      const changed = replacePayload(jwt, (payload) => {
        payload.exp = (payload.exp as number) + 10 * 365 * 86_400;
      });
      return {
        presentation: await assemble(w, {
          jwt: changed,
          disclosures: disclosuresOf(w, 'period', 'net_wage_cents'),
        }),
      };
    },
    failing: ['bad-signature'],
  },
  {
    code: 'bad-signature',
    given: 'a pinned issuer key that is not the one that signed',
    build: async (w) => {
      const other = await createIssuerKeyFile(w.crypto, 'ES256');
      return { presentation: await present(w), opts: { issuerKey: other.publicJwk } };
    },
    failing: ['bad-signature'],
  },
  {
    code: 'untrusted-issuer',
    given: 'no trust list and no pinned key',
    build: async (w) => ({ presentation: await present(w), opts: { trustLists: [] } }),
    failing: ['untrusted-issuer'],
  },
  {
    code: 'untrusted-issuer',
    given: 'a trust list that trusts the issuer for another vct only',
    build: async (w) => ({
      presentation: await present(w),
      opts: {
        trustLists: [
          {
            ...w.trustList,
            entries: [{ did: w.issuer.did, name: 'Bakkerij', vct: ['urn:vouch:diploma:1'] }],
          },
        ],
      },
    }),
    failing: ['untrusted-issuer'],
  },
  {
    code: 'disclosure-digest-missing',
    given: 'a forged disclosure (net wage changed) that the issuer never signed',
    build: async (w) => {
      const forged = createDisclosure({
        salt: 'c2FsdHNhbHRzYWx0c2FsdA',
        name: 'net_wage_cents',
        value: 999_999,
      });
      const disclosures = [...disclosuresOf(w, 'period'), forged.encoded];
      return { presentation: await assemble(w, { jwt: partsOf(w.credential).jwt, disclosures }) };
    },
    failing: ['disclosure-digest-missing', 'missing-claim'],
  },
  {
    code: 'disclosure-duplicate',
    given: 'the same disclosure shown twice',
    build: async (w) => {
      const disclosures = disclosuresOf(w, 'period', 'net_wage_cents', 'period');
      return { presentation: await assemble(w, { jwt: partsOf(w.credential).jwt, disclosures }) };
    },
    failing: ['disclosure-duplicate', 'missing-claim'],
  },
  {
    code: 'disclosable-registered-claim',
    given: 'a credential whose issuer made "exp" selectively disclosable, shown with it',
    build: async (w) => {
      const { jwt, disclosures } = await issueCareless(w, {
        remove: ['exp'],
        disclosed: { exp: Math.floor(NOW.getTime() / 1000) + 86_400 },
      });
      const shown = ['period', 'net_wage_cents', 'exp'].map((name) => disclosures.get(name)!);
      return { presentation: await assemble(w, { jwt, disclosures: shown }) };
    },
    failing: ['disclosable-registered-claim', 'missing-claim'],
  },
  {
    code: 'disclosable-registered-claim',
    given: 'a disclosed "status" (another index) beside the one in the clear',
    build: async (w) => {
      const { jwt, disclosures } = await issueCareless(w, {
        disclosed: { status: { status_list: { idx: w.statusIndex + 1, uri: STATUS_URI } } },
      });
      const shown = ['period', 'net_wage_cents', 'status'].map((name) => disclosures.get(name)!);
      return { presentation: await assemble(w, { jwt, disclosures: shown }) };
    },
    failing: ['disclosable-registered-claim', 'missing-claim'],
  },
  {
    code: 'disclosable-registered-claim',
    given: 'a disclosed "exp" next year that tries to override the expired one in the clear',
    build: async (w) => {
      const nowSeconds = Math.floor(NOW.getTime() / 1000);
      const { jwt, disclosures } = await issueCareless(w, {
        visible: { exp: nowSeconds - 86_400 },
        disclosed: { exp: nowSeconds + 365 * 86_400 },
      });
      const shown = ['period', 'net_wage_cents', 'exp'].map((name) => disclosures.get(name)!);
      return { presentation: await assemble(w, { jwt, disclosures: shown }) };
    },
    failing: ['disclosable-registered-claim', 'expired', 'missing-claim'],
  },
  {
    code: 'kb-missing',
    given: 'the credential shown without key binding (a copy of the issuance form)',
    build: async (w) => ({
      presentation: await assemble(w, {
        jwt: partsOf(w.credential).jwt,
        disclosures: disclosuresOf(w, 'period', 'net_wage_cents'),
        kb: false,
      }),
    }),
    failing: ['kb-missing'],
  },
  {
    code: 'kb-bad-signature',
    given: 'a KB-JWT signed by another phone',
    build: async (w) => ({
      presentation: await assemble(w, {
        jwt: partsOf(w.credential).jwt,
        disclosures: disclosuresOf(w, 'period', 'net_wage_cents'),
        signer: holderFromSeed('someone else'),
      }),
    }),
    failing: ['kb-bad-signature'],
  },
  {
    code: 'kb-bad-signature',
    given: 'a KB-JWT with typ "JWT"',
    build: async (w) => ({
      presentation: await assemble(w, {
        jwt: partsOf(w.credential).jwt,
        disclosures: disclosuresOf(w, 'period', 'net_wage_cents'),
        typ: 'JWT',
      }),
    }),
    failing: ['kb-bad-signature'],
  },
  {
    code: 'kb-bad-signature',
    given: 'a damaged KB-JWT',
    build: async (w) => ({ presentation: `${await present(w)}`.replace(/\.[^.~]+$/, '.!!!') }),
    failing: ['kb-bad-signature'],
  },
  {
    code: 'unsupported-alg',
    given: 'a KB-JWT with alg "none"',
    build: async (w) => {
      const body = `${partsOf(w.credential).jwt}~${disclosuresOf(w, 'period', 'net_wage_cents').join('~')}~`;
      const kb = forgedJws(
        { typ: 'kb+jwt', alg: 'none' },
        { iat: NOW.getTime() / 1000, aud: AUDIENCE, nonce: NONCE },
        '',
      );
      return { presentation: `${body}${kb}` };
    },
    failing: ['unsupported-alg'],
  },
  {
    code: 'wrong-audience',
    given: 'an answer made for another verifier',
    build: async (w) => ({
      presentation: await present(w, w.credential, { aud: 'did:key:zDnaeOtherDesk' }),
    }),
    failing: ['wrong-audience'],
  },
  {
    code: 'wrong-nonce',
    given: "an answer to another request's nonce",
    build: async (w) => ({
      presentation: await present(w, w.credential, { nonce: 'another-nonce' }),
    }),
    failing: ['wrong-nonce'],
  },
  {
    code: 'replayed',
    given: 'an answer whose nonce was already used',
    build: async (w) => ({ presentation: await present(w), opts: { nonceAlreadyUsed: true } }),
    failing: ['replayed'],
  },
  {
    code: 'stale',
    given: 'an answer made 6 minutes ago (window 5)',
    build: async (w) => ({
      presentation: await present(w, w.credential, { at: new Date(NOW.getTime() - 360_000) }),
    }),
    failing: ['stale'],
  },
  {
    code: 'stale',
    given: 'an answer dated 2 minutes in the future',
    build: async (w) => ({
      presentation: await present(w, w.credential, { at: new Date(NOW.getTime() + 120_000) }),
    }),
    failing: ['stale'],
  },
  {
    code: 'stale',
    given: 'an answer with no iat',
    build: async (w) => ({
      presentation: await assemble(w, {
        jwt: partsOf(w.credential).jwt,
        disclosures: disclosuresOf(w, 'period', 'net_wage_cents'),
        iat: undefined,
      }),
    }),
    failing: ['stale'],
  },
  {
    code: 'sd-hash-mismatch',
    given: 'a disclosure added after the holder confirmed',
    build: async (w) => ({
      presentation: await assemble(w, {
        jwt: partsOf(w.credential).jwt,
        disclosures: disclosuresOf(w, 'period', 'net_wage_cents', 'birth_date'),
        sdHashOver: disclosuresOf(w, 'period', 'net_wage_cents'),
      }),
    }),
    failing: ['sd-hash-mismatch'],
  },
  {
    code: 'sd-hash-mismatch',
    given: 'a disclosure removed after the holder confirmed',
    build: async (w) => {
      const full = await createPresentation({
        credential: w.credential,
        disclose: ['period', 'net_wage_cents', 'employee_name'],
        audience: AUDIENCE,
        nonce: NONCE,
        issuedAt: NOW,
        holder: signerFor(w.crypto, w.holder),
      });
      if (!full.ok) throw new Error(full.reason);
      const [name] = disclosuresOf(w, 'employee_name');
      return { presentation: full.value.replace(`~${name}~`, '~') };
    },
    failing: ['sd-hash-mismatch'],
  },
  {
    code: 'expired',
    given: 'a credential that expired yesterday',
    build: async (w) => ({
      presentation: await present(
        w,
        await issue(w, { expiresAt: new Date(NOW.getTime() - 86_400_000) }),
      ),
    }),
    failing: ['expired'],
  },
  {
    code: 'not-yet-valid',
    given: 'a credential issued tomorrow',
    build: async (w) => ({
      presentation: await present(
        w,
        await issue(w, { issuedAt: new Date(NOW.getTime() + 86_400_000) }),
      ),
    }),
    failing: ['not-yet-valid'],
  },
  {
    code: 'revoked',
    given: 'a credential the issuer revoked',
    build: async (w) => {
      const revoked = await publishList(w, { revoked: true });
      return {
        presentation: await present(w),
        opts: { statusList: () => ({ jwt: revoked, fetchedAt: NOW }) },
      };
    },
    failing: ['revoked'],
  },
  {
    code: 'status-unavailable',
    given: 'no status list at hand (policy reject)',
    build: async (w) => ({ presentation: await present(w), opts: { statusList: () => undefined } }),
    failing: ['status-unavailable'],
  },
  {
    code: 'status-unavailable',
    given: 'a status list published by someone else',
    build: async (w) => {
      const other = await createIssuerKeyFile(w.crypto, 'ES256');
      const jwt = await publishList(w, { by: other });
      return {
        presentation: await present(w),
        opts: { statusList: () => ({ jwt, fetchedAt: NOW }) },
      };
    },
    failing: ['status-unavailable'],
  },
  {
    code: 'status-unavailable',
    given: 'a status list for another URI',
    build: async (w) => {
      const jwt = await publishList(w, { uri: 'https://bakkerij.example/status/2' });
      return {
        presentation: await present(w),
        opts: { statusList: () => ({ jwt, fetchedAt: NOW }) },
      };
    },
    failing: ['status-unavailable'],
  },
  {
    code: 'status-unavailable',
    given: 'a status list two days old (default maximum one day)',
    build: async (w) => {
      const jwt = await publishList(w, { issuedAt: new Date(NOW.getTime() - 2 * 86_400_000) });
      return {
        presentation: await present(w),
        opts: { statusList: () => ({ jwt, fetchedAt: NOW }) },
      };
    },
    failing: ['status-unavailable'],
  },
  {
    code: 'status-unavailable',
    given: 'a status list that is garbage',
    build: async (w) => ({
      presentation: await present(w),
      opts: { statusList: () => ({ jwt: 'garbage', fetchedAt: NOW }) },
    }),
    failing: ['status-unavailable'],
  },
  {
    code: 'missing-claim',
    given: 'a request for birth_date, which the holder withheld',
    build: async (w) => ({
      presentation: await present(w),
      opts: { requiredClaims: ['period', 'birth_date'] },
    }),
    failing: ['missing-claim'],
  },
  {
    code: 'missing-claim',
    given: 'a request about one month (DCQL values) answered with the statement of another month',
    build: async (w) => ({
      presentation: await present(w),
      opts: { requiredClaims: ['period'], requiredValues: { period: ['1999-01'] } },
    }),
    failing: ['missing-claim'],
  },
];

describe('verifyPresentation: every error code, each from a crafted presentation', () => {
  it('Given the table, then it covers every code at least once', () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(CHECK_CODES));
  });

  it.each(CASES.map((c) => [c.code, c.given, c] as const))(
    'Given %s: %s, when verified, then exactly the expected checks fail',
    async (_code, _given, c) => {
      const { presentation, opts = {} } = await c.build(world);
      const result = await verifyPresentation(presentation, {
        ...baseOptions(world, listJwt),
        ...opts,
      });
      expect(result.valid).toBe(false);
      expect(result.checks.filter((check) => !check.ok).map((check) => check.code)).toEqual(
        c.failing,
      );
      const names = result.checks.map((check) => check.name);
      expect(names).toEqual(CHECK_NAMES.filter((name) => names.includes(name)));
      for (const check of result.checks) {
        expect(check.message.length).toBeGreaterThan(10);
        expect(check.message).not.toMatch(/\n|\s at /);
      }
      // Never a claim that was not both disclosed and verified.
      expect(result.claims).not.toHaveProperty('birth_date');
      if (result.checks.some((check) => check.name === 'disclosures' && !check.ok)) {
        expect(result.claims).toEqual({});
      }
    },
  );
});

describe('verifyPresentation: the happy path', () => {
  it.each<JwsAlgorithm>(['ES256', 'EdDSA', 'ES256K'])(
    'Given a %s issuer on the trust list and a fresh status list, when the wallet shows two claims, then it is valid with exactly those claims',
    async (alg) => {
      const w = await makeWorld(alg, `happy-${alg}`);
      const jwt = await publishList(w);
      const result = await verifyPresentation(await present(w), baseOptions(w, jwt));
      expect(result.checks.map((check) => [check.name, check.code])).toEqual(
        CHECK_NAMES.map((name) => [name, 'ok']),
      );
      expect(result).toMatchObject({
        valid: true,
        issuer: w.issuer.did,
        issuerName: 'Bakkerij de Vries B.V.',
        vct: VCT,
        status: {
          state: 'valid',
          ageSeconds: 3600,
          stale: false,
          listIssuedAt: '2026-03-02T08:30:00.000Z',
        },
      });
      expect(result.claims).toEqual({
        period: CLAIMS.period,
        net_wage_cents: CLAIMS.net_wage_cents,
      });
      expect(result.checks[1]?.message).toBe("Signed by the issuer's key");
    },
  );

  it('Given a pinned issuer key and no trust list, when verified, then the issuer counts as trusted', async () => {
    const result = await verifyPresentation(await present(world), {
      ...baseOptions(world, listJwt),
      trustLists: [],
      issuerKey: world.issuer.publicJwk,
    });
    expect(result.valid).toBe(true);
    expect(result.issuerName).toBeUndefined();
  });

  it('Given no status list and the policy "warn", when verified, then it is valid with a warning', async () => {
    const result = await verifyPresentation(await present(world), {
      ...baseOptions(world, undefined),
      statusPolicy: { whenUnavailable: 'warn' },
    });
    expect(result.valid).toBe(true);
    expect(result.checks.find((check) => check.name === 'status')).toMatchObject({
      ok: true,
      code: 'warning',
    });
    expect(result.status).toEqual({ state: 'unavailable' });
  });

  it('Given a stale list that says "not revoked" and the policy "warn", then valid, reported stale with its age', async () => {
    const jwt = await publishList(world, { issuedAt: new Date(NOW.getTime() - 2 * 86_400_000) });
    const result = await verifyPresentation(await present(world), {
      ...baseOptions(world, jwt),
      statusPolicy: { whenUnavailable: 'warn', maxAgeSeconds: 86_400 },
    });
    expect(result.valid).toBe(true);
    expect(result.status).toMatchObject({ state: 'valid', stale: true, ageSeconds: 172_800 });
  });

  it('Given a list with a ttl of 10 minutes issued an hour ago, then it is stale (ttl is the default maximum age)', async () => {
    const jwt = await publishList(world, { ttlSeconds: 600 });
    const result = await verifyPresentation(await present(world), baseOptions(world, jwt));
    expect(result.checks.find((check) => check.name === 'status')?.code).toBe('status-unavailable');
  });

  it('Given a revoked credential and a stale list under "warn", then it is still refused as revoked', async () => {
    const jwt = await publishList(world, {
      revoked: true,
      issuedAt: new Date(NOW.getTime() - 9 * 86_400_000),
    });
    const result = await verifyPresentation(await present(world), {
      ...baseOptions(world, jwt),
      statusPolicy: { whenUnavailable: 'warn' },
    });
    expect(result.valid).toBe(false);
    expect(result.status?.state).toBe('revoked');
  });

  it('Given a credential without a status entry, then the status check passes and says so', async () => {
    const credential = await issue(world, { status: false });
    const result = await verifyPresentation(
      await present(world, credential),
      baseOptions(world, undefined),
    );
    expect(result.valid).toBe(true);
    expect(result.status).toEqual({ state: 'none' });
  });

  it('Given a maxAgeSeconds of 600, when the answer is 6 minutes old, then it is fresh', async () => {
    const presentation = await present(world, world.credential, {
      at: new Date(NOW.getTime() - 360_000),
    });
    const result = await verifyPresentation(presentation, {
      ...baseOptions(world, listJwt),
      maxAgeSeconds: 600,
    });
    expect(result.valid).toBe(true);
  });

  it('Given several independent problems, when verified, then all of them are reported', async () => {
    const presentation = await present(
      world,
      await issue(world, { expiresAt: new Date(NOW.getTime() - 86_400_000) }),
      {
        aud: 'did:key:zOther',
        nonce: 'old',
      },
    );
    const result = await verifyPresentation(presentation, {
      ...baseOptions(world, undefined),
      trustLists: [],
    });
    expect(result.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual([
      'untrusted-issuer',
      'wrong-audience',
      'wrong-nonce',
      'expired',
      'status-unavailable',
    ]);
    expect(result.checks.find((c) => c.code === 'wrong-audience')?.message).toContain(
      'did:key:zOther',
    );
  });
});

describe('verifyPresentation: hostile input never throws', () => {
  const big = 'a'.repeat(200_000);
  it.each([
    ['a huge string', big],
    ['a huge SD-JWT-like string', `${big}.${big}.${big}~`],
    ['binary', '\u0000\u0001\uFFFD\uD800~~~'],
    ['only tildes', '~~~~'],
    ['three dots', '..~..'],
    ['a number', 42 as unknown as string],
    ['null', null as unknown as string],
    ['an object', { toString: () => 'x~' } as unknown as string],
    [
      'deep JSON',
      `${forgedJws({ alg: 'ES256', typ: 'dc+sd-jwt' }, { iss: 'did:key:z', a: JSON.parse('['.repeat(500) + ']'.repeat(500)) })}~`,
    ],
  ])(
    'Given %s, when verified, then a verdict: not valid, bad encoding or a failed signature',
    async (_given, input) => {
      const result = await verifyPresentation(input, baseOptions(world, listJwt));
      expect(result.valid).toBe(false);
      expect(result.claims).toEqual({});
      expect(['bad-encoding', 'unknown-issuer-key', 'bad-signature']).toContain(
        result.checks.find((check) => !check.ok)?.code,
      );
    },
  );

  it('Given a crypto port that throws, when verified, then still a verdict', async () => {
    const result = await verifyPresentation(await present(world), {
      ...baseOptions(world, listJwt),
      crypto: { ...world.crypto, verify: () => Promise.reject(new Error('boom')) },
    });
    expect(result).toMatchObject({ valid: false, checks: [{ code: 'bad-encoding' }] });
  });
});

describe('verifyPresentation: requested values', () => {
  it('Given a request that fixes the period to the one shown, when verified, then the requested-claims check passes', async () => {
    const presentation = await present(world);
    const plain = await verifyPresentation(presentation, baseOptions(world, listJwt));
    const period = plain.claims.period as string;
    expect(typeof period).toBe('string');
    const fixed = await verifyPresentation(presentation, {
      ...baseOptions(world, listJwt),
      requiredClaims: ['period'],
      requiredValues: { period: [period] },
    });
    expect(fixed.checks.find((check) => check.name === 'requested-claims')).toMatchObject({
      ok: true,
      code: 'ok',
    });
    expect(fixed.valid).toBe(true);
  });
});
