/**
 * DCQL, the Digital Credentials Query Language (OpenID4VP 1.0 §6), the subset Vouch speaks
 * (docs/protocol.md §DCQL):
 *
 *   { "credentials": [ { "id": "income", "format": "dc+sd-jwt",
 *       "meta": { "vct_values": ["urn:vouch:income-statement:1"] },
 *       "claims": [ { "id": "period", "path": ["period"] }, … ],
 *       "claim_sets": [ ["period", "net_wage_cents", "employee_name"], ["period", "net_wage_cents"] ] } ] }
 *
 * Optional claims are standard DCQL `claim_sets` (§6.4.1: the wallet returns the first set it can
 * satisfy): Vouch writes the first set with every claim and the last with only the required
 * ones, and reads required = the claims in every set, optional = the others.
 *
 * W3C VCs as JWT (docs/w3c-vc.md §DCQL, OpenID4VP 1.0 §B.1): `format: "jwt_vc_json"`,
 * `meta.type_values` (the credential's `type` must include every type of one of the inner arrays),
 * claim paths `["credentialSubject", "<claim>"]`. `dcqlForW3cClaims` builds such a query and
 * `dcqlForEitherFormat` asks for one credential in either format (two queries and a
 * `credential_sets` with the two as options, SD-JWT VC first).
 *
 * `checkDcqlShape` checks the general DCQL shape (what any request may carry); `readDcqlNeeds`
 * accepts only what this wallet supports and says `unsupported-query` for anything else.
 */
import { shortValue as show } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

export const DCQL_FORMAT_SD_JWT_VC = 'dc+sd-jwt';
export const DCQL_FORMAT_W3C_JWT = 'jwt_vc_json';
/** The credential formats this wallet answers. */
export type DcqlFormat = typeof DCQL_FORMAT_SD_JWT_VC | typeof DCQL_FORMAT_W3C_JWT;
/** The first path element of a W3C VC's claim (OpenID4VP 1.0 §B.1.1). */
export const W3C_CLAIMS_PATH = 'credentialSubject';
/** Caps on what a request may ask for (far above a real query). */
export const MAX_DCQL_CREDENTIALS = 16;
export const MAX_DCQL_CLAIMS = 64;
export const MAX_DCQL_CLAIM_SETS = 16;
export const MAX_DCQL_VCT_VALUES = 16;
/** Caps on `meta.type_values`: alternatives, and types in one alternative. */
export const MAX_DCQL_TYPE_VALUES = 16;
export const MAX_DCQL_ID_LENGTH = 64;
export const MAX_DCQL_TEXT_LENGTH = 256;

/** OpenID4VP 1.0 §6.1, §6.3: ids are non-empty strings of alphanumerics, "_" and "-". */
const DCQL_ID = /^[A-Za-z0-9_-]+$/;

export interface DcqlClaimQuery {
  id?: string;
  path: (string | number | null)[];
  values?: unknown[];
}

export interface DcqlCredentialQuery {
  id: string;
  format: string;
  meta?: { vct_values?: string[]; type_values?: string[][]; [member: string]: unknown };
  claims?: DcqlClaimQuery[];
  claim_sets?: string[][];
  multiple?: boolean;
  require_cryptographic_holder_binding?: boolean;
  [member: string]: unknown;
}

export interface DcqlQuery {
  credentials: DcqlCredentialQuery[];
  credential_sets?: unknown[];
  [member: string]: unknown;
}

/** What one credential query asks of the wallet: top-level claim names, required or optional. */
export interface DcqlCredentialNeed {
  queryId: string;
  /** The format asked for: an SD-JWT VC or a W3C VC-JWT. */
  format: DcqlFormat;
  /** Acceptable `vct` values (dc+sd-jwt); empty means any (and always empty for jwt_vc_json). */
  vct: readonly string[];
  /**
   * jwt_vc_json only: `meta.type_values`, alternatives of types the credential's `type` must all
   * include (§B.1.1); empty means any.
   */
  types?: readonly (readonly string[])[];
  required: string[];
  optional: string[];
  /**
   * Claims whose value is fixed by the query (DCQL `values`, §6.3): the credential matches only when
   * the claim equals one of these (e.g. the income statement of one month).
   */
  values?: Readonly<Record<string, readonly DcqlValue[]>>;
}

