/**
 * The verifier's pipeline (DESIGN.md §Verification), in order:
 *
 *   encoding → issuer-signature → issuer-trusted → disclosures → key-binding → audience → nonce
 *   → freshness → sd-hash → validity → status → requested-claims
 *
 * A presentation that cannot be decoded, or whose issuer signature fails, stops there: nothing
 * after it means anything (those later checks are left out). Everything else runs even when an
 * earlier check failed, so the clerk sees all that is wrong at once; only the key binding's claims
 * (audience, nonce, freshness, sd-hash) are left out when the key binding itself failed, since
 * unsigned claims prove nothing. `valid` is true when every reported check passed.
 *
 * A W3C VP-JWT (or a bare VC-JWT) goes to src/core/w3c/verify-vp-jwt.ts instead, loaded with a
 * dynamic import() so the browser fetches did-jwt-vc only when such an answer arrives; its verdict
 * has the same checks and codes, with `format: "jwt_vc_json"` (docs/w3c-vc.md "Verification").
 *
 * Never throws: any input gives a VerificationResult.
 */
import type {
  Check,
  StatusInfo,
  VerificationFacts,
  VerificationResult,
  VerifyPresentationOptions,
} from './check.ts';
import { finishVerification, undecodedChecks } from './check.ts';
import { decodePresentation } from './decode-presentation.ts';
import { checkDisclosures } from './disclosures.ts';
import { checkIssuerSignature } from './issuer-signature.ts';
import { checkIssuerTrusted } from './issuer-trust.ts';
import {
  checkAudience,
  checkFreshness,
  checkNonce,
  checkSdHash,
  DEFAULT_MAX_AGE_SECONDS,
} from './kb-claims.ts';
import { checkKeyBinding } from './key-binding.ts';
import { checkRequestedClaims } from './requested-claims.ts';
import { checkStatus, DEFAULT_STATUS_POLICY } from './status.ts';
import { isVcJwt, isVpJwt } from '../w3c/shape.ts';
import { checkValidity } from './validity.ts';

function finish(checks: Check[], facts: VerificationFacts = {}): VerificationResult {
  return finishVerification('dc+sd-jwt', checks, facts);
}

async function runPipeline(
  presentation: string,
  opts: VerifyPresentationOptions,
): Promise<VerificationResult> {
  const { crypto, now } = opts;
  const checks: Check[] = [];

  // 1. Decoding (a forbidden issuer alg is refused here, before any key is looked up).
  const decoded = decodePresentation(presentation);
  if (!decoded.ok) {
    checks.push(
      ...undecodedChecks(decoded.reason, decoded.detail.message, 'credential presentation'),
    );
    return finish(checks);
  }
  const { issuer, vct } = decoded.value;
  checks.push({
    name: 'encoding',
    ok: true,
    code: 'ok',
    message: 'The answer could be read as a credential presentation',
  });

  // 2. The issuer's signature.
  const signature = await checkIssuerSignature(decoded.value, {
    crypto,
    ...(opts.issuerKey === undefined ? {} : { issuerKey: opts.issuerKey }),
  });
  if (!signature.ok) {
    checks.push({
      name: 'issuer-signature',
      ok: false,
      code: signature.reason,
      message: signature.detail.message,
    });
    return finish(checks, { ...(issuer === undefined ? {} : { issuer }), vct });
  }
  checks.push({
    name: 'issuer-signature',
    ok: true,
    code: 'ok',
    message: "Signed by the issuer's key",
  });

  // 3. Trusted for this vct.
  const trust = checkIssuerTrusted({
    issuer,
    vct,
    pinned: opts.issuerKey !== undefined,
    trustLists: opts.trustLists ?? [],
  });
  checks.push(trust.check);

  // 4. Disclosures.
  const disclosed = checkDisclosures(decoded.value);
  const claims = disclosed.ok ? disclosed.value.claims : undefined;
  let shown = claims;
  checks.push(
    disclosed.ok
      ? {
          name: 'disclosures',
          ok: true,
          code: 'ok',
          message: `Every claim shown was signed by the issuer (${Object.keys(disclosed.value.claims).length} shown)`,
        }
      : {
          name: 'disclosures',
          ok: false,
          code: disclosed.reason,
          message: disclosed.detail.message,
        },
  );

  // 5. Key binding and its claims.
  const binding = await checkKeyBinding(decoded.value, { crypto });
  if (!binding.ok) {
    checks.push({
      name: 'key-binding',
      ok: false,
      code: binding.reason,
      message: binding.detail.message,
    });
  } else {
    checks.push({
      name: 'key-binding',
      ok: true,
      code: 'ok',
      message: "Confirmed by the holder's phone (the key the credential was issued to)",
    });
    const maxAge =
      typeof opts.maxAgeSeconds === 'number' && opts.maxAgeSeconds >= 0
        ? opts.maxAgeSeconds
        : DEFAULT_MAX_AGE_SECONDS;
    checks.push(checkAudience(binding.value, opts.audience));
    checks.push(checkNonce(binding.value, opts.nonce, opts.nonceAlreadyUsed === true));
    checks.push(checkFreshness(binding.value, now, maxAge));
    const sdHash = checkSdHash(binding.value, decoded.value.parsed.sdHashInputBytes);
    checks.push(sdHash);
    // Which claims the holder chose is unknown: show none rather than ones it may have withheld.
    if (!sdHash.ok) shown = undefined;
  }

  // 6. Validity period (nbf, exp).
  const disclosedIat = disclosed.ok ? disclosed.value.disclosedIat : undefined;
  checks.push(
    checkValidity(
      disclosedIat === undefined ? decoded.value : { ...decoded.value, iat: disclosedIat },
      now,
    ),
  );

  // 7. Status.
  const status: { check: Check; info: StatusInfo } = await checkStatus({
    status: decoded.value.status,
    issuer,
    pinnedKey: opts.issuerKey,
    crypto,
    now,
    statusList: opts.statusList,
    policy: opts.statusPolicy ?? DEFAULT_STATUS_POLICY,
  });
  checks.push(status.check);

  // 8. Requested claims.
  checks.push(checkRequestedClaims(claims, opts.requiredClaims ?? [], opts.requiredValues ?? {}));

  return finish(checks, {
    ...(issuer === undefined ? {} : { issuer }),
    ...(trust.issuerName === undefined ? {} : { issuerName: trust.issuerName }),
    vct,
    ...(shown === undefined ? {} : { claims: shown }),
    status: status.info,
  });
}

export async function verifyPresentation(
  presentation: string,
  opts: VerifyPresentationOptions,
): Promise<VerificationResult> {
  try {
    if (isVpJwt(presentation) || isVcJwt(presentation)) {
      const { verifyVpJwt } = await import('../w3c/verify-vp-jwt.ts');
      return await verifyVpJwt(presentation, opts);
    }
    return await runPipeline(presentation, opts);
  } catch {
    // A bug, or a crypto port that threw on hostile input: still a verdict, never an exception.
    return finish([
      {
        name: 'encoding',
        ok: false,
        code: 'bad-encoding',
        message: 'This answer could not be checked: it made the verifier fail. Ask for a new one',
      },
    ]);
  }
}
