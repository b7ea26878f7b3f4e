/**
 * `vouch inspect <file>`: what a file holds, decoded, as JSON. No signature is checked (that is
 * `vouch verify`, issue 4). Accepts an SD-JWT, a W3C VC-JWT or VP-JWT (docs/w3c-vc.md), any other
 * JWS/JWT, an offer (JSON) or Vouch text.
 */
import { decodeCompactJws } from '../../core/jose/index.ts';
import { bytesToUtf8 } from '../../core/encoding/utf8.ts';
import { parseCredentialOffer, MAX_OFFER_BYTES } from '../../core/protocol/index.ts';
import { parseSdJwt } from '../../core/sd-jwt/index.ts';
import { decodeFromText } from '../../core/transport/index.ts';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import { CommandFailure, EXIT_OK } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { readTextFile } from '../shared/inputs.ts';

const MAX_INSPECT_BYTES = 4 * 1024 * 1024;

export const inspect: CommandSpec = {
  path: ['inspect'],
  summary: 'Decode an SD-JWT, VC-JWT, VP-JWT, JWS/JWT, offer or VOUCH text file as JSON.',
  description: [
    'Prints {"type", …}: for an SD-JWT its header, payload and disclosures (salt, name, value,',
    'digest); for a W3C VC-JWT its header, payload and what it says (credential type, issuer,',
    'subject, claims, dates, status entry); for a VP-JWT its header, payload and each credential',
    'inside, described the same way; for another JWS its header and payload; for an offer its',
    'members and the decoded credential; for VOUCH text its kind and payload. Signatures are NOT',
    'checked here.',
  ].join('\n'),
  flags: [],
  args: [{ name: 'file', description: 'The file to decode.', required: true }],
  examples: ['vouch inspect alice.vouch', 'vouch issue … > cred.txt && vouch inspect cred.txt'],
  async run({ args, io }) {
    const path = args[0] as string;
    const text = (await readTextFile(path, 'inspect', MAX_INSPECT_BYTES)).trim();
    const described = describeText(text);
    const jws = described.type === 'jws' ? (described as unknown as DescribedJws) : undefined;
    const w3c = jws === undefined ? undefined : await describeW3c(text, jws);
    io.stdout(`${JSON.stringify(w3c ?? described, null, 2)}\n`);
    return EXIT_OK;
  },
};

function describeText(text: string): Record<string, unknown> {
  if (text.startsWith('VOUCH') || text.includes('#receive=VOUCH')) {
    const decoded = decodeFromText(text);
    if (!decoded.ok)
      throw new CommandFailure(
        `not readable Vouch text (${decoded.reason}): ${decoded.detail.message}`,
      );
    const { kind, payload } = decoded.value;
    if (kind === 'offer')
      return {
        type: 'vouch-text',
        kind,
        payloadBytes: payload.length,
        offer: describeOffer(payload),
      };
    const inner = bytesToUtf8(payload);
    if (!inner.ok) return { type: 'vouch-text', kind, payloadBytes: payload.length };
    return {
      type: 'vouch-text',
      kind,
      payloadBytes: payload.length,
      payload: describeText(inner.value.trim()),
    };
  }
  if (text.startsWith('{')) {
    const bytes = utf8ToBytes(text);
    if (bytes.length > MAX_OFFER_BYTES)
      throw new CommandFailure(
        `the JSON is ${bytes.length} bytes; an offer is at most ${MAX_OFFER_BYTES}`,
      );
    return describeOffer(bytes);
  }
  if (text.includes('~')) return describeSdJwt(text);
  if (text.split('.').length === 3) {
    const jws = decodeCompactJws(text);
    if (!jws.ok)
      throw new CommandFailure(`not a readable JWS (${jws.reason}): ${jws.detail.message}`);
    return { type: 'jws', header: jws.value.header, payload: jws.value.payload };
  }
  throw new CommandFailure(
    'the file holds neither an SD-JWT, a JWS/JWT, a credential offer nor VOUCH text',
  );
}