/** A value a claim may be asked to equal (DCQL allows strings, integers and booleans). */
export type DcqlValue = string | number | boolean;
export const MAX_DCQL_CLAIM_VALUES = 20;

type Problem = { message: string };

export function isDcqlId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_DCQL_ID_LENGTH && DCQL_ID.test(value);
}

/**
 * A DCQL query for one credential of type `vct`: claim paths are the top-level claim names,
 * claim ids the names themselves (or `c<n>` when a name is not a valid DCQL id). With optional
 * claims, `claim_sets` is `[every claim, required only]`.
 */
export function dcqlForClaims(opts: {
  id: string;
  vct: string;
  required: readonly string[];
  optional: readonly string[];
  /** Values a required claim must equal (e.g. `{ period: ['2025-07'] }`). */
  values?: Readonly<Record<string, readonly DcqlValue[]>>;
}): DcqlQuery {
  const { vct } = opts;
  if (typeof vct !== 'string' || vct.length === 0 || vct.length > MAX_DCQL_TEXT_LENGTH) {
    throw new TypeError(
      `"vct" expected 1…${MAX_DCQL_TEXT_LENGTH} characters, got ${JSON.stringify(vct)}`,
    );
  }
  return {
    credentials: [
      credentialQueryFor({
        ...opts,
        format: DCQL_FORMAT_SD_JWT_VC,
        meta: { vct_values: [vct] },
        pathOf: (name) => [name],
      }),
    ],
  };
}

/**
 * The same for a W3C VC-JWT (`jwt_vc_json`, docs/w3c-vc.md §DCQL): `meta.type_values` is
 * `[types]` (e.g. `["VerifiableCredential", "VouchDiploma"]`), claim paths are
 * `["credentialSubject", name]`.
 */
export function dcqlForW3cClaims(opts: {
  id: string;
  /** The types the credential's `type` must include, e.g. `["VerifiableCredential", "VouchDiploma"]`. */
  types: readonly string[];
  required: readonly string[];
  optional: readonly string[];
  values?: Readonly<Record<string, readonly DcqlValue[]>>;
}): DcqlQuery {
  return { credentials: [w3cCredentialQuery(opts)] };
}

/**
 * One credential in either format: the SD-JWT VC query `id` (type `vct`) and the W3C VC-JWT query
 * `<id>_w3c` (types `["VerifiableCredential", w3cType]`), with the same claims, and
 * `credential_sets: [{ options: [[id], [<id>_w3c]] }]` (the wallet answers the first option it
 * can: SD-JWT VC, which discloses less, when it holds both). The verifier desk's diploma request.
 */
export function dcqlForEitherFormat(opts: {
  id: string;
  vct: string;
  /** The W3C type term of the same credential type, e.g. "VouchDiploma". */
  w3cType: string;
  required: readonly string[];
  optional: readonly string[];
  values?: Readonly<Record<string, readonly DcqlValue[]>>;
}): DcqlQuery {
  const { w3cType, ...common } = opts;
  const sdJwt = dcqlForClaims(common).credentials[0] as DcqlCredentialQuery;
  const w3cId = `${opts.id}_w3c`;
  const w3c = w3cCredentialQuery({
    ...common,
    id: w3cId,
    types: ['VerifiableCredential', w3cType],
  });
  return {
    credentials: [sdJwt, w3c],
    credential_sets: [{ options: [[opts.id], [w3cId]] }],
  };
}

function w3cCredentialQuery(opts: {
  id: string;
  types: readonly string[];
  required: readonly string[];
  optional: readonly string[];
  values?: Readonly<Record<string, readonly DcqlValue[]>>;
}): DcqlCredentialQuery {
  const { types } = opts;
  if (
    !Array.isArray(types) ||
    types.length === 0 ||
    types.length > MAX_DCQL_TYPE_VALUES ||
    !types.every((t) => typeof t === 'string' && t.length > 0 && t.length <= MAX_DCQL_TEXT_LENGTH)
  ) {
    throw new TypeError(
      `"types" expected 1…${MAX_DCQL_TYPE_VALUES} type names, got ${JSON.stringify(types)}`,
    );
  }
  return credentialQueryFor({
    ...opts,
    format: DCQL_FORMAT_W3C_JWT,
    meta: { type_values: [[...types]] },
    pathOf: (name) => [W3C_CLAIMS_PATH, name],
  });
}

