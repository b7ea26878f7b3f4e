/**
 * The tamper corpus (issue 8 item 8; docs/verification.md §Tamper corpus): named presentations,
 * each made from a valid one by one deliberate change, and each expected to be refused with one
 * code of the pipeline (tamper-corpus.cases.json). The same cases run through the core pipeline
 * (tamper-corpus.test.ts), `vouch verify` (src/cli/tamper-corpus-cli.test.ts) and the verifier
 * desk in Chromium (e2e/tamper-corpus.spec.ts).
 *
 * Test support, never production: seeded keys. Every time is relative to the `now` given, so the
 * browser (real clock) and the unit tests (fixed clock) get the same cases.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { Did } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import { createIssuerKeyFile, issuerSigner } from '../jose/issuer-key-file.ts';
import type { IssuerKeyFile } from '../jose/issuer-key-file.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import type { PrivateJwk, PublicJwk } from '../jose/jwk.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { computeSdHash } from '../presentation/sd-hash.ts';
import { createDisclosure } from '../sd-jwt/disclosure.ts';
import { issuerKid } from '../sd-jwt/issue-sd-jwt-vc.ts';
import {
  allocateStatusIndex,
  createStatusList,
  revokeStatusIndex,
} from '../status-list/status-list-file.ts';
import { publishStatusListJwt } from '../status-list/status-list-jwt.ts';
import { signTrustList } from '../trust/sign-trust-list.ts';
import { holderFromSeed } from './presentation-world.fake.ts';
import type { Holder } from './presentation-world.fake.ts';

export const CORPUS_VCT = 'urn:vouch:income-statement:1';
export const CORPUS_STATUS_URI = 'https://bakkerij.example/status/corpus';
export const CORPUS_CLAIMS: Readonly<Record<string, unknown>> = {
  period: '2026-01',
  gross_wage_cents: 312550,
  net_wage_cents: 241210,
  employee_name: 'Jan Jansen',
  birth_date: '1985-04-12',
};
/** What every corpus verification requires (the desk's income template asks for these). */
export const CORPUS_REQUIRED_CLAIMS: readonly string[] = ['period', 'net_wage_cents'];

export interface CorpusWorld {
  crypto: JwsCrypto;
  issuer: IssuerKeyFile;
  /** A genuine issuer that is on no trust list. */
  stranger: IssuerKeyFile;
  holder: Holder;
  /** An attacker's holder key. */
  thief: Holder;
  /** Signs the trust list (the desk in the CLI test). */
  desk: IssuerKeyFile;
  validIndex: number;
  revokedIndex: number;
  /** vouch-trust-list+jwt trusting `issuer` for CORPUS_VCT. */
  trustListJwt: string;
  /** statuslist+jwt for CORPUS_STATUS_URI: validIndex 0, revokedIndex 1. */
  statusListJwt: string;
}

export interface CorpusContext {
  now: Date;
  /** The verifier's client_id (the KB-JWT's aud). */
  audience: string;
  /** The request's nonce. */
  nonce: string;
}

export interface TamperCase {
  name: string;
  /** The presentation text (what a wallet would send). */
  presentation: string;
  /** The bytes of the answer file when they are not the UTF-8 of `presentation` (non-UTF-8). */
  fileBytes?: Uint8Array;
  /** The answer is sent twice; the second verdict is the one that counts. */
  replay?: boolean;
}

