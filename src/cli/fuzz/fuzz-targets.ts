/**
 * The decoders the fuzzer feeds (issue 8 item 8), each with seeds made by the project's own
 * issuing and presenting code, a mutator that knows the input's layers, and a run that calls the
 * decoder the way the app and the CLI do. A decoder must answer every input with a Result or a
 * verdict: a throw that escapes is a bug. `run` returns a problem text when the answer shows a
 * bug another way (the verifier's last-resort catch fired, a Result without a reason).
 */
import { checkHeader, readPayrollRow } from '../batch/payroll-row.ts';
import { parseCsv } from '../batch/csv.ts';
import { payrollCsv, relationshipXpubs } from '../batch/payroll-fixture.ts';
import { didKeyFromJwk } from '../../core/did/did-key.ts';
import { decodeBase64Url, encodeBase64Url } from '../../core/encoding/base64url.ts';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import type { JwsCrypto } from '../../core/jose/jws-crypto.ts';
import { checkDeclaredFacts } from '../../core/holder/declared-facts.ts';
import { createPresentation } from '../../core/presentation/create-presentation.ts';
import { dcqlForClaims } from '../../core/protocol/dcql.ts';
import {
  createPresentationRequest,
  verifyPresentationRequest,
} from '../../core/protocol/request.ts';
import {
  parseAuthorizationRequestUri,
  resolvePresentationRequest,
} from '../../core/protocol/openid4vp/authorization-request.ts';
import {
  decryptPresentationResponse,
  encodeDirectPostBody,
  encryptPresentationResponse,
  readDirectPostBody,
} from '../../core/protocol/openid4vp/direct-post.ts';
import type { FetchLike } from '../../core/protocol/openid4vp/http.ts';
import { evaluateRule, RULE_IDS } from '../../core/rules/index.ts';
import { parseSdJwt } from '../../core/sd-jwt/parse-sd-jwt.ts';
import { verifyStatusListJwt } from '../../core/status-list/status-list-jwt.ts';
import { crc32, writeUint32BE } from '../../core/transport/crc32.ts';
import {
  encodePartFrame,
  encodeSingleFrame,
  FORMAT_VERSION,
  FRAME_SINGLE,
  MAGIC,
  parseFrame,
} from '../../core/transport/frame.ts';
import { DICTIONARY_V1 } from '../../core/transport/dictionary-v1.ts';
import { PAYLOAD_KINDS, payloadKindCode } from '../../core/transport/payload-kind.ts';
import { deflateSync } from 'fflate';
import { createQrAssembler } from '../../core/transport/qr-assembler.ts';
import { createFountainEncoder } from '../../core/transport/fountain-encoder.ts';
import { encodeForQr } from '../../core/transport/qr-frames.ts';
import { decodeFromText, encodeForText } from '../../core/transport/text.ts';
import type { PayloadKind } from '../../core/transport/payload-kind.ts';
import {
  sampleDiplomaResponse,
  sampleOffer,
  samplePresentation,
  sampleResponse,
} from '../../core/transport/sample-payloads.fake.ts';
import { signTrustList } from '../../core/trust/sign-trust-list.ts';
import { trustedIssuer } from '../../core/trust/trusted-issuer.ts';
import { verifyTrustList } from '../../core/trust/verify-trust-list.ts';
import { verifyPresentation } from '../../core/verification/verify-presentation.ts';
import {
  AUDIENCE,
  assemble,
  makeWorld,
  NONCE,
  NOW,
  partsOf,
  publishList,
  signerFor,
  STATUS_URI,
} from '../../core/verification/presentation-world.fake.ts';
import { issuerSigner } from '../../core/jose/issuer-key-file.ts';
import { createIssuerKeyFile } from '../../core/jose/issuer-key-file.ts';
import aanvulling from '../../core/rules/participatiewet-aanvulling.cases.json' with { type: 'json' };
import asbestos from '../../core/rules/asbest-tas-tns.cases.json' with { type: 'json' };
import afa from '../../core/rules/be-afa.cases.json' with { type: 'json' };
import { OID4VCI_BUILDERS } from './fuzz-oid4vci.ts';
import { describeBytes, resultProblem, sharedCrypto, textTarget } from './fuzz-kit.ts';
import type { FuzzTarget } from './fuzz-kit.ts';
import { mutateBytes, mutateJsonText, mutateText } from './fuzz-mutate.ts';
import type { FuzzRng } from './fuzz-rng.ts';

