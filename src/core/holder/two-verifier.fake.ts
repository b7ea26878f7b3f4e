/**
 * The two-verifier check of issue 13 item 2, for tests: a verifier asks for the income statement
 * (period and net wage, the employee's name optional); the wallet answers with one copy; the
 * presentation is verified. Shared by the offline test (src/core/holder/two-verifier.test.ts) and
 * the online one (src/server/openid4vci/two-verifier.test.ts).
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import { issuerSigner } from '../jose/index.ts';
import type { IssuerKeyFile, JwsCrypto, PublicJwk } from '../jose/index.ts';
import {
  createPresentationRequest,
  dcqlForClaims,
  parsePresentationResponse,
} from '../protocol/index.ts';
import { verifyPresentation } from '../verification/index.ts';
import type { HolderWallet } from './holder-wallet.ts';
import {
  answerPresentationRequest,
  audienceOf,
  readPresentationRequest,
} from './presentation-flow.ts';

/** What every verifier here asks the wallet to show. */
export const DISCLOSE = ['period', 'net_wage_cents', 'employee_name'] as const;

export interface TestVerifier {
  readonly key: IssuerKeyFile;
  readonly name: string;
}

/** `verifier` asks for the income statement: the request as the wallet read it, and its nonce. */
export async function askForStatement(
  wallet: HolderWallet,
  verifier: TestVerifier,
  deps: { jws: JwsCrypto; now: Date },
) {
  const nonce = encodeBase64Url(randomBytes(24));
  const { key } = verifier;
  const request = await createPresentationRequest({
    verifier: { did: key.did, alg: key.alg, sign: issuerSigner(deps.jws, key) },
    verifierName: verifier.name,
    purpose: 'Income check',
    dcql: dcqlForClaims({
      id: 'income',
      vct: 'urn:vouch:income-statement:1',
      required: ['period', 'net_wage_cents'],
      optional: ['employee_name'],
    }),
    responseMode: 'vouch_qr',
    nonce,
    now: deps.now,
  });
  const read = await readPresentationRequest(wallet, utf8ToBytes(request), {
    crypto: deps.jws,
    now: deps.now,
  });
  if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
  return { read: read.value, nonce };
}

/**
 * `verifier` asks; the wallet shows credential `credentialId` (the copy its policy picks); the
 * presentation must verify against `issuerKey` (an Error names the failed checks otherwise).
 */
export async function presentTo(
  wallet: HolderWallet,
  verifier: TestVerifier,
  options: { credentialId: string; issuerKey: PublicJwk; jws: JwsCrypto; now: Date },
): Promise<string> {
  const { jws, now } = options;
  const { read, nonce } = await askForStatement(wallet, verifier, { jws, now });
  const answered = await answerPresentationRequest(
    wallet,
    read,
    [{ queryId: 'income', credentialId: options.credentialId, disclose: [...DISCLOSE] }],
    { now, randomBytes },
  );
  if (!answered.ok) throw new Error(`${answered.reason}: ${answered.detail}`);
  const response = parsePresentationResponse(answered.value.response);
  if (!response.ok) throw new Error(`response: ${response.detail.message}`);
  const presentation = response.value.vpToken.income?.[0] ?? '';
  const verified = await verifyPresentation(presentation, {
    crypto: jws,
    now,
    audience: audienceOf(read.request),
    nonce,
    issuerKey: options.issuerKey,
    statusPolicy: { whenUnavailable: 'warn' },
    requiredClaims: ['period', 'net_wage_cents'],
  });
  if (!verified.valid) {
    const failed = verified.checks.filter((check) => !check.ok).map((check) => check.code);
    throw new Error(`the presentation does not verify: ${failed.join(', ')}`);
  }
  return presentation;
}