export async function makeCorpusWorld(now: Date, seed = 'tamper corpus'): Promise<CorpusWorld> {
  const randomBytes = seededRandomBytes(seed);
  const crypto = nobleJwsCrypto({ randomBytes });
  const issuer = await createIssuerKeyFile(crypto, 'ES256');
  const stranger = await createIssuerKeyFile(crypto, 'ES256');
  const desk = await createIssuerKeyFile(crypto, 'ES256');
  const first = allocateStatusIndex(createStatusList({ uri: CORPUS_STATUS_URI }), randomBytes);
  if (!first.ok) throw new Error('status list full');
  const second = allocateStatusIndex(first.value.list, randomBytes);
  if (!second.ok) throw new Error('status list full');
  const revoked = revokeStatusIndex(second.value.list, second.value.index);
  if (!revoked.ok) throw new Error(revoked.reason);
  const statusListJwt = await publishStatusListJwt({
    list: revoked.value,
    issuer: { did: issuer.did as Did, alg: issuer.alg, sign: issuerSigner(crypto, issuer) },
    issuedAt: new Date(now.getTime() - 60_000),
  });
  const trustListJwt = await signTrustList({
    issuer: { did: desk.did, alg: desk.alg, sign: issuerSigner(crypto, desk) },
    name: 'Corpus desk',
    entries: [{ did: issuer.did, name: 'Bakkerij de Vries B.V.', vct: [CORPUS_VCT] }],
    issuedAt: new Date(now.getTime() - 86_400_000),
  });
  return {
    crypto,
    issuer,
    stranger,
    holder: holderFromSeed(`${seed}/holder`),
    thief: holderFromSeed(`${seed}/thief`),
    desk,
    validIndex: first.value.index,
    revokedIndex: second.value.index,
    trustListJwt,
    statusListJwt,
  };
}

const b64json = (value: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));

function jsonOf(part: string): Record<string, unknown> {
  const bytes = decodeBase64Url(part);
  const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
  return JSON.parse(text?.ok ? text.value : '{}') as Record<string, unknown>;
}

type Signer = { alg: JwsAlgorithm; privateJwk: PrivateJwk };

interface Credential {
  jwt: string;
  /** Disclosures by claim name (encoded). */
  disclosures: Map<string, string>;
}

interface IssueOptions {
  by?: IssuerKeyFile;
  header?: Record<string, unknown>;
  /** Claims in the signed payload, in the clear (override or add; undefined removes). */
  payload?: Record<string, unknown>;
  /** Personal claims, each made selectively disclosable. */
  claims?: Record<string, unknown>;
  /** Extra disclosures whose digests go into `_sd` (name → value), e.g. a disclosable `exp`. */
  alsoDisclosable?: Record<string, unknown>;
  holderJwk?: PublicJwk;
}

/** Issues an SD-JWT VC by hand, so that any part can be made wrong on purpose. */
async function issueBy(world: CorpusWorld, ctx: CorpusContext, opts: IssueOptions = {}) {
  const by = opts.by ?? world.issuer;
  const seconds = Math.floor(ctx.now.getTime() / 1000);
  const disclosures = new Map<string, string>();
  const digests: string[] = [];
  let salt = 0;
  const all = { ...(opts.claims ?? CORPUS_CLAIMS), ...(opts.alsoDisclosable ?? {}) };
  for (const [name, value] of Object.entries(all)) {
    const disclosure = createDisclosure({ salt: `salt-${name}-${salt++}`, name, value });
    disclosures.set(name, disclosure.encoded);
    digests.push(disclosure.digest);
  }
  const payload: Record<string, unknown> = {
    iss: by.did,
    iat: seconds - 30 * 86_400,
    exp: seconds + 365 * 86_400,
    vct: CORPUS_VCT,
    cnf: { jwk: opts.holderJwk ?? world.holder.publicJwk },
    status: { status_list: { idx: world.validIndex, uri: CORPUS_STATUS_URI } },
    _sd: digests.sort(),
    _sd_alg: 'sha-256',
  };
  for (const [name, value] of Object.entries(opts.payload ?? {})) {
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  }
  const jwt = await signCompactJws({
    header: { alg: by.alg, typ: 'dc+sd-jwt', kid: issuerKid(by.did as Did), ...opts.header },
    payload,
    sign: issuerSigner(world.crypto, by),
  });
  return { jwt, disclosures } satisfies Credential;
}