function credentialQueryFor(opts: {
  id: string;
  format: DcqlFormat;
  meta: DcqlCredentialQuery['meta'];
  pathOf: (name: string) => string[];
  required: readonly string[];
  optional: readonly string[];
  values?: Readonly<Record<string, readonly DcqlValue[]>>;
}): DcqlCredentialQuery {
  const { id, required, optional, values = {} } = opts;
  for (const [name, allowed] of Object.entries(values)) {
    if (!required.includes(name)) {
      throw new TypeError(
        `values are given for ${JSON.stringify(name)}, which is not a required claim`,
      );
    }
    if (!isDcqlValueList(allowed)) {
      throw new TypeError(
        `values for ${JSON.stringify(name)} expected 1…${MAX_DCQL_CLAIM_VALUES} strings, integers or booleans`,
      );
    }
  }
  if (!isDcqlId(id)) {
    throw new TypeError(`"id" expected 1…64 of A-Z a-z 0-9 _ -, got ${JSON.stringify(id)}`);
  }
  const names = [...required, ...optional];
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_DCQL_TEXT_LENGTH) {
      throw new TypeError(
        `claim name expected 1…${MAX_DCQL_TEXT_LENGTH} characters, got ${JSON.stringify(name)}`,
      );
    }
    if (seen.has(name)) throw new TypeError(`claim ${JSON.stringify(name)} is asked for twice`);
    seen.add(name);
  }
  if (names.length > MAX_DCQL_CLAIMS) {
    throw new RangeError(`at most ${MAX_DCQL_CLAIMS} claims, got ${names.length}`);
  }
  const used = new Set(names.filter(isDcqlId));
  const claimId = (name: string, index: number) => {
    if (isDcqlId(name)) return name;
    let id = `c${index}`;
    while (used.has(id)) id = `${id}_`;
    used.add(id);
    return id;
  };
  const claims = names.map((name, index) => ({
    id: claimId(name, index),
    path: opts.pathOf(name),
    ...(values[name] ? { values: [...(values[name] as readonly DcqlValue[])] } : {}),
  }));
  const credential: DcqlCredentialQuery = {
    id,
    format: opts.format,
    meta: opts.meta,
    claims,
  };
  if (optional.length > 0) {
    credential.claim_sets = [
      claims.map((claim) => claim.id),
      claims.slice(0, required.length).map((claim) => claim.id),
    ];
  }
  return credential;
}

