// What SD-JWT VC §3.2.2.2 allows, accepted by the verifier's pipeline: `iat` absent or selectively
// disclosed, `iss` absent when the issuer key is pinned, and the RFC 9864 name "Ed25519" for
// EdDSA in the issuer JWT and the KB-JWT. (The refusals are in verify-presentation.test.ts's
// table, code 'disclosable-registered-claim'.)
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { createIssuerKeyFile } from '../jose/issuer-key-file.ts';
import { computeSdHash } from '../presentation/sd-hash.ts';
import { CHECK_NAMES } from './check.ts';
import type { VerifyPresentationOptions } from './check.ts';
import {
  assemble,
  AUDIENCE,
  CLAIMS,
  issueCareless,
  makeWorld,
  NONCE,
  NOW,
  publishList,
  STATUS_URI,
} from './presentation-world.fake.ts';
import type { World } from './presentation-world.fake.ts';
import { verifyPresentation } from './verify-presentation.ts';

let world: World;
let listJwt: string;

beforeAll(async () => {
  world = await makeWorld('ES256', 'registered-claims');
  listJwt = await publishList(world);
});

function options(w: World, extra: Partial<VerifyPresentationOptions> = {}) {
  return {
    crypto: w.crypto,
    now: NOW,
    audience: AUDIENCE,
    nonce: NONCE,
    trustLists: [w.trustList],
    statusList: (uri: string) =>
      uri === STATUS_URI ? { jwt: listJwt, fetchedAt: NOW } : undefined,
    requiredClaims: ['period'],
    ...extra,
  } satisfies VerifyPresentationOptions;
}

const nowSeconds = Math.floor(NOW.getTime() / 1000);
const failing = (result: Awaited<ReturnType<typeof verifyPresentation>>) =>
  result.checks.filter((check) => !check.ok).map((check) => check.code);

describe('verifyPresentation: registered claims the SD-JWT VC draft allows (§3.2.2.2)', () => {
  it('Given a credential without iat, when verified, then every check passes', async () => {
    const { jwt, disclosures } = await issueCareless(world, { remove: ['iat'] });
    const presentation = await assemble(world, { jwt, disclosures: [disclosures.get('period')!] });
    const result = await verifyPresentation(presentation, options(world));
    expect(failing(result)).toEqual([]);
    expect(result.checks.map((check) => check.name)).toEqual(CHECK_NAMES);
    expect(result.claims).toEqual({ period: CLAIMS.period });
  });

  it.each([
    ['disclosed', true],
    ['withheld', false],
  ] as const)(
    'Given iat selectively disclosable and %s, when verified, then it is valid and iat is never a subject claim',
    async (_how, show) => {
      const { jwt, disclosures } = await issueCareless(world, {
        remove: ['iat'],
        disclosed: { iat: nowSeconds - 86_400 },
      });
      const shown = [disclosures.get('period')!, ...(show ? [disclosures.get('iat')!] : [])];
      const result = await verifyPresentation(
        await assemble(world, { jwt, disclosures: shown }),
        options(world),
      );
      expect(failing(result)).toEqual([]);
      expect(result.claims).toEqual({ period: CLAIMS.period });
    },
  );

  it('Given a disclosed iat next year, when verified, then the validity check says not-yet-valid', async () => {
    const { jwt, disclosures } = await issueCareless(world, {
      remove: ['iat'],
      disclosed: { iat: nowSeconds + 365 * 86_400 },
    });
    const shown = [disclosures.get('period')!, disclosures.get('iat')!];
    const result = await verifyPresentation(
      await assemble(world, { jwt, disclosures: shown }),
      options(world),
    );
    expect(failing(result)).toEqual(['not-yet-valid']);
  });

  it('Given a credential without iss and the issuer key pinned, when verified, then it is valid (trusted by the pin)', async () => {
    const { jwt, disclosures } = await issueCareless(world, { remove: ['iss'] });
    const presentation = await assemble(world, { jwt, disclosures: [disclosures.get('period')!] });
    const result = await verifyPresentation(
      presentation,
      options(world, { issuerKey: world.issuer.publicJwk, trustLists: [] }),
    );
    expect(failing(result)).toEqual([]);
    expect(result.issuer).toBeUndefined();
    expect(result.status).toMatchObject({ state: 'valid' });
  });

  it('Given a credential without iss and no pinned key, when verified, then unknown-issuer-key and nothing after it', async () => {
    const { jwt, disclosures } = await issueCareless(world, { remove: ['iss'] });
    const presentation = await assemble(world, { jwt, disclosures: [disclosures.get('period')!] });
    const result = await verifyPresentation(presentation, options(world));
    expect(result.checks.map((check) => [check.name, check.code])).toEqual([
      ['encoding', 'ok'],
      ['issuer-signature', 'unknown-issuer-key'],
    ]);
  });

  it('Given a disclosable status whose disclosure the holder withheld, when verified, then the verifier cannot tell (only a digest): the wallet refuses such a credential at receipt', async () => {
    const { jwt, disclosures } = await issueCareless(world, {
      remove: ['status'],
      disclosed: { status: { status_list: { idx: world.statusIndex, uri: STATUS_URI } } },
    });
    const presentation = await assemble(world, { jwt, disclosures: [disclosures.get('period')!] });
    const result = await verifyPresentation(presentation, options(world));
    expect(result.status).toEqual({ state: 'none' });
    expect(failing(result)).toEqual([]);
  });
});

describe('verifyPresentation: alg "Ed25519" (RFC 9864) is EdDSA', () => {
  it('Given an issuer JWT and a KB-JWT whose headers say "Ed25519", signed with Ed25519 keys, when verified, then every check passes', async () => {
    const edIssuer = await createIssuerKeyFile(world.crypto, 'EdDSA');
    const edHolder = await world.crypto.generateKeyPair('EdDSA');
    const w: World = { ...world, issuer: edIssuer, holder: { alg: 'EdDSA', ...edHolder } };
    const { jwt, disclosures } = await issueCareless(w, {
      header: { alg: 'Ed25519' },
      remove: ['status'],
    });
    const body = `${jwt}~${disclosures.get('period')}~`;
    const header = encodeBase64Url(utf8ToBytes(JSON.stringify({ typ: 'kb+jwt', alg: 'Ed25519' })));
    const payload = encodeBase64Url(
      utf8ToBytes(
        JSON.stringify({
          iat: nowSeconds - 10,
          aud: AUDIENCE,
          nonce: NONCE,
          sd_hash: computeSdHash(body),
        }),
      ),
    );
    const signature = await w.crypto.sign(
      'EdDSA',
      edHolder.privateJwk,
      utf8ToBytes(`${header}.${payload}`),
    );
    const presentation = `${body}${header}.${payload}.${encodeBase64Url(signature)}`;
    const result = await verifyPresentation(
      presentation,
      options(w, { issuerKey: edIssuer.publicJwk, trustLists: [] }),
    );
    expect(result.checks.map((check) => [check.name, check.code])).toEqual(
      CHECK_NAMES.map((name) => [name, 'ok']),
    );
    expect(result.claims).toEqual({ period: CLAIMS.period });
  });
});