interface PresentOptions {
  /** Claims to disclose, by name (default period and net_wage_cents). */
  disclose?: readonly string[];
  /** Disclosures as given (overrides `disclose`). */
  raw?: readonly string[];
  kb?: false;
  aud?: unknown;
  nonce?: unknown;
  iat?: unknown;
  /** sd_hash over other disclosures than the ones shown. */
  sdHashOver?: readonly string[];
  signer?: Signer;
  header?: Record<string, unknown>;
}

async function present(
  world: CorpusWorld,
  ctx: CorpusContext,
  credential: Credential,
  opts: PresentOptions = {},
): Promise<string> {
  const shown =
    opts.raw ??
    (opts.disclose ?? CORPUS_REQUIRED_CLAIMS).map((name) => {
      const encoded = credential.disclosures.get(name);
      if (encoded === undefined) throw new Error(`no disclosure for ${name}`);
      return encoded;
    });
  const body = `${credential.jwt}~${shown.map((d) => `${d}~`).join('')}`;
  if (opts.kb === false) return body;
  const hashed =
    opts.sdHashOver === undefined
      ? body
      : `${credential.jwt}~${opts.sdHashOver.map((d) => `${d}~`).join('')}`;
  const claims = {
    iat: 'iat' in opts ? opts.iat : Math.floor(ctx.now.getTime() / 1000) - 10,
    aud: 'aud' in opts ? opts.aud : ctx.audience,
    nonce: 'nonce' in opts ? opts.nonce : ctx.nonce,
    sd_hash: computeSdHash(hashed),
  };
  const signer = opts.signer ?? world.holder;
  const header = { typ: 'kb+jwt', alg: signer.alg, ...opts.header };
  const signingInput = `${b64json(header)}.${b64json(claims)}`;
  const signature = await world.crypto.sign(
    signer.alg,
    signer.privateJwk,
    utf8ToBytes(signingInput),
  );
  return `${body}${signingInput}.${encodeBase64Url(signature)}`;
}

/** Flips one bit in the middle of a base64url part (keeps it valid base64url). */
function flipCharAt(part: string, index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const i = Math.min(Math.max(0, index), part.length - 2);
  const next = alphabet[(alphabet.indexOf(part[i] as string) + 1) % 64] as string;
  return `${part.slice(0, i)}${next}${part.slice(i + 1)}`;
}

function withParts(jwt: string, change: (parts: [string, string, string]) => void): string {
  const parts = jwt.split('.') as [string, string, string];
  change(parts);
  return parts.join('.');
}

/** A JWS with any header and payload, signed (or not) by anyone. */
function unsignedJws(header: Record<string, unknown>, payload: unknown, signature = ''): string {
  return `${b64json(header)}.${b64json(payload)}.${signature}`;
}

/**
 * Builds every case of the corpus for one verifier context. Names are those of
 * tamper-corpus.cases.json; the order is the table's.
 */