/** The general DCQL shape (§6.1–6.4), with caps; no judgement on what is supported. */
export function checkDcqlShape(query: unknown): Result<DcqlQuery, 'malformed', Problem> {
  const bad = (message: string) => failedWith('malformed', { message });
  if (!isPlainObject(query)) return bad(`"dcql_query" expected a JSON object, got ${show(query)}`);
  const { credentials, credential_sets: credentialSets } = query;
  if (!Array.isArray(credentials) || credentials.length === 0) {
    return bad(`"dcql_query.credentials" expected a non-empty array, got ${show(credentials)}`);
  }
  if (credentials.length > MAX_DCQL_CREDENTIALS) {
    return bad(
      `"dcql_query.credentials" has ${credentials.length} entries; at most ${MAX_DCQL_CREDENTIALS}`,
    );
  }
  const ids = new Set<string>();
  for (const [index, credential] of credentials.entries()) {
    const at = `"dcql_query.credentials[${index}]`;
    if (!isPlainObject(credential))
      return bad(`${at}" expected an object, got ${show(credential)}`);
    if (!isDcqlId(credential.id)) {
      return bad(`${at}.id" expected 1…64 of A-Z a-z 0-9 _ -, got ${show(credential.id)}`);
    }
    if (ids.has(credential.id)) return bad(`${at}.id" ${show(credential.id)} is used twice`);
    ids.add(credential.id);
    if (typeof credential.format !== 'string' || credential.format.length > MAX_DCQL_TEXT_LENGTH) {
      return bad(`${at}.format" expected text, got ${show(credential.format)}`);
    }
    if (credential.claims !== undefined) {
      if (!Array.isArray(credential.claims) || credential.claims.length === 0) {
        return bad(`${at}.claims" expected a non-empty array, got ${show(credential.claims)}`);
      }
      if (credential.claims.length > MAX_DCQL_CLAIMS) {
        return bad(
          `${at}.claims" has ${credential.claims.length} entries; at most ${MAX_DCQL_CLAIMS}`,
        );
      }
      for (const [claimIndex, claim] of credential.claims.entries()) {
        const claimAt = `${at}.claims[${claimIndex}]`;
        if (!isPlainObject(claim)) return bad(`${claimAt}" expected an object, got ${show(claim)}`);
        if (claim.id !== undefined && !isDcqlId(claim.id)) {
          return bad(`${claimAt}.id" expected 1…64 of A-Z a-z 0-9 _ -, got ${show(claim.id)}`);
        }
        if (!Array.isArray(claim.path) || claim.path.length === 0 || claim.path.length > 16) {
          return bad(`${claimAt}.path" expected a non-empty array, got ${show(claim.path)}`);
        }
      }
    }
    if (credential.claim_sets !== undefined) {
      const sets = credential.claim_sets;
      if (!Array.isArray(sets) || sets.length === 0 || sets.length > MAX_DCQL_CLAIM_SETS) {
        return bad(
          `${at}.claim_sets" expected 1…${MAX_DCQL_CLAIM_SETS} arrays of claim ids, got ${show(sets)}`,
        );
      }
      for (const [setIndex, set] of sets.entries()) {
        if (!Array.isArray(set) || set.length > MAX_DCQL_CLAIMS || !set.every(isDcqlId)) {
          return bad(
            `${at}.claim_sets[${setIndex}]" expected an array of claim ids, got ${show(set)}`,
          );
        }
      }
    }
  }
  if (credentialSets !== undefined && !Array.isArray(credentialSets)) {
    return bad(`"dcql_query.credential_sets" expected an array, got ${show(credentialSets)}`);
  }
  return ok(query as DcqlQuery);
}

/**
 * DCQL members Vouch knows and does not support (refused, naming them). Any other unknown member
 * is ignored: OpenID4VP §6 "Implementations MUST ignore any unknown properties".
 */
const UNSUPPORTED_QUERY_MEMBERS: readonly string[] = [];
const UNSUPPORTED_CREDENTIAL_MEMBERS = ['trusted_authorities'];

/**
 * What each credential query needs, when it stays within what Vouch supports: format
 * `dc+sd-jwt` with `meta.vct_values` and claims whose path is one claim name, or `jwt_vc_json`
 * with `meta.type_values` and claims whose path is `["credentialSubject", name]`; optional
 * `claim_sets`.
 * `multiple` and `require_cryptographic_holder_binding` are read (Vouch answers with one bound
 * presentation); unknown members are ignored (§6), a claim named twice is read once (§6.3), a claim
 * in no claim set is not asked. `credential_sets` is checked here and applied by
 * selectDcqlCredentials. Known features Vouch does not support (another format, nested paths,
 * trusted_authorities) are `unsupported-query`, with a message naming them.
 */
