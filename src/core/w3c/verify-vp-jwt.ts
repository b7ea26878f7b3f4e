/**
 * Verifying a W3C VP-JWT around one VC-JWT (docs/w3c-vc.md "Verification"), the verifier's
 * pipeline with the SD-JWT's check names, order and codes:
 *
 *   encoding → issuer-signature → issuer-trusted → disclosures → key-binding → audience → nonce
 *   → freshness → validity → status → requested-claims          (no sd-hash: no SD-JWT)
 *
 * The key binding is the VP-JWT itself: an allowed `alg`, signed (did-jwt-vc verifyPresentation)
 * by the holder DID in its `iss`, which must be the credential's `sub`. did-jwt-vc does not verify
 * the credentials inside a presentation: verify-vc-jwt.ts does, first. The VP's `aud`, `nonce` and
 * `iat` are checked by the SD-JWT's own functions (kb-claims.ts). Never throws.
 */
import { verifyPresentation as verifyPresentationJwt } from 'did-jwt-vc';
import type { Resolvable } from 'did-resolver';
import { decodeCompactJws, shortValue } from '../jose/compact-jws.ts';
import type {
  Check,
  VerificationResult,
  VerifyPresentationOptions,
} from '../verification/check.ts';
import {
  checkAudience,
  checkFreshness,
  checkNonce,
  DEFAULT_MAX_AGE_SECONDS,
  FUTURE_SKEW_SECONDS,
} from '../verification/kb-claims.ts';
import { createDidResolver } from './did-resolver.ts';
import { isRecord, MAX_VC_JWT_LENGTH, peekJwtPayload } from './shape.ts';
import { readVcJwt } from './vc-jwt.ts';
import {
  checkCredentialHead,
  checkCredentialTail,
  failedToCheck,
  finishW3c,
} from './verify-vc-jwt.ts';
import type { CredentialStage } from './verify-vc-jwt.ts';

/** A presentation holds one credential; allow its size twice over. */
export const MAX_VP_JWT_LENGTH = 2 * MAX_VC_JWT_LENGTH;

type Decoded =
  | {
      payload: Readonly<Record<string, unknown>>;
      vcJwt: string;
      bare?: boolean;
      kid?: unknown;
    }
  | { problem: string };

function decodeVp(vpJwt: string): Decoded & { algAllowed?: boolean } {
  if (vpJwt.length > MAX_VP_JWT_LENGTH) {
    return {
      problem: `the presentation is ${vpJwt.length} characters, more than the limit of ${MAX_VP_JWT_LENGTH}`,
    };
  }
  const decoded = decodeCompactJws(vpJwt);
  let payload: Readonly<Record<string, unknown>>;
  let algAllowed = true;
  let kid: unknown;
  if (decoded.ok) {
    payload = decoded.value.payload;
    kid = decoded.value.header.kid;
  } else if (decoded.reason === 'alg-not-allowed') {
    // Read the payload anyway: the holder's forbidden alg is reported at key-binding.
    const peeked = peekJwtPayload(vpJwt);
    if (peeked === undefined) return { problem: decoded.detail.message };
    payload = peeked;
    algAllowed = false;
  } else {
    return { problem: decoded.detail.message };
  }
  const { vp } = payload;
  // A bare VC-JWT: read as a presentation without the holder's confirmation (kb-missing), as an
  // SD-JWT VC without its key binding JWT is.
  if (!isRecord(vp) && isRecord(payload.vc)) return { payload, vcJwt: vpJwt, bare: true };
  if (!isRecord(vp)) return { problem: 'the JWT has no "vp" object: it is not a VP-JWT' };
  const list = vp.verifiableCredential;
  const credentials = typeof list === 'string' ? [list] : list;
  if (!Array.isArray(credentials) || credentials.length === 0) {
    return { problem: 'the presentation holds no credential ("vp.verifiableCredential")' };
  }
  if (credentials.length > 1) {
    return {
      problem: `the presentation holds ${credentials.length} credentials; one is expected per answer`,
    };
  }
  const [vcJwt] = credentials;
  if (typeof vcJwt !== 'string') {
    return { problem: 'the credential in the presentation is not a VC-JWT (JSON-LD is not read)' };
  }
  return { payload, vcJwt, algAllowed, kid };
}

