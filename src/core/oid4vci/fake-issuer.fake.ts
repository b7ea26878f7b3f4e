/**
 * An in-memory OpenID4VCI issuer for tests, built only from this module's issuer-side functions
 * and a memory IssuanceStore: what `vouch serve` does, minus Hono and the database. `handle` is
 * the HTTP surface (method, URL, headers, body → status, headers, body); `fetch` adapts it to
 * core's HttpFetch. Routes follow docs/server.md.
 */
import type { CredentialTypeId } from '../credentials/index.ts';
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import { digestSecret } from './endpoint.ts';
import type {
  AccessTokenRecord,
  EndpointResponse,
  IssuanceStore,
  IssuerSigningKey,
  OfferToIssue,
  PreAuthorizedCodeRecord,
} from './endpoint.ts';
import { handleCredentialRequest, handleNonceRequest } from './credential.ts';
import type { HttpFetch } from './http.ts';
import {
  AUTHORIZATION_SERVER_WELL_KNOWN,
  buildAuthorizationServerMetadata,
  buildCredentialIssuerMetadata,
  credentialConfigurationId,
  CREDENTIAL_ISSUER_WELL_KNOWN,
  vctTypeMetadata,
} from './metadata.ts';
import type { CredentialFormat, CredentialIssuerMetadata } from './metadata.ts';
import { buildCredentialOffer, buildCredentialOfferLink } from './offer.ts';
import type { CredentialOfferObject } from './offer.ts';
import { createSecret, handleTokenRequest } from './token.ts';

interface OfferRow {
  offer: CredentialOfferObject;
  code: PreAuthorizedCodeRecord & { redeemed: boolean };
  issue: OfferToIssue;
}

/** A memory IssuanceStore; single-threaded JavaScript makes each method atomic. */
export function createMemoryIssuanceStore(now: () => Date = () => new Date()) {
  const offers = new Map<string, OfferRow>(); // by pre-authorized code
  const nonces = new Map<string, Date>();
  const tokens = new Map<string, AccessTokenRecord & { used: boolean; code: string }>();
  const refreshTokens = new Map<string, { code: string; expiresAt: Date; used: boolean }>();
  /** Offers (by id) whose credential was revoked: not refreshed any more. */
  const revoked = new Set<string>();
  const grantFor = (code: string, accessToken: { digest: string; expiresAt: Date }) => {
    const row = offers.get(code);
    if (!row) return;
    tokens.set(accessToken.digest, {
      offerId: row.code.offerId,
      credentialConfigurationIds: row.code.credentialConfigurationIds,
      expiresAt: accessToken.expiresAt,
      used: false,
      code,
    });
  };
  const store: IssuanceStore = {
    async findPreAuthorizedCode(code) {
      const row = offers.get(code);
      return row && !row.code.redeemed ? { ...row.code } : undefined;
    },
    async reserveTxCodeAttempt(code, max) {
      const row = offers.get(code);
      if (!row || row.code.redeemed || row.code.wrongTxCodeAttempts >= max) return false;
      row.code = { ...row.code, wrongTxCodeAttempts: row.code.wrongTxCodeAttempts + 1 };
      return true;
    },
    async redeemPreAuthorizedCode(code, accessToken, refreshToken) {
      const row = offers.get(code);
      if (!row || row.code.redeemed) return false;
      row.code = { ...row.code, redeemed: true };
      grantFor(code, accessToken);
      if (refreshToken) {
        refreshTokens.set(refreshToken.digest, {
          code,
          expiresAt: refreshToken.expiresAt,
          used: false,
        });
      }
      return true;
    },
    async rotateRefreshToken(digest, next) {
      const token = refreshTokens.get(digest);
      if (!token || token.used || token.expiresAt.getTime() <= now().getTime()) return 'unknown';
      token.used = true;
      const offerId = offers.get(token.code)?.code.offerId;
      if (offerId === undefined || revoked.has(offerId)) return 'revoked';
      grantFor(token.code, next.accessToken);
      refreshTokens.set(next.refreshToken.digest, {
        code: token.code,
        expiresAt: next.refreshToken.expiresAt,
        used: false,
      });
      return 'ok';
    },
    async saveNonce(nonce, expiresAt) {
      nonces.set(nonce, expiresAt);
    },
    async consumeNonce(nonce, now) {
      const expiresAt = nonces.get(nonce);
      nonces.delete(nonce);
      return expiresAt !== undefined && expiresAt.getTime() > now.getTime();
    },
    async findAccessToken(digest) {
      const token = tokens.get(digest);
      return token && !token.used
        ? {
            offerId: token.offerId,
            credentialConfigurationIds: token.credentialConfigurationIds,
            expiresAt: token.expiresAt,
          }
        : undefined;
    },
    async claimIssuance(digest) {
      const token = tokens.get(digest);
      if (!token || token.used) return undefined;
      token.used = true;
      return offers.get(token.code)?.issue;
    },
  };
  return { store, offers, nonces, tokens, refreshTokens, revoked };
}

export interface FakeIssuerOptions {
  credentialIssuer?: string;
  issuer: IssuerSigningKey;
  crypto: JwsCrypto;
  now: () => Date;
  randomBytes: (n: number) => Uint8Array;
  batchSize?: number;
  statusListUri?: string;
}

