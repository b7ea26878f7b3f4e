/**
 * `npm run bench:compare` (issue 12 goal 7): Vouch's verification against its peers' libraries,
 * in one Node process, as ratios to the cryptographic floor measured in the same run.
 *
 * Both formats carry the same two signatures: the issuer's (ES256, a did:key on P-256) and the
 * holder's (ES256K, secp256k1):
 *
 * - SD-JWT VC with a key binding JWT (an income statement, 3 of its 8 claims disclosed):
 *   Vouch's `verifyPresentation`, and @sd-jwt/sd-jwt-vc's `SDJwtVcInstance.verify` (key binding
 *   and nonce checked). The peer gets the issuer's key already imported, and its `verifier` and
 *   `kbVerifier` callbacks use the floor's own primitives, so its ratio is the library's own cost.
 * - W3C VP-JWT around a VC-JWT (a diploma): Vouch's `verifyPresentation` (it reads VP-JWTs too),
 *   did-jwt-vc and the Veramo agent of src/agent. Neither peer's `verifyPresentation` checks the
 *   signature of the VC inside (did-jwt-vc checks the VP-JWT only, and Veramo's JWT provider calls
 *   it), so for both the VC is verified too (`verifyCredential`): VP plus VC, like Vouch.
 *
 * The floor is the two bare signature verifications: WebCrypto ES256 (key imported beforehand)
 * and @noble/curves secp256k1 (prehashed), on bytes prepared outside the timing. In each round
 * every contestant runs one batch, in a freshly shuffled order; a round's ratio is the batch's
 * time per verification over the floor's in that round. Printed: the median time, and the median
 * ratio with its quartiles (the spread). Every verdict must be valid, or the run stops.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { verifyCredential, verifyPresentation as didJwtVcVerifyPresentation } from 'did-jwt-vc';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createVouchAgent } from '../src/agent/index.ts';
import type { Did } from '../src/core/brand.ts';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { didKeyFromJwk, resolveDidKey } from '../src/core/did/index.ts';
import { decodeBase64Url, utf8ToBytes } from '../src/core/encoding/index.ts';
import { createIssuerKeyFile, issuerSigner } from '../src/core/jose/index.ts';
import { createPresentation } from '../src/core/presentation/index.ts';
import { issueSdJwtVc } from '../src/core/sd-jwt/index.ts';
import { SAMPLE_INCOME_CLAIMS } from '../src/core/transport/sample-payloads.fake.ts';
import type { TrustList } from '../src/core/trust/index.ts';
import { verifyPresentation } from '../src/core/verification/index.ts';
import { createDidResolver, createVpJwt, issueVcJwt } from '../src/core/w3c/index.ts';
import { webJwsCrypto } from '../src/platform/crypto/jws-crypto.ts';
import { quantile } from './bench/lib/stats.ts';

const ROUNDS = Number(process.env.VOUCH_COMPARE_ROUNDS ?? 41);
const BATCH = Number(process.env.VOUCH_COMPARE_BATCH ?? 6);
const AUDIENCE = 'https://desk.example/verifier';
const NONCE = 'bench-compare-nonce-0S6_WzA2Mj';
const INCOME = 'urn:vouch:income-statement:1';
const DIPLOMA = 'urn:vouch:diploma:1';

const crypto = webJwsCrypto();
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const bytes = (text: string) => {
  const decoded = decodeBase64Url(text);
  if (!decoded.ok) throw new Error('bad base64url');
  return decoded.value;
};

// The parties: an ES256 issuer (did:key), an ES256K holder (did:key), a verifier's trust list.
const issuer = await createIssuerKeyFile(crypto, 'ES256');
const holderKeys = await crypto.generateKeyPair('ES256K');
const holderDid = didKeyFromJwk(holderKeys.publicJwk) as Did;
const holderSign = (data: Uint8Array) => crypto.sign('ES256K', holderKeys.privateJwk, data);
const now = new Date();
const trustLists: TrustList[] = [
  {
    issuer: 'did:key:zDnaeBenchDesk',
    name: 'Bench desk',
    iat: Math.floor(now.getTime() / 1000) - 60,
    entries: [{ did: issuer.did, name: 'Bench issuer', vct: [INCOME, DIPLOMA] }],
  },
];

// The SD-JWT VC presentation.
const credential = await issueSdJwtVc({
  issuer: { did: issuer.did, alg: 'ES256', sign: issuerSigner(crypto, issuer) },
  vct: INCOME,
  claims: SAMPLE_INCOME_CLAIMS,
  holderJwk: holderKeys.publicJwk,
  issuedAt: new Date(now.getTime() - 60_000),
  expiresAt: new Date(now.getTime() + 365 * 86_400_000),
  randomBytes,
});
const made = await createPresentation({
  credential,
  disclose: ['period', 'net_wage_cents', 'employee_name'],
  audience: AUDIENCE,
  nonce: NONCE,
  issuedAt: now,
  holder: { alg: 'ES256K', sign: holderSign },
});
if (!made.ok) throw new Error(made.detail.message);
const sdJwt: string = made.value;

// The W3C VP-JWT around a VC-JWT.
const vcJwt = await issueVcJwt({
  issuer: { did: issuer.did, alg: 'ES256', sign: issuerSigner(crypto, issuer) },
  subject: holderDid,
  typeId: 'diploma',
  claims: exampleClaims('diploma'),
  issuedAt: new Date(now.getTime() - 60_000),
  randomBytes,
});
const vpJwt = await createVpJwt({
  holder: { did: holderDid, alg: 'ES256K', sign: holderSign },
  credential: vcJwt,
  audience: AUDIENCE,
  nonce: NONCE,
  issuedAt: now,
  randomBytes,
});

// The floor's primitives, on bytes prepared here.
const issuerJwk = resolveDidKey(issuer.did);
if (!issuerJwk.ok) throw new Error(issuerJwk.detail.message);
const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
const issuerKey = await globalThis.crypto.subtle.importKey(
  'jwk',
  issuerJwk.value,
  { name: 'ECDSA', namedCurve: 'P-256' },
  false,
  ['verify'],
);
const holderJwk = holderKeys.publicJwk;
if (holderJwk.kty !== 'EC') throw new Error('the holder key is secp256k1');
const holderPoint = Uint8Array.of(4, ...bytes(holderJwk.x), ...bytes(holderJwk.y));
const es256 = (data: Uint8Array, signature: Uint8Array) =>
  globalThis.crypto.subtle.verify(
    ecdsa,
    issuerKey,
    signature as Uint8Array<ArrayBuffer>,
    data as Uint8Array<ArrayBuffer>,
  );
const es256k = (data: Uint8Array, signature: Uint8Array) =>
  secp256k1.verify(signature, data, holderPoint, { prehash: true, lowS: false, format: 'compact' });
const signed = (jws: string) => {
  const [header = '', payload = '', signature = ''] = jws.split('.');
  return { data: utf8ToBytes(`${header}.${payload}`), signature: bytes(signature) };
};
const floorIssuer = signed(sdJwt.split('~')[0] ?? '');
const floorHolder = signed(sdJwt.split('~').at(-1) ?? '');

const sdJwtPeer = new SDJwtVcInstance({
  hasher: digest,
  hashAlg: 'sha-256',
  verifier: (data: string, signature: string) => es256(utf8ToBytes(data), bytes(signature)),
  kbVerifier: async (data: string, signature: string) =>
    es256k(utf8ToBytes(data), bytes(signature)),
});
const resolver = createDidResolver();
const agent = await createVouchAgent({ issuerKeyFile: issuer, crypto });
const vouchOptions = { crypto, now, audience: AUDIENCE, nonce: NONCE, trustLists };

function must(ok: boolean, who: string): void {
  if (!ok) throw new Error(`bench:compare: ${who} did not accept its presentation`);
}

interface Contestant {
  name: string;
  format: string;
  once: () => Promise<void>;
}

const contestants: Contestant[] = [
  {
    name: 'floor: ES256 (WebCrypto) + ES256K (noble)',
    format: 'bare',
    once: async () => {
      const issuerOk = await es256(floorIssuer.data, floorIssuer.signature);
      must(issuerOk && es256k(floorHolder.data, floorHolder.signature), 'the floor');
    },
  },
  {
    name: 'Vouch verifyPresentation',
    format: 'SD-JWT VC + KB-JWT',
    once: async () => must((await verifyPresentation(sdJwt, vouchOptions)).valid, 'Vouch'),
  },
  {
    name: '@sd-jwt/sd-jwt-vc verify',
    format: 'SD-JWT VC + KB-JWT',
    once: async () => {
      const result = await sdJwtPeer.verify(sdJwt, { keyBindingNonce: NONCE });
      must(result.kb !== undefined, '@sd-jwt/sd-jwt-vc');
    },
  },
  {
    name: 'Vouch verifyPresentation',
    format: 'VP-JWT + VC-JWT',
    once: async () => must((await verifyPresentation(vpJwt, vouchOptions)).valid, 'Vouch (W3C)'),
  },
  {
    name: 'did-jwt-vc verifyPresentation + verifyCredential',
    format: 'VP-JWT + VC-JWT',
    once: async () => {
      const vp = await didJwtVcVerifyPresentation(vpJwt, resolver, {
        audience: AUDIENCE,
        challenge: NONCE,
      });
      const vc = await verifyCredential(vcJwt, resolver);
      must(vp.verified && vc.verified, 'did-jwt-vc');
    },
  },
  {
    name: 'Veramo agent.verifyPresentation + verifyCredential',
    format: 'VP-JWT + VC-JWT',
    once: async () => {
      const vp = await agent.verifyPresentation({
        presentation: vpJwt,
        domain: AUDIENCE,
        challenge: NONCE,
      });
      const vc = await agent.verifyCredential({ credential: vcJwt });
      must(vp.verified && vc.verified, 'Veramo');
    },
  },
];

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// Warm-up (JIT, key caches, noble's tables), and the check that every verdict is valid.
for (let i = 0; i < 20; i += 1) for (const contestant of contestants) await contestant.once();

const times = new Map<Contestant, number[]>(contestants.map((c) => [c, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const contestant of shuffled(contestants)) {
    const start = performance.now();
    for (let i = 0; i < BATCH; i += 1) await contestant.once();
    times.get(contestant)?.push((performance.now() - start) / BATCH);
  }
}

const floor = times.get(contestants[0] as Contestant) as number[];
const rows = contestants.map((contestant) => {
  const own = times.get(contestant) as number[];
  const ratios = own.map((ms, i) => ms / (floor[i] as number));
  return {
    name: contestant.name,
    format: contestant.format,
    ms: quantile(own, 0.5),
    ratio: quantile(ratios, 0.5),
    spread: `${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}`,
  };
});
const widths = [
  Math.max(...rows.map((r) => r.name.length)),
  Math.max(...rows.map((r) => r.format.length)),
];
console.log(
  `bench:compare, ${new Date().toISOString()}: ${cpus().length} cores, Node ${process.version}; ` +
    `${ROUNDS} rounds of ${BATCH} verifications each, shuffled and interleaved`,
);
console.log('');
console.log(
  `${'verifier'.padEnd(widths[0] as number)}  ${'format'.padEnd(widths[1] as number)}  median ms  × floor  quartiles`,
);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(widths[0] as number)}  ${row.format.padEnd(widths[1] as number)}  ${row.ms.toFixed(3).padStart(9)}  ${`${row.ratio.toFixed(2)}×`.padStart(7)}  ${row.spread}`,
  );
}
process.exit(0);