async function checkBinding(
  vpJwt: string,
  payload: Readonly<Record<string, unknown>>,
  kid: unknown,
  algAllowed: boolean,
  stage: CredentialStage,
  opts: { resolver: Resolvable; now: Date },
): Promise<Check> {
  const fail = (code: Check['code'], message: string): Check => ({
    name: 'key-binding',
    ok: false,
    code,
    message,
  });
  if (!algAllowed) {
    return fail(
      'unsupported-alg',
      "The holder's confirmation uses a signature method that is not allowed",
    );
  }
  const subject = stage.read.subject;
  if (subject === undefined || !subject.startsWith('did:')) {
    return fail(
      'kb-missing',
      'The credential names no holder key (no "sub"), so nothing proves the answer comes from its holder',
    );
  }
  if (payload.iss !== subject) {
    return fail(
      'kb-bad-signature',
      `The presentation was signed by ${shortValue(payload.iss)}, not by the holder the credential was issued to: it may come from another phone`,
    );
  }
  if (kid !== undefined && (typeof kid !== 'string' || kid.split('#', 1)[0] !== subject)) {
    return fail(
      'kb-bad-signature',
      `The presentation names a signing key (${shortValue(kid)}) that is not the holder's`,
    );
  }
  try {
    await verifyPresentationJwt(vpJwt, opts.resolver, {
      proofPurpose: 'authentication',
      policies: {
        now: Math.floor(opts.now.getTime() / 1000),
        issuanceDate: false,
        expirationDate: false,
        aud: false,
      },
    });
  } catch {
    return fail(
      'kb-bad-signature',
      "The holder's confirmation is not signed by the key this credential was issued to: it may come from another phone",
    );
  }
  return {
    name: 'key-binding',
    ok: true,
    code: 'ok',
    message: "Confirmed by the holder's phone (the key the credential was issued to)",
  };
}

export async function verifyVpJwt(
  jwt: string,
  opts: VerifyPresentationOptions,
): Promise<VerificationResult> {
  try {
    if (typeof jwt !== 'string') {
      return finishW3c([
        { name: 'encoding', ok: false, code: 'bad-encoding', message: 'Expected a VP-JWT' },
      ]);
    }
    const vpJwt = jwt.trim();
    const decoded = decodeVp(vpJwt);
    if ('problem' in decoded) {
      return finishW3c([
        {
          name: 'encoding',
          ok: false,
          code: 'bad-encoding',
          message: `This is not a readable W3C presentation: ${decoded.problem}`,
        },
      ]);
    }
    const resolver = createDidResolver(
      opts.didWebFetch === undefined ? {} : { didWebFetch: opts.didWebFetch },
    );
    const full = { ...opts, resolver };
    const checks: Check[] = [];
    const stage = await checkCredentialHead(
      decoded.vcJwt,
      full,
      checks,
      'The answer could be read as a W3C presentation (VP-JWT)',
    );
    if (stage === undefined) {
      // As for an SD-JWT VC: say whose and what it claims to be, even when unverified.
      const read = readVcJwt(decoded.vcJwt);
      return finishW3c(checks, read.ok ? { issuer: read.value.issuer, vct: read.value.vct } : {});
    }

    const binding: Check = decoded.bare
      ? {
          name: 'key-binding',
          ok: false,
          code: 'kb-missing',
          message:
            "This is a credential on its own, without the holder's confirmation (no presentation), so it could be a copy of someone else's credential",
        }
      : await checkBinding(
          vpJwt,
          decoded.payload,
          decoded.kid,
          decoded.algAllowed !== false,
          stage,
          full,
        );
    checks.push(binding);
    if (binding.ok) {
      const { payload } = decoded;
      const maxAge =
        typeof opts.maxAgeSeconds === 'number' && opts.maxAgeSeconds >= 0
          ? opts.maxAgeSeconds
          : DEFAULT_MAX_AGE_SECONDS;
      // RFC 7519 §4.1.3: `aud` may be a list (did-jwt-vc writes one); ours must be in it.
      const { aud } = payload;
      const audience =
        Array.isArray(aud) && aud.includes(opts.audience) ? { aud: opts.audience } : payload;
      checks.push(checkAudience(audience, opts.audience));
      checks.push(checkNonce(payload, opts.nonce, opts.nonceAlreadyUsed === true));
      let freshness = vpFreshness(payload, opts.now, maxAge);
      const { exp } = payload;
      if (
        freshness.ok &&
        typeof exp === 'number' &&
        opts.now.getTime() / 1000 > exp + FUTURE_SKEW_SECONDS
      ) {
        freshness = {
          name: 'freshness',
          ok: false,
          code: 'stale',
          message: 'The answer has expired (its "exp" has passed). Ask for a new one',
        };
      }
      checks.push(freshness);
    }
    const result = await checkCredentialTail(stage, full, checks);
    return result;
  } catch {
    return failedToCheck();
  }
}

/**
 * When the VP-JWT was made: its `iat`, else its `nbf` (did-jwt-vc, and so Veramo, write the VCDM
 * 1.1 `issuanceDate` as `nbf` and drop `iat`). A VP-JWT with neither (did-jwt-vc's default) is
 * passed with a warning: OpenID4VP 1.0 does not require a time in it, and its single-use nonce is
 * what shows it was made for this request.
 */
function vpFreshness(payload: Record<string, unknown>, now: Date, maxAge: number): Check {
  const { iat, nbf } = payload;
  if (iat !== undefined) return checkFreshness(payload, now, maxAge);
  if (nbf !== undefined) return checkFreshness({ ...payload, iat: nbf }, now, maxAge);
  return {
    name: 'freshness',
    ok: true,
    code: 'warning',
    message:
      'The presentation does not say when it was made (no "iat" or "nbf"); its single-use nonce shows it answers this request',
  };
}
