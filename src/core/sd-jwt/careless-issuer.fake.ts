/**
 * For tests: an issuer that signs whatever it is told, the way a careless or foreign issuer might.
 * Any claim in the clear, any claim as a top-level disclosure (even `exp` or `status`, which
 * issueSdJwtVc refuses to make disclosable). Returns the issuance form `jwt~d1~…~dn~`.
 */
import { encodeBase64Url } from '../encoding/base64url.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import { createDisclosure, SD_ALG } from './disclosure.ts';

export async function issueCarelessly(opts: {
  header: Record<string, unknown>;
  /** Claims in the clear. */
  visible: Record<string, unknown>;
  /** Claims made selectively disclosable, one top-level disclosure each. */
  disclosed: Record<string, unknown>;
  sign: JwsSign;
  randomBytes: (n: number) => Uint8Array;
}): Promise<{ credential: string; disclosures: Map<string, string> }> {
  const disclosures = new Map<string, string>();
  const digests: string[] = [];
  for (const [name, value] of Object.entries(opts.disclosed)) {
    const disclosure = createDisclosure({
      salt: encodeBase64Url(opts.randomBytes(16)),
      name,
      value,
    });
    disclosures.set(name, disclosure.encoded);
    digests.push(disclosure.digest);
  }
  digests.sort();
  const jwt = await signCompactJws({
    header: opts.header,
    payload: { ...opts.visible, _sd: digests, _sd_alg: SD_ALG },
    sign: opts.sign,
  });
  const credential = `${jwt}~${[...disclosures.values()].map((d) => `${d}~`).join('')}`;
  return { credential, disclosures };
}