export type { FuzzTarget } from './fuzz-kit.ts';

export const DECODER_NAMES = [
  'sd-jwt-parse',
  'verify-presentation',
  'transport-text',
  'transport-frame',
  'fountain-assembler',
  'request-object',
  'authorization-request-uri',
  'direct-post-body',
  'status-list',
  'trust-list',
  'payroll-csv',
  'eligibility-input',
  'oid4vci-offer-link',
  'oid4vci-issuer-metadata',
  'oid4vci-as-metadata',
  'oid4vci-token-request',
  'oid4vci-token-response',
  'oid4vci-credential-request',
  'oid4vci-credential-response',
  'oid4vci-key-proof',
] as const;
export type DecoderName = (typeof DECODER_NAMES)[number];

async function presentationSeeds() {
  const world = await makeWorld('ES256', 'fuzz');
  const signer = signerFor(world.crypto, world.holder);
  const present = async (disclose: string[], credential = world.credential) => {
    const made = await createPresentation({
      credential,
      disclose,
      audience: AUDIENCE,
      nonce: NONCE,
      issuedAt: new Date(NOW.getTime() - 5000),
      holder: signer,
    });
    if (!made.ok) throw new Error(made.detail.message);
    return made.value as string;
  };
  const { jwt, disclosures } = partsOf(world.credential);
  const seeds = [
    await present(['period', 'net_wage_cents']),
    await present(['period', 'net_wage_cents', 'employee_name', 'birth_date', 'gross_wage_cents']),
    await present([]),
    world.credential,
    await assemble(world, { jwt, disclosures: [...disclosures.values()], kb: false }),
    await samplePresentation({ issuerAlg: 'EdDSA', seed: 'fuzz eddsa' }),
    await samplePresentation({ issuerAlg: 'ES256K', seed: 'fuzz es256k' }),
  ];
  return { world, seeds, listJwt: await publishList(world) };
}

async function sdJwtParse(): Promise<FuzzTarget> {
  const { seeds } = await presentationSeeds();
  return textTarget('sd-jwt-parse', seeds, (input) =>
    resultProblem(parseSdJwt(input)),
  ) as FuzzTarget;
}

const LAST_RESORT = 'it made the verifier fail';

async function verifyPresentationTarget(): Promise<FuzzTarget> {
  const { world, seeds, listJwt } = await presentationSeeds();
  const shared = sharedCrypto();
  const run = async (input: string, rng: FuzzRng) => {
    const crypto = shared.crypto(rng);
    const verdict = await verifyPresentation(input, {
      crypto,
      now: NOW,
      audience: AUDIENCE,
      nonce: NONCE,
      trustLists: [world.trustList],
      statusList: (uri) => (uri === STATUS_URI ? { jwt: listJwt, fetchedAt: NOW } : undefined),
      statusPolicy: { whenUnavailable: rng.chance(0.5) ? 'reject' : 'warn' },
      requiredClaims: ['period', 'net_wage_cents'],
      ...(rng.chance(0.1) ? { requiredValues: { period: ['2026-01'] } } : {}),
    });
    if (!Array.isArray(verdict.checks) || verdict.checks.length === 0)
      return 'a verdict with no checks';
    const escaped = verdict.checks.find((check) => check.message.includes(LAST_RESORT));
    if (escaped) return 'a throw inside the pipeline (caught only by its last-resort catch)';
    // With real signature checks, a mutant that is still valid must be a seed (up to whitespace).
    if (verdict.valid && crypto === shared.fast && !seeds.some((s) => s.trim() === input.trim())) {
      return `a mutated presentation was valid (claims ${JSON.stringify(verdict.claims).slice(0, 100)})`;
    }
    return undefined;
  };
  return textTarget('verify-presentation', seeds, run) as FuzzTarget;
}