export function readDcqlNeeds(
  query: DcqlQuery,
): Result<DcqlCredentialNeed[], 'unsupported-query', Problem> {
  const unsupported = (message: string) => failedWith('unsupported-query', { message });
  const shape = checkDcqlShape(query);
  if (!shape.ok) return unsupported(shape.detail.message);
  const extra = Object.keys(shape.value).find((key) => UNSUPPORTED_QUERY_MEMBERS.includes(key));
  if (extra !== undefined) return unsupported(`"dcql_query.${extra}" is not supported`);
  const sets = readDcqlCredentialSets(shape.value);
  if (!sets.ok) return sets;
  const needs: DcqlCredentialNeed[] = [];
  for (const [index, credential] of shape.value.credentials.entries()) {
    const at = `"dcql_query.credentials[${index}]`;
    const member = Object.keys(credential).find((key) =>
      UNSUPPORTED_CREDENTIAL_MEMBERS.includes(key),
    );
    if (member !== undefined) return unsupported(`${at}.${member}" is not supported`);
    const format = credential.format;
    if (format !== DCQL_FORMAT_SD_JWT_VC && format !== DCQL_FORMAT_W3C_JWT) {
      return unsupported(
        `${at}.format" ${show(format)} is not supported (only "${DCQL_FORMAT_SD_JWT_VC}" and "${DCQL_FORMAT_W3C_JWT}")`,
      );
    }
    const w3c = format === DCQL_FORMAT_W3C_JWT;
    // `multiple: true` allows one or more presentations: Vouch answers with one. A query that does
    // not require holder binding still takes a bound presentation: Vouch always binds.
    if (credential.multiple !== undefined && typeof credential.multiple !== 'boolean') {
      return unsupported(
        `${at}.multiple" expected true or false, got ${show(credential.multiple)}`,
      );
    }
    const binding = credential.require_cryptographic_holder_binding;
    if (binding !== undefined && typeof binding !== 'boolean') {
      return unsupported(
        `${at}.require_cryptographic_holder_binding" expected true or false, got ${show(binding)}`,
      );
    }
    // Each format reads its own meta member (§B.1.1, §B.3.5); the other one is ignored.
    const vct = w3c ? ok([]) : readVctValues(credential.meta, at);
    if (!vct.ok) return vct;
    const types = w3c ? readTypeValues(credential.meta, at) : ok(undefined);
    if (!types.ok) return types;
    const claims = readClaims(credential.claims ?? [], at, w3c);
    if (!claims.ok) return claims;
    const split = splitByClaimSets(claims.value, credential.claim_sets, at);
    if (!split.ok) return split;
    const fixed = Object.fromEntries(
      claims.value
        .filter((claim) => claim.values)
        .map((claim) => [claim.name, claim.values as DcqlValue[]]),
    );
    const optionalFixed = split.value.optional.find((name) => name in fixed);
    if (optionalFixed !== undefined) {
      return unsupported(
        `${at}.claims" fixes the values of the optional claim ${show(optionalFixed)}`,
      );
    }
    needs.push({
      queryId: credential.id,
      format,
      vct: vct.value,
      ...(types.value === undefined ? {} : { types: types.value }),
      ...split.value,
      ...(Object.keys(fixed).length > 0 ? { values: fixed } : {}),
    });
  }
  return ok(needs);
}

/** One credential set query (§6.2): alternatives (`options`) of credential query ids. */
export interface DcqlCredentialSet {
  readonly options: readonly (readonly string[])[];
  readonly required: boolean;
}

/** The query's `credential_sets`, checked against its credential ids (undefined when absent). */
export function readDcqlCredentialSets(
  query: DcqlQuery,
): Result<DcqlCredentialSet[] | undefined, 'unsupported-query', Problem> {
  const unsupported = (message: string) => failedWith('unsupported-query', { message });
  const sets = query.credential_sets;
  if (sets === undefined) return ok(undefined);
  if (!Array.isArray(sets) || sets.length === 0 || sets.length > MAX_DCQL_CREDENTIALS) {
    return unsupported(
      `"dcql_query.credential_sets" expected 1…${MAX_DCQL_CREDENTIALS} set queries, got ${show(sets)}`,
    );
  }
  const ids = new Set(query.credentials.map((credential) => credential.id));
  const read: DcqlCredentialSet[] = [];
  for (const [index, set] of sets.entries()) {
    const at = `"dcql_query.credential_sets[${index}]`;
    if (!isPlainObject(set)) return unsupported(`${at}" expected an object, got ${show(set)}`);
    const { options, required } = set;
    if (required !== undefined && typeof required !== 'boolean') {
      return unsupported(`${at}.required" expected true or false, got ${show(required)}`);
    }
    if (!Array.isArray(options) || options.length === 0 || options.length > MAX_DCQL_CLAIM_SETS) {
      return unsupported(
        `${at}.options" expected 1…${MAX_DCQL_CLAIM_SETS} lists of credential query ids, got ${show(options)}`,
      );
    }
    for (const [optionIndex, option] of options.entries()) {
      if (
        !Array.isArray(option) ||
        option.length === 0 ||
        option.length > MAX_DCQL_CREDENTIALS ||
        !option.every((id) => typeof id === 'string' && ids.has(id))
      ) {
        return unsupported(
          `${at}.options[${optionIndex}]" expected credential query ids of this query, got ${show(option)}`,
        );
      }
    }
    read.push({
      options: (options as string[][]).map((option) => [...option]),
      required: required !== false,
    });
  }
  return ok(read);
}