export interface FakeHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function createFakeIssuer(options: FakeIssuerOptions) {
  const credentialIssuer = options.credentialIssuer ?? 'https://issuer.example';
  const { store, offers, revoked } = createMemoryIssuanceStore(options.now);
  let nextStatus = 0;
  let nextOffer = 0;
  const requests: LoggedRequest[] = [];
  const metadata: CredentialIssuerMetadata = buildCredentialIssuerMetadata({
    credentialIssuer,
    name: { en: 'Example Employer', nl: 'Voorbeeldwerkgever' },
    credentialSigningAlgs: [options.issuer.alg],
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });

  function createOffer(offer: {
    type: CredentialTypeId;
    claims: Record<string, unknown>;
    format?: CredentialFormat;
    txCode?: string;
    expiresAt?: Date;
  }) {
    const code = createSecret(options.randomBytes);
    const id = `offer-${nextOffer++}`;
    const object = buildCredentialOffer({
      credentialIssuer,
      credentialConfigurationIds: [credentialConfigurationId(offer.type, offer.format)],
      preAuthorizedCode: code,
      ...(offer.txCode === undefined
        ? {}
        : {
            txCode: {
              input_mode: 'numeric',
              length: offer.txCode.length,
              description: 'The code in your e-mail',
            },
          }),
    });
    offers.set(code, {
      offer: object,
      code: {
        offerId: id,
        credentialConfigurationIds: object.credential_configuration_ids,
        ...(offer.txCode === undefined ? {} : { txCodeDigest: digestSecret(offer.txCode) }),
        expiresAt: offer.expiresAt ?? new Date(options.now().getTime() + 600_000),
        wrongTxCodeAttempts: 0,
        redeemed: false,
      },
      issue: {
        type: offer.type,
        claims: offer.claims,
        ...(offer.format === undefined ? {} : { format: offer.format }),
      },
    });
    return {
      id,
      code,
      object,
      byReference: buildCredentialOfferLink({ offerUri: `${credentialIssuer}/offers/${id}` }),
      byValue: buildCredentialOfferLink({ offer: object }),
    };
  }

  const json = (answer: EndpointResponse): FakeHttpAnswer => ({
    status: answer.status,
    headers: { ...answer.headers },
    body: JSON.stringify(answer.body),
  });
  const document = (body: unknown): FakeHttpAnswer => ({
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const notFound: FakeHttpAnswer = { status: 404, headers: {}, body: 'not found' };

  async function handle(request: LoggedRequest): Promise<FakeHttpAnswer> {
    requests.push(request);
    if (!request.url.startsWith(credentialIssuer)) return notFound;
    const path = request.url.slice(credentialIssuer.length).split('?')[0] ?? '';
    const now = options.now();
    if (request.method === 'GET') {
      if (path === CREDENTIAL_ISSUER_WELL_KNOWN) return document(metadata);
      if (path === AUTHORIZATION_SERVER_WELL_KNOWN) {
        return document(
          buildAuthorizationServerMetadata({ issuer: credentialIssuer, refreshTokens: true }),
        );
      }
      const offerMatch = /^\/offers\/([a-z0-9-]+)$/.exec(path);
      if (offerMatch) {
        const row = [...offers.values()].find((entry) => entry.code.offerId === offerMatch[1]);
        return row ? document(row.offer) : notFound;
      }
      const vctMatch = /^\/vct\/([a-z-]+)$/.exec(path);
      if (vctMatch) {
        const typeMetadata = vctTypeMetadata(vctMatch[1] as string);
        return typeMetadata ? document(typeMetadata) : notFound;
      }
      return notFound;
    }
    if (request.method !== 'POST') return notFound;
    const header = (name: string) =>
      Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
    if (path === '/token') {
      return json(
        await handleTokenRequest(request.body, { store, now, randomBytes: options.randomBytes }),
      );
    }
    if (path === '/nonce') {
      return json(await handleNonceRequest({ store, now, randomBytes: options.randomBytes }));
    }
    if (path === '/credential') {
      return json(
        await handleCredentialRequest(
          { authorization: header('authorization'), body: request.body },
          {
            store,
            crypto: options.crypto,
            issuer: options.issuer,
            credentialIssuer,
            now,
            randomBytes: options.randomBytes,
            ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
            allocateStatus: async (count) =>
              Array.from({ length: count }, () => ({
                uri: options.statusListUri ?? `${credentialIssuer}/status/1`,
                idx: nextStatus++,
              })),
          },
        ),
      );
    }
    return notFound;
  }

  /** core's HttpFetch over `handle`. */
  const fetch: HttpFetch = async (url, init = {}) => {
    const answer = await handle({
      method: init.method ?? 'GET',
      url,
      headers: init.headers ?? {},
      body: init.body ?? '',
    });
    return {
      status: answer.status,
      headers: {
        get: (name: string) =>
          Object.entries(answer.headers).find(
            ([key]) => key.toLowerCase() === name.toLowerCase(),
          )?.[1] ?? null,
      },
      text: async () => answer.body,
    };
  };

  /** Revokes the credential of an offer (every copy): its refresh tokens are refused from now on. */
  const revokeOffer = (offerId: string) => revoked.add(offerId);

  return { credentialIssuer, metadata, store, createOffer, handle, fetch, requests, revokeOffer };
}
