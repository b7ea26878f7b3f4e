import { bytesToUtf8 } from '../../src/core/encoding/index.ts';
import { decodeCompactJws } from '../../src/core/jose/index.ts';
import { decodeFromText } from '../../src/core/transport/index.ts';

/** The nonce, client_id and `vouch` object inside the request text the verifier desk shows. */
export function readRequestText(text: string): {
  nonce: string;
  clientId: string;
  vouch: Record<string, unknown>;
} {
  const decoded = decodeFromText(text);
  if (!decoded.ok) throw new Error(`request text: ${decoded.reason}`);
  const jws = bytesToUtf8(decoded.value.payload);
  if (!jws.ok) throw new Error('request is not UTF-8');
  const parsed = decodeCompactJws(jws.value);
  if (!parsed.ok) throw new Error('request is not a JWS');
  return {
    nonce: String(parsed.value.payload.nonce),
    clientId: String(parsed.value.payload.client_id),
    vouch: parsed.value.payload.vouch as Record<string, unknown>,
  };
}