async function transportPayloads(): Promise<{ kind: PayloadKind; payload: Uint8Array }[]> {
  const { listJwt, world } = await presentationSeeds();
  const request = await requestSeeds(world.crypto);
  return [
    { kind: 'response', payload: await sampleResponse() },
    { kind: 'response', payload: await sampleDiplomaResponse() },
    { kind: 'offer', payload: await sampleOffer() },
    { kind: 'request', payload: utf8ToBytes(request[0] as string) },
    { kind: 'status-list', payload: utf8ToBytes(listJwt) },
    { kind: 'connect', payload: utf8ToBytes('{"xpub":"xpub6C","sig":"abc"}') },
  ];
}

/** A frame with its checksum made right again, so a mutation reaches past the CRC. */
function fixChecksum(frame: Uint8Array): Uint8Array {
  if (frame.length < 7) return frame;
  const end = frame.length - 4;
  const fixed = Uint8Array.from(frame);
  writeUint32BE(fixed, end, crc32(fixed.subarray(0, end)));
  return fixed;
}

/** Mutates a frame at one of its layers: raw bytes, content (CRC fixed), or payload (re-encoded). */
function mutateFrame(rng: FuzzRng, frame: Uint8Array, frames: readonly Uint8Array[]): Uint8Array {
  const layer = rng.below(10);
  if (layer < 3) return mutateBytes(rng, frame, frames);
  if (layer < 7) return fixChecksum(mutateBytes(rng, frame, frames));
  const parsed = parseFrame(frame);
  if (!parsed.ok) return fixChecksum(mutateBytes(rng, frame, frames));
  if (parsed.value.type === 'single') {
    const { kind, payload } = parsed.value;
    const text = new TextDecoder().decode(payload);
    const changed = rng.chance(0.5)
      ? utf8ToBytes(rng.chance(0.5) ? mutateJsonText(rng, text, []) : mutateText(rng, text, []))
      : mutateBytes(rng, payload, []);
    const as = rng.chance(0.9) ? kind : rng.pick(PAYLOAD_KINDS);
    // The encoder's own packing is thorough and slow; most mutants use a quick stored or deflated
    // body (any codec's body reaches the same payload checks).
    if (rng.chance(0.1)) return encodeSingleFrame(as, changed);
    const codec = rng.below(2);
    const body =
      codec === 0 ? changed : deflateSync(changed, { level: 1, dictionary: DICTIONARY_V1 });
    const content = new Uint8Array(2 + body.length);
    content[0] = payloadKindCode(as);
    content[1] = codec;
    content.set(body, 2);
    const frame = new Uint8Array(3 + content.length + 4);
    frame.set([MAGIC, FORMAT_VERSION, FRAME_SINGLE]);
    frame.set(content, 3);
    return fixChecksum(frame);
  }
  const part = parsed.value.part;
  const field = rng.below(5);
  const odd = rng.pick([
    0,
    1,
    2,
    0xffff,
    0xffffffff,
    2 ** 31,
    part.seqLen + 1,
    part.messageLen * 2,
  ]);
  const mutated = {
    seqNum: field === 0 ? odd : part.seqNum,
    seqLen: field === 1 ? odd : part.seqLen,
    messageLen: field === 2 ? odd : part.messageLen,
    checksum: field === 3 ? odd : part.checksum,
    data: field === 4 ? mutateBytes(rng, part.data, []) : part.data,
  };
  try {
    return encodePartFrame(mutated);
  } catch {
    // The encoder refuses some values (its own input check); fall back to raw content.
    return fixChecksum(mutateBytes(rng, frame, frames));
  }
}

async function transportText(): Promise<FuzzTarget> {
  const payloads = await transportPayloads();
  const seeds = payloads.map(({ kind, payload }) => encodeForText(kind, payload));
  seeds.push(`https://verifier.example/#vouch=${seeds[0] as string}`);
  const frames = payloads.map(({ kind, payload }) => encodeSingleFrame(kind, payload));
  const mutate = (rng: FuzzRng, seed: string) => {
    if (rng.chance(0.4)) return mutateText(rng, seed, seeds);
    const body = seed.slice(seed.indexOf('VOUCH1:') + 'VOUCH1:'.length);
    const bytes = decodeBase64Url(body);
    const frame = bytes.ok ? bytes.value : rng.pick(frames);
    return `VOUCH1:${encodeBase64Url(mutateFrame(rng, frame, frames))}`;
  };
  return textTarget(
    'transport-text',
    seeds,
    (input) => resultProblem(decodeFromText(input)),
    mutate,
  ) as FuzzTarget;
}

