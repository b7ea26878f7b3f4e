/**
 * The public JWK of a private one with Node's crypto: the DerivePublicJwk port of the core's
 * parseIssuerKeyFile (src/core/jose/issuer-key-file.ts). Node has P-256, secp256k1 and Ed25519
 * built in, so checking an issuer key file costs a fraction of a millisecond instead of noble's
 * first multiplication with its tables (about 50 ms at a CLI command's start). The same answer as
 * the core's `derivePublicJwk` (derive-public-jwk.test.ts) for a JWK that parsePrivateJwk accepted
 * (as parseIssuerKeyFile calls it), and the same refusal of a "d" that is no private key.
 *
 * Derived from "d" alone: Node's import of an EC JWK takes its "x" and "y" as given (an EC key
 * whose "d" and public point disagree imports, and exports the given point), so the EC point comes
 * from ECDH's d·G; an Ed25519 key's public half is derived from "d" on import.
 */
import { createECDH, createPrivateKey, createPublicKey } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import type { DerivePublicJwk } from '../../core/jose/index.ts';
import { failedWith, ok } from '../../core/result.ts';

const EC_CURVES = { 'P-256': 'prime256v1', secp256k1: 'secp256k1' } as const;
const COORDINATE_BYTES = 32;

export const nodeDerivePublicJwk: DerivePublicJwk = (jwk) => {
  const bad = () => failedWith('bad-jwk', { message: `"d" is not a valid ${jwk.crv} private key` });
  try {
    if (jwk.kty === 'OKP') {
      const exported = createPublicKey(
        createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }),
      ).export({ format: 'jwk' });
      if (exported.crv !== 'Ed25519' || typeof exported.x !== 'string') return bad();
      return ok({ kty: 'OKP', crv: 'Ed25519', x: exported.x });
    }
    const d = Buffer.from(jwk.d, 'base64url');
    if (d.length !== COORDINATE_BYTES || d.toString('base64url') !== jwk.d) return bad();
    const ecdh = createECDH(EC_CURVES[jwk.crv]);
    ecdh.setPrivateKey(d);
    d.fill(0);
    const point = ecdh.getPublicKey(); // 0x04 ‖ x ‖ y
    return ok({
      kty: 'EC',
      crv: jwk.crv,
      x: point.subarray(1, 1 + COORDINATE_BYTES).toString('base64url'),
      y: point.subarray(1 + COORDINATE_BYTES).toString('base64url'),
    });
  } catch {
    return bad();
  }
};
