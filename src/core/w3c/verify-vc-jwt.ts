/**
 * Verifying a W3C VC-JWT with the same checks, order and codes as an SD-JWT VC
 * (docs/w3c-vc.md "Verification"; src/core/verification/verify-presentation.ts):
 *
 *   encoding → issuer-signature → issuer-trusted → disclosures → [key-binding → audience → nonce
 *   → freshness: a VP-JWT only, verify-vp-jwt.ts] → validity → status → requested-claims
 *
 * Signatures go through did-jwt-vc (did-jwt underneath) with our resolver (did-resolver.ts), but
 * only after our own gate: the header's `alg` must be ES256, ES256K or EdDSA, the issuer DID must
 * resolve (did:key, did:jwk; did:web only with `didWebFetch`) and a `kid` must name the issuer's
 * DID. did-jwt's own time checks are switched off and `now` is applied here, so a late credential
 * reads "expired" rather than "bad signature". Every failure is mapped to our codes; nothing throws.
 */
import { verifyCredential } from 'did-jwt-vc';
import type { Resolvable } from 'did-resolver';
import { resolveDidKey } from '../did/did-key.ts';
import { shortValue } from '../jose/compact-jws.ts';
import { acceptedAlgorithm, algorithmForJwk } from '../jose/jws-algorithm.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import type {
  Check,
  StatusInfo,
  VerificationFacts,
  VerificationResult,
  VerifyPresentationOptions,
} from '../verification/check.ts';
import { finishVerification, undecodedChecks } from '../verification/check.ts';
import { checkIssuerTrusted } from '../verification/issuer-trust.ts';
import { checkRequestedClaims } from '../verification/requested-claims.ts';
import { DEFAULT_STATUS_POLICY, judgeStatus } from '../verification/status.ts';
import { checkValidity } from '../verification/validity.ts';
import { verifyBitstringStatusListCredential } from './bitstring-status-list.ts';
import { createDidResolver } from './did-resolver.ts';
import { readVcJwt, VERIFIABLE_CREDENTIAL } from './vc-jwt.ts';
import type { ReadVcJwt } from './vc-jwt.ts';

export type VerifyCredentialJwtOptions = Omit<VerifyPresentationOptions, 'audience' | 'nonce'>;

export function finishW3c(checks: Check[], facts: VerificationFacts = {}): VerificationResult {
  return finishVerification('jwt_vc_json', checks, facts);
}

export function failedToCheck(): VerificationResult {
  return finishW3c([
    {
      name: 'encoding',
      ok: false,
      code: 'bad-encoding',
      message: 'This answer could not be checked: it made the verifier fail. Ask for a new one',
    },
  ]);
}