async function transportFrame(): Promise<FuzzTarget<Uint8Array>> {
  const payloads = await transportPayloads();
  const seeds = payloads.map(({ kind, payload }) => encodeSingleFrame(kind, payload));
  const big = payloads[0] as { kind: PayloadKind; payload: Uint8Array };
  seeds.push(...encodeForQr(big.kind, big.payload, { maxFrameBytes: 200 }).frames.slice(0, 6));
  return {
    name: 'transport-frame',
    seeds,
    mutate: (rng, seed) => mutateFrame(rng, seed, seeds),
    run: (input) => resultProblem(parseFrame(input)),
    describe: describeBytes,
  };
}

/** An animated code of a single frame with a stored (uncompressed) body. */
function storedParts(kind: PayloadKind, payload: Uint8Array): Uint8Array[] {
  const content = new Uint8Array(2 + payload.length);
  content[0] = payloadKindCode(kind);
  content[1] = 0;
  content.set(payload, 2);
  const single = new Uint8Array(3 + content.length + 4);
  single.set([MAGIC, FORMAT_VERSION, FRAME_SINGLE]);
  single.set(content, 3);
  const encoder = createFountainEncoder(fixChecksum(single), { maxFragmentLen: 240 });
  return Array.from({ length: encoder.seqLen + 2 }, (_, i) => encodePartFrame(encoder.part(i + 1)));
}

async function fountainAssembler(): Promise<FuzzTarget<readonly Uint8Array[]>> {
  const payloads = await transportPayloads();
  // One seed as the app makes it (deflated); two with a stored body, whose reassembled message
  // is cheap to read, so that the run's time goes to the fountain decoder rather than to inflate.
  const seeds = payloads
    .slice(0, 3)
    .map(({ kind, payload }, i) =>
      i === 0
        ? encodeForQr(kind, payload, { maxFrameBytes: 200 }).frames
        : storedParts(kind, payload),
    );
  const all = seeds.flat();
  const mutate = (rng: FuzzRng, seed: readonly Uint8Array[]) => {
    const frames = [...seed];
    for (let round = rng.between(1, 3); round > 0; round--) {
      const at = rng.below(frames.length);
      switch (rng.below(7)) {
        case 0:
          frames.splice(at, 1);
          break;
        case 1:
          frames.splice(at, 0, frames[rng.below(frames.length)] ?? rng.pick(all));
          break;
        case 2: {
          const [a, b] = [rng.below(frames.length), rng.below(frames.length)];
          [frames[a], frames[b]] = [frames[b] as Uint8Array, frames[a] as Uint8Array];
          break;
        }
        case 3:
          frames.splice(at, 0, rng.pick(all));
          break;
        case 4:
          frames.reverse();
          break;
        default:
          if (frames.length > 0) frames[at] = mutateFrame(rng, frames[at] as Uint8Array, all);
      }
    }
    return frames;
  };
  const run = (input: readonly Uint8Array[]) => {
    const assembler = createQrAssembler();
    for (const frame of input) {
      const progress = assembler.push(frame);
      if (
        progress.state === 'failed' &&
        (typeof progress.reason !== 'string' || !progress.reason)
      ) {
        return 'a failed step without a reason';
      }
    }
    return undefined;
  };
  return {
    name: 'fountain-assembler',
    seeds,
    mutate,
    run,
    describe: (frames) =>
      `${frames.length} frames: ${frames.map((f) => describeBytes(f).slice(0, 40)).join(' | ')}`,
  };
}

