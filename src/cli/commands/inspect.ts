/**
 * `vouch inspect <file>`: what a file holds, decoded, as JSON. No signature is checked (that is
 * `vouch verify`, issue 4). Accepts an SD-JWT, a JWS/JWT, an offer (JSON) or Vouch text.
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
  summary: 'Decode an SD-JWT, JWS/JWT, offer or VOUCH text file and print it as JSON.',
  description: [
    'Prints {"type", …}: for an SD-JWT its header, payload and disclosures (salt, name, value,',
    'digest); for a JWS its header and payload; for an offer its members and the decoded',
    'credential; for VOUCH text its kind and payload. Signatures are NOT checked here.',
  ].join('\n'),
  flags: [],
  args: [{ name: 'file', description: 'The file to decode.', required: true }],
  examples: ['vouch inspect alice.vouch', 'vouch issue … > cred.txt && vouch inspect cred.txt'],
  async run({ args, io }) {
    const path = args[0] as string;
    const text = (await readTextFile(path, 'inspect', MAX_INSPECT_BYTES)).trim();
    io.stdout(`${JSON.stringify(describeText(text), null, 2)}\n`);
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

function describeOffer(bytes: Uint8Array): Record<string, unknown> {
  const offer = parseCredentialOffer(bytes);
  if (!offer.ok)
    throw new CommandFailure(`not a readable credential offer: ${offer.detail.message}`);
  return {
    type: 'vouch-credential-offer',
    relationship: offer.value.relationship,
    child_index: offer.value.childIndex,
    credential: describeSdJwt(offer.value.credential),
  };
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