function sameKey(a: PublicJwk, b: PublicJwk): boolean {
  return (
    a.kty === b.kty &&
    a.crv === b.crv &&
    a.x === b.x &&
    (a as { y?: string }).y === (b as { y?: string }).y
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Step 2 for a VC-JWT: our gate, then did-jwt-vc. */
async function checkIssuerSignatureW3c(
  jwt: string,
  read: ReadVcJwt,
  opts: { resolver: Resolvable; now: Date; issuerKey: PublicJwk | undefined },
): Promise<Check> {
  const fail = (code: Check['code'], message: string): Check => ({
    name: 'issuer-signature',
    ok: false,
    code,
    message,
  });
  const { header, issuer } = read;
  const alg = acceptedAlgorithm(header.alg);
  if (alg === undefined) {
    return fail(
      'unsupported-alg',
      `The credential uses a signature method that is not allowed (${shortValue(header.alg)})`,
    );
  }
  if (header.kid !== undefined) {
    if (typeof header.kid !== 'string' || header.kid.split('#', 1)[0] !== issuer) {
      return fail(
        'bad-signature',
        `The credential names a signing key (${shortValue(header.kid)}) that is not its issuer's (${shortValue(issuer)})`,
      );
    }
  }
  const resolved = await opts.resolver.resolve(issuer);
  if (resolved.didDocument === null || resolved.didResolutionMetadata.error !== undefined) {
    return fail(
      'unknown-issuer-key',
      `The issuer's key could not be found: ${resolved.didResolutionMetadata.message ?? shortValue(issuer)}`,
    );
  }
  // did:key and did:jwk name one key; its algorithm must be the header's.
  const key = resolveDidKey(issuer);
  if (key.ok) {
    if (algorithmForJwk(key.value) !== alg) {
      return fail(
        'bad-signature',
        `The credential says it is signed with ${alg}, but the issuer's key is for ${algorithmForJwk(key.value)}`,
      );
    }
    if (opts.issuerKey !== undefined && !sameKey(key.value, opts.issuerKey)) {
      return fail('bad-signature', 'The credential is not signed with the issuer key you gave');
    }
  } else if (opts.issuerKey !== undefined) {
    return fail('bad-signature', 'The credential is not signed with the issuer key you gave');
  }
  try {
    await verifyCredential(jwt, opts.resolver, {
      proofPurpose: 'assertionMethod',
      policies: {
        now: Math.floor(opts.now.getTime() / 1000),
        issuanceDate: false,
        expirationDate: false,
        aud: false,
      },
    });
  } catch (error) {
    const text = errorText(error);
    if (text.includes('resolver_error') || text.includes('no_suitable_keys')) {
      return fail(
        'unknown-issuer-key',
        `The issuer's key could not be found (${shortValue(text)})`,
      );
    }
    if (text.includes('not_supported')) {
      return fail('unsupported-alg', `The credential's signature method is not supported (${alg})`);
    }
    return fail(
      'bad-signature',
      text.includes('invalid_signature')
        ? "The issuer's signature does not match: the credential was changed or not signed by this issuer"
        : `The credential is not a valid W3C credential (${shortValue(text)})`,
    );
  }
  return { name: 'issuer-signature', ok: true, code: 'ok', message: "Signed by the issuer's key" };
}

/** Step 7 for a VC-JWT: its BitstringStatusListEntry against the list from the caller's cache. */
async function checkStatusW3c(
  read: ReadVcJwt,
  opts: VerifyCredentialJwtOptions,
  resolver: Resolvable,
): Promise<{ check: Check; info: StatusInfo }> {
  const entry = read.status;
  const purpose = entry?.purpose;
  // Bitstring Status List §2.1: "suspension" is a status too; a set bit means suspended.
  const weight = purpose === 'suspension' ? 2 : 1;
  return judgeStatus({
    status: entry === undefined ? undefined : { idx: entry.idx, uri: entry.uri },
    issuer: read.issuer,
    pinned: false,
    now: opts.now,
    statusList: opts.statusList,
    policy: opts.statusPolicy ?? DEFAULT_STATUS_POLICY,
    verifyList: async (jwt, uri) => {
      const list = await verifyBitstringStatusListCredential(jwt, {
        now: opts.now,
        resolver,
        expectedUrl: uri,
      });
      if (!list.ok) return list;
      if (purpose !== 'revocation' && purpose !== 'suspension') {
        return {
          ok: false,
          reason: 'wrong-purpose',
          detail: { message: `status purpose ${shortValue(purpose)} is not one Vouch checks` },
        };
      }
      if (list.value.purpose !== purpose) {
        return {
          ok: false,
          reason: 'wrong-purpose',
          detail: {
            message: `the list is for ${shortValue(list.value.purpose)}, the credential's entry for ${shortValue(purpose)}`,
          },
        };
      }
      const { statusAt } = list.value;
      return {
        ok: true,
        value: {
          ...list.value,
          statusAt: (index: number) => {
            const bit = statusAt(index);
            return bit <= 0 ? bit : weight;
          },
        },
      };
    },
  });
}

/** What the credential stage hands on to the presentation stage. */
export interface CredentialStage {
  read: ReadVcJwt;
  issuerName?: string;
}

/**
 * Steps 1 (the credential part) to 3, then the disclosures step: pushes checks; returns the
 * decoded credential, or undefined when verification must stop (unreadable or bad signature).
 */
export async function checkCredentialHead(
  vcJwt: string,
  opts: VerifyCredentialJwtOptions & { resolver: Resolvable },
  checks: Check[],
  encodingMessage: string,
): Promise<CredentialStage | undefined> {
  const read = readVcJwt(vcJwt);
  if (!read.ok) {
    checks.push(...undecodedChecks(read.reason, read.detail.message, 'W3C credential'));
    return undefined;
  }
  checks.push({ name: 'encoding', ok: true, code: 'ok', message: encodingMessage });
  const signature = await checkIssuerSignatureW3c(vcJwt, read.value, {
    resolver: opts.resolver,
    now: opts.now,
    issuerKey: opts.issuerKey,
  });
  checks.push(signature);
  if (!signature.ok) return undefined;
  const { issuer, vct, types } = read.value;
  const trust = checkIssuerTrusted({
    issuer,
    vct,
    aliases: types.filter((t) => t !== VERIFIABLE_CREDENTIAL && t !== vct),
    pinned: opts.issuerKey !== undefined,
    trustLists: opts.trustLists ?? [],
  });
  checks.push(trust.check);
  checks.push({
    name: 'disclosures',
    ok: true,
    code: 'ok',
    message: `No selective disclosure in a W3C credential: every field is shown (${Object.keys(read.value.claims).length} shown)`,
  });
  return {
    read: read.value,
    ...(trust.issuerName === undefined ? {} : { issuerName: trust.issuerName }),
  };
}

/** Steps validity, status and requested claims; then the verdict. */
export async function checkCredentialTail(
  stage: CredentialStage,
  opts: VerifyCredentialJwtOptions & { resolver: Resolvable },
  checks: Check[],
): Promise<VerificationResult> {
  const { read } = stage;
  checks.push(
    checkValidity(
      {
        ...(read.exp === undefined ? {} : { exp: read.exp }),
        ...(read.nbf === undefined ? {} : { nbf: read.nbf }),
        ...(read.iat === undefined ? {} : { iat: read.iat }),
      },
      opts.now,
    ),
  );
  const status = await checkStatusW3c(read, opts, opts.resolver);
  checks.push(status.check);
  checks.push(
    checkRequestedClaims(read.claims, opts.requiredClaims ?? [], opts.requiredValues ?? {}),
  );
  return finishW3c(checks, {
    issuer: read.issuer,
    ...(stage.issuerName === undefined ? {} : { issuerName: stage.issuerName }),
    vct: read.vct,
    claims: read.claims,
    status: status.info,
  });
}

/** A bare VC-JWT (no holder binding): the wallet's import, `vouch verify` of a credential. */
export async function verifyCredentialJwt(
  jwt: string,
  opts: VerifyCredentialJwtOptions,
): Promise<VerificationResult> {
  try {
    const resolver = createDidResolver(
      opts.didWebFetch === undefined ? {} : { didWebFetch: opts.didWebFetch },
    );
    const full = { ...opts, resolver };
    const checks: Check[] = [];
    const stage = await checkCredentialHead(
      typeof jwt === 'string' ? jwt.trim() : jwt,
      full,
      checks,
      'The credential could be read as a W3C VC-JWT',
    );
    if (stage === undefined) {
      const read = readVcJwt(jwt);
      return finishW3c(checks, read.ok ? { issuer: read.value.issuer, vct: read.value.vct } : {});
    }
    return await checkCredentialTail(stage, full, checks);
  } catch {
    return failedToCheck();
  }
}