interface DescribedJws {
  type: 'jws';
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/**
 * A JWS whose payload has `vc` (a VC-JWT) or `vp` (a VP-JWT), described with what it says; did-jwt-vc
 * is loaded only for such a JWS. Anything else: undefined (it stays a plain JWS).
 */
async function describeW3c(
  text: string,
  jws: DescribedJws,
): Promise<Record<string, unknown> | undefined> {
  const { payload } = jws;
  const isObject = (value: unknown) => typeof value === 'object' && value !== null;
  if (!isObject(payload.vc) && !isObject(payload.vp)) return undefined;
  const w3c = await import('../../core/w3c/index.ts');
  const describeVc = (jwt: string): Record<string, unknown> => {
    const read = w3c.readVcJwt(jwt);
    if (!read.ok)
      throw new CommandFailure(`not a readable VC-JWT (${read.reason}): ${read.detail.message}`);
    const decoded = decodeCompactJws(jwt);
    if (!decoded.ok)
      throw new CommandFailure(
        `not a readable VC-JWT (${decoded.reason}): ${decoded.detail.message}`,
      );
    const vc = read.value;
    return {
      type: 'vc-jwt',
      header: decoded.value.header,
      payload: decoded.value.payload,
      credential: {
        types: vc.types,
        ...(vc.typeId === undefined ? {} : { credentialType: vc.typeId }),
        ...(vc.vct === undefined ? {} : { vct: vc.vct }),
        issuer: vc.issuer,
        subject: vc.subject ?? null,
        claims: vc.claims,
        ...(vc.issuedAt === undefined ? {} : { issuedAt: vc.issuedAt.toISOString() }),
        ...(vc.expiresAt === undefined ? {} : { expiresAt: vc.expiresAt.toISOString() }),
        ...(vc.status === undefined ? {} : { status: vc.status }),
      },
    };
  };
  if (isObject(payload.vc)) return describeVc(text);
  const inner = (payload.vp as Record<string, unknown>).verifiableCredential;
  const list = Array.isArray(inner) ? inner : inner === undefined ? [] : [inner];
  return {
    type: 'vp-jwt',
    header: jws.header,
    payload,
    credentials: list.map((item) =>
      typeof item === 'string'
        ? describeVc(item)
        : { type: 'embedded', note: 'not a VC-JWT (a JSON-LD credential?)', value: item },
    ),
  };
}

function describeOffer(bytes: Uint8Array): Record<string, unknown> {
  const offer = parseCredentialOffer(bytes);
  if (!offer.ok)
    throw new CommandFailure(`not a readable credential offer: ${offer.detail.message}`);
  const { credential, format } = offer.value;
  return {
    type: 'vouch-credential-offer',
    format,
    relationship: offer.value.relationship,
    child_index: offer.value.childIndex,
    credential:
      format === 'jwt_vc_json' ? describeVcJwtShape(credential) : describeSdJwt(credential),
  };
}

/** A VC-JWT in an offer: its header and payload (signature not checked, as everywhere here). */
function describeVcJwtShape(text: string): Record<string, unknown> {
  const jws = decodeCompactJws(text);
  if (!jws.ok)
    throw new CommandFailure(`not a readable VC-JWT (${jws.reason}): ${jws.detail.message}`);
  return { type: 'vc-jwt', header: jws.value.header, payload: jws.value.payload };
}

function describeSdJwt(text: string): Record<string, unknown> {
  const parsed = parseSdJwt(text);
  if (!parsed.ok)
    throw new CommandFailure(`not a readable SD-JWT (${parsed.reason}): ${parsed.detail.message}`);
  const { header, payload, disclosures, keyBindingJwt } = parsed.value;
  return {
    type: 'sd-jwt',
    header,
    payload,
    disclosures: disclosures.map((d) => ({
      salt: d.salt,
      name: d.name,
      value: d.value,
      digest: d.digest,
    })),
    ...(keyBindingJwt === undefined ? {} : { keyBindingJwt }),
  };
}