async function requestSeeds(crypto: JwsCrypto): Promise<string[]> {
  const seeds: string[] = [];
  for (const alg of ['ES256', 'EdDSA', 'ES256K'] as const) {
    const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
    const did = didKeyFromJwk(publicJwk);
    seeds.push(
      await createPresentationRequest({
        verifier: { did, alg, sign: (data) => crypto.sign(alg, privateJwk, data) },
        verifierName: 'Gemeente Utrecht',
        purpose: 'Individuele inkomenstoeslag: inkomen van september 2025',
        dcql: dcqlForClaims({
          id: 'income',
          vct: 'urn:vouch:income-statement:1',
          required: ['period', 'net_wage_cents'],
          optional: ['employee_name'],
        }),
        ...(alg === 'ES256'
          ? {
              responseMode: 'direct_post.jwt',
              responseUri: 'https://verifier.example/response',
              encryptionKey: FUZZ_ENCRYPTION_KEY,
              state: 's-1',
            }
          : alg === 'EdDSA'
            ? { responseMode: 'fragment', redirectUri: 'https://verifier.example/desk' }
            : { responseMode: 'vouch_qr' }),
        nonce: 'q6vS3kQm9ZbX1c2d3e4f5g',
        now: NOW,
      }),
    );
  }
  // An unsigned request object of a redirect_uri: client (alg none).
  const encode = (json: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(json)));
  seeds.push(
    `${encode({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${encode({ ...REDIRECT_URI_PARAMS, dcql_query: JSON.parse(REDIRECT_URI_PARAMS.dcql_query) })}.`,
  );
  return seeds;
}

/** The OpenID4VP 1.0 §8.3 example key (public; its private half decrypts the JWE seeds). */
const FUZZ_ENCRYPTION_KEY = {
  kty: 'EC' as const,
  crv: 'P-256' as const,
  kid: 'ac',
  x: 'YO4epjifD-KWeq1sL2tNmm36BhXnkJ0He-WqMYrp9Fk',
  y: 'Hekpm0zfK7C-YccH5iBjcIXgf6YdUvNUac_0At55Okk',
};
const FUZZ_DECRYPTION_KEY = {
  ...FUZZ_ENCRYPTION_KEY,
  d: 'Et-3ce0omz8_TuZ96Df9lp0GAaaDoUnDe6X-CRO7Aww',
};

const REDIRECT_URI_PARAMS = {
  client_id: 'redirect_uri:https://peer.example/post',
  response_type: 'vp_token',
  response_mode: 'direct_post',
  response_uri: 'https://peer.example/post',
  nonce: 'n-0S6_WzA2Mj',
  state: 'st',
  dcql_query: JSON.stringify(
    dcqlForClaims({
      id: 'income',
      vct: 'urn:vouch:income-statement:1',
      required: ['period'],
      optional: ['hours'],
    }),
  ),
  client_metadata: JSON.stringify({ vp_formats_supported: { 'dc+sd-jwt': {} } }),
};

/** openid4vp:// links: by reference (GET and POST), by value, and parameters by value. */
async function authorizationRequestUri(): Promise<FuzzTarget> {
  const shared = sharedCrypto();
  const [signed] = await requestSeeds(shared.fast);
  const query = (params: Record<string, string>) =>
    Object.entries(params)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
  const seeds = [
    `openid4vp://?${query({ client_id: 'decentralized_identifier:did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169', request_uri: 'https://verifier.example/requests/1' })}`,
    `haip-vp://?${query({ client_id: 'decentralized_identifier:did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169', request_uri: 'https://verifier.example/requests/1', request_uri_method: 'post' })}`,
    `openid4vp://?${query({ client_id: 'x', request: signed ?? '' })}`,
    `https://wallet.example/present?${query(REDIRECT_URI_PARAMS)}`,
  ];
  // The request_uri answers with a mutated request object, or fails: both must give a Result.
  return textTarget('authorization-request-uri', seeds, async (input, rng) => {
    const parsed = parseAuthorizationRequestUri(input);
    const problem = resultProblem(parsed);
    if (problem) return problem;
    const fetch: FetchLike = async () =>
      rng.chance(0.2)
        ? Promise.reject(new Error('offline'))
        : new Response(mutateText(rng, signed ?? '', seeds), {
            status: rng.chance(0.9) ? 200 : 500,
          });
    return resultProblem(
      await resolvePresentationRequest(input, {
        fetch,
        crypto: shared.crypto(rng),
        now: NOW,
        ...(rng.chance(0.5) ? { walletNonce: 'w-1' } : {}),
      }),
    );
  }) as FuzzTarget;
}