/**
 * Which credential queries to answer (§6.4.2). Without credential_sets: all of them. With them:
 * for every required set, its first option whose queries can all be answered (or, when none can,
 * its first option, so that the wallet shows what is missing); optional sets are left out (the
 * least the verifier accepts). The ids come back in the order of `credentials`.
 */
export function selectDcqlCredentials(
  query: DcqlQuery,
  sets: readonly DcqlCredentialSet[] | undefined,
  answerable: (queryId: string) => boolean,
): string[] {
  const all = query.credentials.map((credential) => credential.id);
  if (sets === undefined) return all;
  const chosen = new Set<string>();
  for (const set of sets) {
    if (!set.required) continue;
    const option = set.options.find((ids) => ids.every(answerable)) ?? set.options[0] ?? [];
    for (const id of option) chosen.add(id);
  }
  return all.filter((id) => chosen.has(id));
}

function readVctValues(meta: unknown, at: string): Result<string[], 'unsupported-query', Problem> {
  const unsupported = (message: string) => failedWith('unsupported-query', { message });
  if (meta === undefined) return ok([]);
  if (!isPlainObject(meta)) return unsupported(`${at}.meta" expected an object, got ${show(meta)}`);
  const values = meta.vct_values;
  if (values === undefined) return ok([]);
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    values.length > MAX_DCQL_VCT_VALUES ||
    !values.every((v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_DCQL_TEXT_LENGTH)
  ) {
    return unsupported(
      `${at}.meta.vct_values" expected 1…${MAX_DCQL_VCT_VALUES} strings, got ${show(values)}`,
    );
  }
  return ok([...(values as string[])]);
}

function readTypeValues(
  meta: unknown,
  at: string,
): Result<string[][], 'unsupported-query', Problem> {
  const unsupported = (message: string) => failedWith('unsupported-query', { message });
  if (meta === undefined) return ok([]);
  if (!isPlainObject(meta)) return unsupported(`${at}.meta" expected an object, got ${show(meta)}`);
  const values = meta.type_values;
  if (values === undefined) return ok([]);
  const isTypeList = (list: unknown) =>
    Array.isArray(list) &&
    list.length > 0 &&
    list.length <= MAX_DCQL_TYPE_VALUES &&
    list.every((t) => typeof t === 'string' && t.length > 0 && t.length <= MAX_DCQL_TEXT_LENGTH);
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    values.length > MAX_DCQL_TYPE_VALUES ||
    !values.every(isTypeList)
  ) {
    return unsupported(
      `${at}.meta.type_values" expected 1…${MAX_DCQL_TYPE_VALUES} non-empty arrays of type names, got ${show(values)}`,
    );
  }
  return ok((values as string[][]).map((list) => [...list]));
}

function isDcqlValueList(value: unknown): value is DcqlValue[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_DCQL_CLAIM_VALUES &&
    value.every(
      (v) =>
        typeof v === 'boolean' ||
        (typeof v === 'number' && Number.isSafeInteger(v)) ||
        (typeof v === 'string' && v.length <= MAX_DCQL_TEXT_LENGTH),
    )
  );
}