export async function buildTamperCorpus(
  world: CorpusWorld,
  ctx: CorpusContext,
): Promise<TamperCase[]> {
  const nowS = Math.floor(ctx.now.getTime() / 1000);
  const good = await issueBy(world, ctx);
  const valid = await present(world, ctx, good);
  const [goodHeader, goodPayload] = good.jwt.split('.') as [string, string, string];
  const payload = jsonOf(goodPayload);
  const cases: TamperCase[] = [];
  const add = (name: string, presentation: string, more: Partial<TamperCase> = {}) =>
    cases.push({ name, presentation, ...more });

  // --- Encoding -------------------------------------------------------------------------------
  add('empty', '');
  add('plain-text', 'hello, I am a driving licence');
  add('json-instead-of-jwt', JSON.stringify({ vp_token: valid, iss: world.issuer.did }));
  add('issuer-jwt-only', good.jwt);
  add('truncated-half', valid.slice(0, Math.floor(good.jwt.length / 2)));
  add('oversized-2mb', `${valid}${'A'.repeat(2 * 1024 * 1024)}`);
  add('non-utf8', `${good.jwt.slice(0, 40)}\ud800${good.jwt.slice(40)}~`, {
    fileBytes: Uint8Array.from([
      ...utf8ToBytes(good.jwt.slice(0, 40)),
      0xff,
      0xfe,
      0xc3,
      0x28,
      0x7e,
    ]),
  });
  add(
    'plain-jwt-typ',
    `${await signCompactJws({
      header: { alg: 'ES256', typ: 'JWT', kid: issuerKid(world.issuer.did as Did) },
      payload,
      sign: issuerSigner(world.crypto, world.issuer),
    })}~`,
  );
  add('disclosure-not-base64url', `${good.jwt}~%%%~`);
  add('disclosure-claim-named-_sd', `${good.jwt}~${b64json(['salt', '_sd', ['x']])}~`);
  add(
    'missing-vct',
    await present(world, ctx, await issueBy(world, ctx, { payload: { vct: undefined } })),
  );
  add('payload-not-json', `${goodHeader}.${encodeBase64Url(utf8ToBytes('{"iss":'))}.c2ln~`);
  add(
    'deeply-nested-payload',
    `${goodHeader}.${encodeBase64Url(utf8ToBytes(`${'['.repeat(20_000)}${']'.repeat(20_000)}`))}.c2ln~`,
  );

  // --- Algorithm --------------------------------------------------------------------------------
  add('issuer-alg-none', `${unsignedJws({ alg: 'none', typ: 'dc+sd-jwt' }, payload)}~`);
  const secret = utf8ToBytes(JSON.stringify(world.issuer.publicJwk));
  const hsInput = `${b64json({ alg: 'HS256', typ: 'dc+sd-jwt' })}.${goodPayload}`;
  add(
    'issuer-alg-hs256-public-key-as-secret',
    `${hsInput}.${encodeBase64Url(hmac(sha256, secret, utf8ToBytes(hsInput)))}~${good.disclosures.get('period')}~`,
  );
  add('issuer-alg-rs256', `${unsignedJws({ alg: 'RS256', typ: 'dc+sd-jwt' }, payload, 'c2ln')}~`);
  const body = valid.slice(0, valid.lastIndexOf('~') + 1);
  const kbPayload = jsonOf(valid.slice(body.length).split('.')[1] ?? '');
  add('kb-alg-none', `${body}${unsignedJws({ typ: 'kb+jwt', alg: 'none' }, kbPayload)}`);
  add('kb-alg-hs256', `${body}${unsignedJws({ typ: 'kb+jwt', alg: 'HS256' }, kbPayload, 'c2ln')}`);

  // --- Issuer signature and key -----------------------------------------------------------------
  const [, , goodSig] = good.jwt.split('.') as [string, string, string];
  const flippedJwt = withParts(good.jwt, (p) => (p[2] = flipCharAt(goodSig, 20)));
  add('flipped-issuer-signature-byte', valid.replace(good.jwt, flippedJwt));
  add(
    'truncated-issuer-signature',
    valid.replace(
      good.jwt,
      withParts(good.jwt, (p) => (p[2] = goodSig.slice(0, 40))),
    ),
  );
  const longer = { ...payload, exp: (payload.exp as number) + 10 * 365 * 86_400 };
  add(
    'payload-changed-after-signing',
    await present(world, ctx, { ...good, jwt: `${goodHeader}.${b64json(longer)}.${goodSig}` }),
  );
  const other = await issueBy(world, ctx, { claims: { ...CORPUS_CLAIMS, net_wage_cents: 99 } });
  add(
    'payload-swapped-from-another-credential',
    await present(world, ctx, {
      jwt: `${goodHeader}.${other.jwt.split('.')[1] as string}.${goodSig}`,
      disclosures: other.disclosures,
    }),
  );
  add(
    'cnf-swapped-to-thief-key',
    await present(
      world,
      ctx,
      {
        ...good,
        jwt: `${goodHeader}.${b64json({ ...payload, cnf: { jwk: world.thief.publicJwk } })}.${goodSig}`,
      },
      { signer: world.thief },
    ),
  );
  add(
    'kid-of-another-did',
    await present(
      world,
      ctx,
      await issueBy(world, ctx, { header: { kid: issuerKid(world.stranger.did as Did) } }),
    ),
  );
  add(
    'iss-did-web-without-pinned-key',
    await present(
      world,
      ctx,
      await issueBy(world, ctx, {
        payload: { iss: 'did:web:bakkerij.example' },
        header: { kid: 'did:web:bakkerij.example#key-1' },
      }),
    ),
  );
  add(
    'iss-names-trusted-issuer-signed-by-stranger',
    await present(
      world,
      ctx,
      await issueBy(world, ctx, {
        by: world.stranger,
        payload: { iss: world.issuer.did },
        header: { kid: issuerKid(world.issuer.did as Did) },
      }),
    ),
  );

  // --- Trust ------------------------------------------------------------------------------------
  add(
    'issuer-not-on-trust-list',
    await present(world, ctx, await issueBy(world, ctx, { by: world.stranger })),
  );
  add(
    'issuer-trusted-for-another-vct',
    await present(
      world,
      ctx,
      await issueBy(world, ctx, { payload: { vct: 'urn:vouch:diploma:1' } }),
    ),
  );

  // --- Disclosures ------------------------------------------------------------------------------
  const period = good.disclosures.get('period') as string;
  const net = good.disclosures.get('net_wage_cents') as string;
  const forged = createDisclosure({
    salt: 'salt-net_wage_cents-2',
    name: 'net_wage_cents',
    value: 100,
  });
  add(
    'disclosure-value-altered',
    await present(world, ctx, good, { raw: [period, forged.encoded] }),
  );
  const madeUp = createDisclosure({ salt: 'abc', name: 'disability', value: 'none' });
  add(
    'disclosure-not-in-_sd',
    await present(world, ctx, good, { raw: [period, net, madeUp.encoded] }),
  );
  add(
    'disclosure-from-another-credential',
    await present(world, ctx, good, {
      raw: [period, other.disclosures.get('net_wage_cents') as string],
    }),
  );
  add('duplicated-disclosure', await present(world, ctx, good, { raw: [period, net, net] }));
  {
    const digest = createDisclosure({
      salt: 'salt-period-0',
      name: 'period',
      value: '2026-01',
    }).digest;
    const twice = await issueBy(world, ctx, {
      payload: { _sd: [...(payload._sd as string[]), digest] },
    });
    add('digest-twice-in-_sd', await present(world, ctx, twice));
  }
  {
    // An array-element disclosure ([salt, value]) shown as if it were a claim in `_sd`.
    const element = createDisclosure({ salt: 'el', value: 'admin' });
    const cred = await issueBy(world, ctx, {
      payload: { _sd: [...(payload._sd as string[]), element.digest] },
    });
    add(
      'array-element-disclosure-in-_sd',
      await present(world, ctx, cred, { raw: [period, net, element.encoded] }),
    );
  }
  {
    // A claim disclosure whose digest sits in an array as {"...": digest}.
    const named = createDisclosure({ salt: 'nm', name: 'role', value: 'admin' });
    const cred = await issueBy(world, ctx, { payload: { roles: [{ '...': named.digest }] } });
    add(
      'claim-disclosure-in-array-element',
      await present(world, ctx, cred, { raw: [period, net, named.encoded] }),
    );
  }
  {
    // A nested disclosure shown without the one that holds its digest.
    const inner = createDisclosure({ salt: 'in', name: 'street', value: 'Damstraat 1' });
    const outer = createDisclosure({
      salt: 'out',
      name: 'address',
      value: { _sd: [inner.digest] },
    });
    const cred = await issueBy(world, ctx, {
      payload: { _sd: [...(payload._sd as string[]), outer.digest] },
    });
    add(
      'nested-disclosure-without-parent',
      await present(world, ctx, cred, { raw: [period, net, inner.encoded] }),
    );
  }
  {
    // A disclosure that would overwrite a claim the issuer signed in the clear (vct).
    const clash = createDisclosure({ salt: 'cl', name: 'vct', value: 'urn:vouch:diploma:1' });
    const cred = await issueBy(world, ctx, {
      payload: { _sd: [...(payload._sd as string[]), clash.digest] },
    });
    add(
      'disclosure-overrides-signed-claim',
      await present(world, ctx, cred, { raw: [period, net, clash.encoded] }),
    );
  }
  add(
    'sd-alg-unsupported',
    await present(world, ctx, await issueBy(world, ctx, { payload: { _sd_alg: 'md5' } })),
  );
  // A verifier cannot see what a withheld digest hides, so these show the disclosure.
  {
    const cred = await issueBy(world, ctx, {
      payload: { exp: undefined },
      alsoDisclosable: { exp: nowS - 86_400 },
    });
    add(
      'disclosable-exp',
      await present(world, ctx, cred, { disclose: ['period', 'net_wage_cents', 'exp'] }),
    );
  }
  {
    const cred = await issueBy(world, ctx, {
      payload: { status: undefined },
      alsoDisclosable: {
        status: { status_list: { idx: world.revokedIndex, uri: CORPUS_STATUS_URI } },
      },
    });
    add(
      'disclosable-status',
      await present(world, ctx, cred, { disclose: ['period', 'net_wage_cents', 'status'] }),
    );
  }

  // --- Key binding ------------------------------------------------------------------------------
  add('kb-missing', await present(world, ctx, good, { kb: false }));
  add('kb-signed-by-another-key', await present(world, ctx, good, { signer: world.thief }));
  add('kb-typ-jwt', await present(world, ctx, good, { header: { typ: 'JWT' } }));
  {
    const [h, p, sig] = valid.slice(body.length).split('.') as [string, string, string];
    add('kb-flipped-signature-byte', `${body}${h}.${p}.${flipCharAt(sig, 10)}`);
  }
  add('kb-over-another-sd-hash', await present(world, ctx, good, { sdHashOver: [period] }));
  add(
    'disclosure-added-after-kb',
    valid.replace(`~${net}~`, `~${net}~${good.disclosures.get('employee_name') as string}~`),
  );
  add('disclosure-removed-after-kb', valid.replace(`~${net}~`, '~'));
  add(
    'wrong-aud',
    await present(world, ctx, good, { aud: 'decentralized_identifier:did:key:zDnaeSomeoneElse' }),
  );
  add('wrong-nonce', await present(world, ctx, good, { nonce: 'an-older-request-nonce-0123' }));
  add('replay', valid, { replay: true });
  add('stale-kb-iat', await present(world, ctx, good, { iat: nowS - 3600 }));
  add('future-kb-iat', await present(world, ctx, good, { iat: nowS + 600 }));

  // --- Validity and status ----------------------------------------------------------------------
  add(
    'expired',
    await present(world, ctx, await issueBy(world, ctx, { payload: { exp: nowS - 86_400 } })),
  );
  add(
    'nbf-in-future',
    await present(world, ctx, await issueBy(world, ctx, { payload: { nbf: nowS + 86_400 } })),
  );
  add(
    'credential-iat-in-future',
    await present(world, ctx, await issueBy(world, ctx, { payload: { iat: nowS + 86_400 } })),
  );
  add(
    'revoked',
    await present(
      world,
      ctx,
      await issueBy(world, ctx, {
        payload: { status: { status_list: { idx: world.revokedIndex, uri: CORPUS_STATUS_URI } } },
      }),
    ),
  );
  add(
    'status-list-unknown',
    await present(
      world,
      ctx,
      await issueBy(world, ctx, {
        payload: { status: { status_list: { idx: 3, uri: 'https://elsewhere.example/status/9' } } },
      }),
    ),
  );

  // --- Requested claims -------------------------------------------------------------------------
  add('required-claim-withheld', await present(world, ctx, good, { disclose: ['period'] }));
  return cases;
}

/** The valid presentation the corpus starts from (the control: it must verify). */
export async function validCorpusPresentation(
  world: CorpusWorld,
  ctx: CorpusContext,
): Promise<string> {
  return present(world, ctx, await issueBy(world, ctx));
}