/** What a Response URI receives: direct_post forms, direct_post.jwt JWEs, error responses. */
async function directPostBody(): Promise<FuzzTarget> {
  const presentation = await samplePresentation();
  const response = {
    vpToken: { income: [presentation] },
    state: 's-1',
    declared: { household: 'single' },
  };
  const jwe = await encryptPresentationResponse(response, {
    jwk: FUZZ_ENCRYPTION_KEY,
    alg: 'ECDH-ES',
    enc: 'A128GCM',
  });
  const seeds = [
    encodeDirectPostBody(response),
    encodeDirectPostBody({ vpToken: response.vpToken }),
    `response=${jwe}`,
    'error=access_denied&error_description=declined&state=s-1',
  ];
  return textTarget('direct-post-body', seeds, async (input) => {
    const read = readDirectPostBody(input);
    const problem = resultProblem(read);
    if (problem || !read.ok) return problem;
    if (read.value.kind !== 'encrypted') return undefined;
    return resultProblem(await decryptPresentationResponse(read.value.jwe, FUZZ_DECRYPTION_KEY));
  }) as FuzzTarget;
}

async function requestObject(): Promise<FuzzTarget> {
  const shared = sharedCrypto();
  const seeds = await requestSeeds(shared.fast);
  return textTarget('request-object', seeds, async (input, rng) =>
    resultProblem(await verifyPresentationRequest(input, { crypto: shared.crypto(rng), now: NOW })),
  ) as FuzzTarget;
}

async function statusList(): Promise<FuzzTarget> {
  const shared = sharedCrypto();
  const { world, listJwt } = await presentationSeeds();
  const seeds = [
    listJwt,
    await publishList(world, { revoked: true, ttlSeconds: 3600 }),
    await publishList(world, { uri: 'https://other.example/status/2' }),
  ];
  return textTarget('status-list', seeds, async (input, rng) => {
    const verified = await verifyStatusListJwt(input, {
      crypto: shared.crypto(rng),
      now: NOW,
      ...(rng.chance(0.5) ? { expectedUri: STATUS_URI } : {}),
    });
    const problem = resultProblem(verified);
    if (problem || !verified.ok) return problem;
    // A verified list must answer every index, in range or not.
    for (const index of [
      0,
      world.statusIndex,
      verified.value.size - 1,
      verified.value.size,
      -1,
      2 ** 53,
      NaN,
    ]) {
      const status = verified.value.statusAt(index);
      if (!Number.isInteger(status)) return `statusAt(${index}) gave ${status}`;
    }
    return undefined;
  }) as FuzzTarget;
}

async function trustList(): Promise<FuzzTarget> {
  const shared = sharedCrypto();
  const seeds: string[] = [];
  for (const alg of ['ES256', 'EdDSA'] as const) {
    const desk = await createIssuerKeyFile(shared.fast, alg);
    const issuer = await createIssuerKeyFile(shared.fast, 'ES256');
    seeds.push(
      await signTrustList({
        issuer: { did: desk.did, alg: desk.alg, sign: issuerSigner(shared.fast, desk) },
        name: 'Gemeente Utrecht, income desk',
        entries: [
          {
            did: issuer.did,
            name: 'Bakkerij de Vries B.V.',
            vct: ['urn:vouch:income-statement:1'],
          },
          { did: desk.did, name: 'UMC Utrecht', vct: ['urn:vouch:medical-attestation:1', 'x'] },
        ],
        issuedAt: new Date(NOW.getTime() - 86_400_000),
        ...(alg === 'EdDSA' ? { expiresAt: new Date(NOW.getTime() + 86_400_000) } : {}),
      }),
    );
  }
  return textTarget('trust-list', seeds, async (input, rng) => {
    const verified = await verifyTrustList(input, { crypto: shared.crypto(rng), now: NOW });
    const problem = resultProblem(verified);
    if (problem || !verified.ok) return problem;
    trustedIssuer([verified.value], 'did:key:zDnae', 'urn:vouch:income-statement:1');
    for (const entry of verified.value.entries)
      trustedIssuer([verified.value], entry.did, entry.vct[0] ?? '');
    return undefined;
  }) as FuzzTarget;
}