function readClaims(
  claims: readonly DcqlClaimQuery[],
  at: string,
  /** jwt_vc_json: paths are `["credentialSubject", name]`. */
  w3c: boolean,
): Result<{ id: string; name: string; values?: DcqlValue[] }[], 'unsupported-query', Problem> {
  const unsupported = (message: string) => failedWith('unsupported-query', { message });
  const read: { id: string; name: string; values?: DcqlValue[] }[] = [];
  for (const [index, claim] of claims.entries()) {
    const claimAt = `${at}.claims[${index}]`;
    if (claim.values !== undefined && !isDcqlValueList(claim.values)) {
      return unsupported(
        `${claimAt}.values" expected 1…${MAX_DCQL_CLAIM_VALUES} strings, integers or booleans, got ${show(claim.values)}`,
      );
    }
    const [first, second] = claim.path;
    const name = w3c ? second : first;
    const shaped = w3c
      ? claim.path.length === 2 && first === W3C_CLAIMS_PATH
      : claim.path.length === 1;
    if (!shaped || typeof name !== 'string' || name.length === 0) {
      return unsupported(
        `${claimAt}.path" ${show(claim.path)} is not supported (only ${
          w3c ? `["${W3C_CLAIMS_PATH}", <claim name>]` : 'one top-level claim name'
        })`,
      );
    }
    if (name.length > MAX_DCQL_TEXT_LENGTH) {
      return unsupported(`${claimAt}.path" names a claim of ${name.length} characters`);
    }
    const id = claim.id ?? `#${index}`;
    if (read.some((other) => other.id === id)) {
      return unsupported(`${claimAt}.id" ${show(id)} is used twice`);
    }
    // §6.3: a verifier MUST NOT ask for a claim twice, a wallet SHOULD ignore the duplicate. Its
    // id may still appear in claim_sets: it then stands for the same claim; its values are not read.
    const duplicate = read.some((other) => other.name === name);
    read.push({
      id,
      name,
      ...(claim.values && !duplicate ? { values: [...(claim.values as DcqlValue[])] } : {}),
    });
  }
  return ok(read);
}

function splitByClaimSets(
  claims: readonly { id: string; name: string }[],
  claimSets: readonly string[][] | undefined,
  at: string,
): Result<{ required: string[]; optional: string[] }, 'unsupported-query', Problem> {
  const unsupported = (message: string) => failedWith('unsupported-query', { message });
  if (claimSets === undefined) {
    return ok({ required: [...new Set(claims.map((c) => c.name))], optional: [] });
  }
  for (const [index, set] of claimSets.entries()) {
    const unknown = set.find((id) => !claims.some((claim) => claim.id === id));
    if (unknown !== undefined) {
      return unsupported(
        `${at}.claim_sets[${index}]" names ${show(unknown)}, which is no claim id`,
      );
    }
  }
  // A claim in no set is not asked for (§6.4.1: the verifier asks for one of the combinations).
  const inSet = (name: string) =>
    claimSets.some((set) => claims.some((c) => c.name === name && set.includes(c.id)));
  const inAll = (name: string) =>
    claimSets.every((set) => claims.some((c) => c.name === name && set.includes(c.id)));
  const names = [...new Set(claims.map((c) => c.name))].filter(inSet);
  return ok({
    required: names.filter(inAll),
    optional: names.filter((name) => !inAll(name)),
  });
}

/** What matchDcql needs to know of a held credential. */
export interface DcqlHeldCredential {
  id: string;
  /** Absent: an SD-JWT VC. */
  format?: DcqlFormat;
  vct: string;
  /** A W3C VC's `type` array (jwt_vc_json). */
  types?: readonly string[];
  /** The claims (for a W3C VC: its credentialSubject). */
  claims: Record<string, unknown>;
}

/**
 * Ids of the held credentials of the asked format and type (`vct` for SD-JWT VC; for a W3C VC a
 * `type` that includes every type of one `type_values` alternative) that carry every required
 * claim, with the value the query fixes where it fixes one.
 */
export function matchDcql(need: DcqlCredentialNeed, held: readonly DcqlHeldCredential[]): string[] {
  const needFormat = need.format;
  const typeFits = (credential: DcqlHeldCredential) => {
    if (needFormat === DCQL_FORMAT_W3C_JWT) {
      const alternatives = need.types ?? [];
      const types = credential.types ?? [];
      return (
        alternatives.length === 0 ||
        alternatives.some((alternative) => alternative.every((t) => types.includes(t)))
      );
    }
    return need.vct.length === 0 || need.vct.includes(credential.vct);
  };
  return held
    .filter(
      (credential) =>
        (credential.format ?? DCQL_FORMAT_SD_JWT_VC) === needFormat &&
        typeFits(credential) &&
        need.required.every(
          (name) =>
            Object.prototype.hasOwnProperty.call(credential.claims, name) &&
            credential.claims[name] !== undefined &&
            (need.values?.[name] === undefined ||
              need.values[name].includes(credential.claims[name] as DcqlValue)),
        ),
    )
    .map((credential) => credential.id);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
