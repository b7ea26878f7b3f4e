/**
 * The presentation response (wallet → verifier; docs/protocol.md §Response), UTF-8 JSON in the
 * OpenID4VP 1.0 shape (§8.1: `vp_token` is an object keyed by DCQL credential query id, each
 * value an array of presentations), plus Vouch's member for declared facts (issue 5):
 *
 *   {"vp_token":{"<query id>":["<SD-JWT presentation>",…]},"state"?:"…","vouch"?:{"declared"?:{…},"receipt"?:"…"}}
 *
 * Members are written in this order. Parsing is strict and total: unknown members, wrong types,
 * more than MAX_RESPONSE_BYTES, or declared values that are not primitives are `malformed`, with a
 * message naming the member and the value.
 */
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { shortValue as show } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { isDcqlId, MAX_DCQL_CREDENTIALS } from './dcql.ts';
import { MAX_STATE_LENGTH } from './request.ts';

export const MAX_RESPONSE_BYTES = 256 * 1024;
export const MAX_PRESENTATIONS_PER_QUERY = 16;
export const MAX_DECLARED_FACTS = 64;
export const MAX_DECLARED_NAME_LENGTH = 64;
export const MAX_DECLARED_TEXT_LENGTH = 500;

/** A declared fact: text, a finite number, a truth value or null. */
export type DeclaredValue = string | number | boolean | null;

export interface PresentationResponse {
  vpToken: Record<string, string[]>;
  state?: string;
  /** Facts the citizen declares (issue 5): values are DeclaredValue, checked on encode and parse. */
  declared?: Record<string, unknown>;
  /**
   * `vouch.receipt`: the wallet's half of an application receipt in a QR answer (issue 14,
   * docs/evidence.md §Flows), opaque here: base64url text and dots, at most 1,024 characters.
   */
  receipt?: string;
}

const RECEIPT_HALF = /^[A-Za-z0-9_.-]{1,1024}$/;

const PRESENTATION = /^[A-Za-z0-9_.~-]+$/;

export function encodePresentationResponse(r: PresentationResponse): Uint8Array {
  const problem = checkResponse(r.vpToken, r.state, r.declared);
  if (problem) throw new TypeError(`encodePresentationResponse: ${problem}`);
  if (r.receipt !== undefined && !RECEIPT_HALF.test(r.receipt)) {
    throw new TypeError('encodePresentationResponse: "vouch.receipt" is not a receipt half');
  }
  const json: Record<string, unknown> = { vp_token: r.vpToken };
  if (r.state !== undefined) json.state = r.state;
  if (r.declared !== undefined || r.receipt !== undefined) {
    json.vouch = {
      ...(r.declared === undefined ? {} : { declared: r.declared }),
      ...(r.receipt === undefined ? {} : { receipt: r.receipt }),
    };
  }
  return utf8ToBytes(JSON.stringify(json));
}

export function parsePresentationResponse(
  bytes: Uint8Array,
): Result<PresentationResponse, 'malformed', { message: string }> {
  const bad = (message: string) => failedWith('malformed', { message });
  if (!(bytes instanceof Uint8Array)) return bad('expected bytes');
  if (bytes.length > MAX_RESPONSE_BYTES) {
    return bad(`the response is ${bytes.length} bytes; at most ${MAX_RESPONSE_BYTES}`);
  }
  const text = bytesToUtf8(bytes);
  if (!text.ok) return bad(`the response is not UTF-8 text: ${text.detail.message}`);
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return bad('the response is not JSON');
  }
  if (!isPlainObject(json)) return bad(`the response is not a JSON object, got ${show(json)}`);
  const unknown = Object.keys(json).find((key) => !['vp_token', 'state', 'vouch'].includes(key));
  if (unknown !== undefined) return bad(`unknown member ${show(unknown)} in the response`);
  const { vp_token: vpToken, state, vouch } = json;
  if (!isPlainObject(vpToken)) {
    return bad(`"vp_token" expected an object of presentations by query id, got ${show(vpToken)}`);
  }
  let declared: unknown;
  let receipt: unknown;
  if (vouch !== undefined) {
    if (!isPlainObject(vouch)) return bad(`"vouch" expected an object, got ${show(vouch)}`);
    const member = Object.keys(vouch).find((key) => key !== 'declared' && key !== 'receipt');
    if (member !== undefined) return bad(`unknown member "vouch.${member}" in the response`);
    declared = vouch.declared;
    receipt = vouch.receipt;
    if (declared === undefined && receipt === undefined)
      return bad('"vouch" has no "declared" and no "receipt"');
    if (receipt !== undefined && (typeof receipt !== 'string' || !RECEIPT_HALF.test(receipt)))
      return bad(
        `"vouch.receipt" expected a receipt half (base64url and dots), got ${show(receipt)}`,
      );
  }
  const problem = checkResponse(vpToken, state, declared);
  if (problem) return bad(problem);
  return ok({
    vpToken: Object.fromEntries(
      Object.entries(vpToken as Record<string, string[]>).map(([id, list]) => [id, [...list]]),
    ),
    ...(state === undefined ? {} : { state: state as string }),
    ...(declared === undefined
      ? {}
      : { declared: Object.fromEntries(Object.entries(declared as object)) }),
    ...(receipt === undefined ? {} : { receipt: receipt as string }),
  });
}