async function payroll(): Promise<FuzzTarget> {
  const xpubs = relationshipXpubs(2);
  const seeds = [
    payrollCsv(6, xpubs),
    payrollCsv(2, xpubs).replace(/\r\n/g, '\n'),
    `\ufeff${payrollCsv(3, xpubs)}`,
    `${payrollCsv(1, xpubs).split('\r\n')[0] as string},employer_name,employer_id\r\n`,
  ];
  // Each row costs a BIP32 key parse (~0.7 ms): a 256 KiB CSV of 1,300 rows takes a second
  // by design, not by a bug. Mutants are kept to 16 KiB (~80 rows) so "over 1 s" stays a bug.
  const mutate = (rng: FuzzRng, seed: string) => mutateText(rng, seed, seeds).slice(0, 16 * 1024);
  return textTarget(
    'payroll-csv',
    seeds,
    (input) => {
      const records = parseCsv(input);
      const [first, ...rows] = records;
      if (first === undefined || 'error' in first) return undefined;
      const header = checkHeader(first.fields);
      const problem = resultProblem(header);
      if (problem || !header.ok) return problem;
      for (const row of rows) {
        if ('error' in row) continue;
        const read = readPayrollRow(header.value, row.fields, { employerName: 'Bakkerij' });
        const rowProblem = resultProblem(read);
        if (rowProblem) return rowProblem;
      }
      return undefined;
    },
    mutate,
  ) as FuzzTarget;
}

interface RuleCase {
  input: { period?: string; date?: string; facts?: unknown; claims?: unknown };
}

/**
 * Eligibility input as `vouch eligibility --input` reads it (a JSON object with a period or date,
 * declared facts and claims), but more hostile: any string is passed as the period, and claims
 * are any objects, not only verified ones. Every rule must give a result, never a throw.
 */
async function eligibilityInput(): Promise<FuzzTarget> {
  const cases = [aanvulling, asbestos, afa].flatMap(
    (file) => (file as { cases: RuleCase[] }).cases,
  );
  const seeds = cases.slice(0, 40).map((c) => JSON.stringify(c.input));
  const mutate = (rng: FuzzRng, seed: string) =>
    rng.chance(0.7) ? mutateJsonText(rng, seed, seeds) : mutateText(rng, seed, seeds);
  return textTarget(
    'eligibility-input',
    seeds,
    (input) => {
      let json: unknown;
      try {
        json = JSON.parse(input);
      } catch {
        return undefined; // the CLI reports a JSON syntax error
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
      const { period, date, facts = {}, claims = [] } = json as RuleCase['input'];
      const when = date ?? period;
      if (typeof when !== 'string') return undefined;
      if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) return undefined;
      const credentialClaims = Array.isArray(claims)
        ? claims.filter(
            (c): c is { vct: string; claims: Record<string, unknown> } =>
              typeof c === 'object' &&
              c !== null &&
              typeof (c as { vct?: unknown }).vct === 'string' &&
              typeof (c as { claims?: unknown }).claims === 'object' &&
              (c as { claims?: unknown }).claims !== null,
          )
        : [];
      checkDeclaredFacts(facts as Record<string, unknown>);
      for (const rule of RULE_IDS) {
        const result = evaluateRule(rule, {
          period: when,
          facts: facts as Record<string, unknown>,
          claims: credentialClaims,
        });
        if (typeof result.status !== 'string') return `${rule}: a result without a status`;
        // The CLI prints the result as JSON: it must survive that.
        JSON.stringify(result);
      }
      return undefined;
    },
    mutate,
  ) as FuzzTarget;
}

const BUILDERS: Record<DecoderName, () => Promise<FuzzTarget>> = {
  'sd-jwt-parse': sdJwtParse,
  'verify-presentation': verifyPresentationTarget,
  'transport-text': transportText,
  'transport-frame': transportFrame as () => Promise<FuzzTarget>,
  'fountain-assembler': fountainAssembler as () => Promise<FuzzTarget>,
  'request-object': requestObject,
  'authorization-request-uri': authorizationRequestUri,
  'direct-post-body': directPostBody,
  'status-list': statusList,
  'trust-list': trustList,
  'payroll-csv': payroll,
  'eligibility-input': eligibilityInput,
  ...OID4VCI_BUILDERS,
};

/** Builds one decoder's target (its seeds take a moment: real keys, real signatures). */
export function createFuzzTarget(name: DecoderName): Promise<FuzzTarget> {
  return BUILDERS[name]();
}

export function isDecoderName(name: string): name is DecoderName {
  return (DECODER_NAMES as readonly string[]).includes(name);
}
