/**
 * A core JwsSign that signs through the agent's key manager (keyManagerSign), so SD-JWT VCs and
 * key binding JWTs are signed by whatever KMS holds the key — the private key never comes out.
 */
import type { IDIDManager, IKey, IKeyManager, TAgent } from '@veramo/core-types';
import type { Did } from '../core/brand.ts';
import { bytesToHex, decodeBase64Url } from '../core/encoding/index.ts';
import { isAllowedAlgorithm } from '../core/jose/index.ts';
import type { JwsAlgorithm, JwsSign } from '../core/jose/index.ts';

export type SigningAgent = TAgent<IKeyManager & IDIDManager>;

/** The JWS algorithm a Veramo key signs with. */
export function algorithmOfKey(key: Pick<IKey, 'type' | 'meta'>): JwsAlgorithm {
  const named = key.meta?.algorithms?.find((alg) => isAllowedAlgorithm(alg));
  if (named !== undefined) return named as JwsAlgorithm;
  if (key.type === 'Secp256r1') return 'ES256';
  if (key.type === 'Ed25519') return 'EdDSA';
  if (key.type === 'Secp256k1') return 'ES256K';
  throw new Error(
    `not_supported: a ${String(key.type)} key signs with none of ES256, EdDSA, ES256K`,
  );
}

export function signWithKey(agent: SigningAgent, kid: string, alg: JwsAlgorithm): JwsSign {
  return async (signingInput) => {
    const signature = await agent.keyManagerSign({
      keyRef: kid,
      algorithm: alg,
      data: bytesToHex(signingInput),
      encoding: 'base16',
    });
    const bytes = decodeBase64Url(signature);
    if (!bytes.ok) throw new Error('the key manager returned a signature that is not base64url');
    return bytes.value;
  };
}

/** The issuer (did, alg, sign) of a DID this agent manages; a clear error when it does not. */
export async function managedSigner(
  agent: SigningAgent,
  did: unknown,
  field: string,
): Promise<{ did: Did; alg: JwsAlgorithm; sign: JwsSign }> {
  if (typeof did !== 'string' || !did.startsWith('did:')) {
    throw new TypeError(`invalid_argument: "${field}" expected a DID this agent manages`);
  }
  let identifier;
  try {
    identifier = await agent.didManagerGet({ did });
  } catch {
    throw new Error(`invalid_argument: "${field}" ${did} is not a DID this agent manages`);
  }
  const key =
    identifier.keys.find((candidate) => candidate.kid === identifier.controllerKeyId) ??
    identifier.keys[0];
  if (key === undefined) throw new Error(`invalid_argument: ${did} has no key in this agent`);
  const alg = algorithmOfKey(key);
  return { did: did as Did, alg, sign: signWithKey(agent, key.kid, alg) };
}