/**
 * The response parameters as a Response URI or an encrypted response carries them (OpenID4VP §8.1,
 * §8.2, §8.3): `vp_token` (a JSON object, or its JSON text in a form), `state`, and Vouch's `vouch`
 * (`{"declared":{…}}`, object or JSON text). Unrecognised parameters are ignored (§8.1: the client
 * MUST ignore them); the members read are checked as strictly as parsePresentationResponse does.
 */
export function readResponseParameters(
  params: Readonly<Record<string, unknown>>,
): Result<PresentationResponse, 'malformed', { message: string }> {
  const bad = (message: string) => failedWith('malformed', { message });
  if (!isPlainObject(params)) return bad(`expected response parameters, got ${show(params)}`);
  const json = (
    value: unknown,
    name: string,
  ): Result<unknown, 'malformed', { message: string }> => {
    if (typeof value !== 'string') return ok(value);
    if (value.length > MAX_RESPONSE_BYTES) {
      return bad(`"${name}" is ${value.length} characters; at most ${MAX_RESPONSE_BYTES}`);
    }
    try {
      return ok(JSON.parse(value));
    } catch {
      return bad(`"${name}" is not JSON`);
    }
  };
  const vpToken = json(params.vp_token, 'vp_token');
  if (!vpToken.ok) return vpToken;
  const vouch = json(params.vouch, 'vouch');
  if (!vouch.ok) return vouch;
  const { state } = params;
  let declared: unknown;
  if (vouch.value !== undefined) {
    if (!isPlainObject(vouch.value))
      return bad(`"vouch" expected an object, got ${show(vouch.value)}`);
    declared = vouch.value.declared;
  }
  const problem = checkResponse(vpToken.value, state, declared);
  if (problem) return bad(problem);
  return ok({
    vpToken: Object.fromEntries(
      Object.entries(vpToken.value as Record<string, string[]>).map(([id, list]) => [
        id,
        [...list],
      ]),
    ),
    ...(state === undefined ? {} : { state: state as string }),
    ...(declared === undefined
      ? {}
      : { declared: Object.fromEntries(Object.entries(declared as object)) }),
  });
}

function checkResponse(vpToken: unknown, state: unknown, declared: unknown): string | undefined {
  if (!isPlainObject(vpToken)) return `"vp_token" expected an object, got ${show(vpToken)}`;
  const entries = Object.entries(vpToken);
  if (entries.length === 0) return '"vp_token" holds no presentation';
  if (entries.length > MAX_DCQL_CREDENTIALS) {
    return `"vp_token" has ${entries.length} query ids; at most ${MAX_DCQL_CREDENTIALS}`;
  }
  for (const [id, list] of entries) {
    if (!isDcqlId(id)) return `"vp_token" key ${show(id)} is not a DCQL credential query id`;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PRESENTATIONS_PER_QUERY) {
      return `"vp_token.${id}" expected 1…${MAX_PRESENTATIONS_PER_QUERY} presentations, got ${show(list)}`;
    }
    for (const [index, presentation] of list.entries()) {
      if (typeof presentation !== 'string' || !PRESENTATION.test(presentation)) {
        return `"vp_token.${id}[${index}]" expected an SD-JWT presentation, got ${show(presentation)}`;
      }
    }
  }
  if (state !== undefined) {
    if (typeof state !== 'string' || state.length === 0 || state.length > MAX_STATE_LENGTH) {
      return `"state" expected 1…${MAX_STATE_LENGTH} characters, got ${show(state)}`;
    }
  }
  if (declared !== undefined) {
    if (!isPlainObject(declared))
      return `"vouch.declared" expected an object, got ${show(declared)}`;
    const facts = Object.entries(declared);
    if (facts.length > MAX_DECLARED_FACTS) {
      return `"vouch.declared" has ${facts.length} facts; at most ${MAX_DECLARED_FACTS}`;
    }
    for (const [name, value] of facts) {
      if (name.length === 0 || name.length > MAX_DECLARED_NAME_LENGTH || name === '__proto__') {
        return `"vouch.declared" name ${show(name)} expected 1…${MAX_DECLARED_NAME_LENGTH} characters`;
      }
      const primitive =
        value === null ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && value.length <= MAX_DECLARED_TEXT_LENGTH);
      if (!primitive) {
        return `"vouch.declared.${name}" expected text (≤ ${MAX_DECLARED_TEXT_LENGTH}), a number, true/false or null, got ${show(value)}`;
      }
    }
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
