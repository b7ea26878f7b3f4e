/**
 * `vouch offer --format jwt_vc_json` in-process against the whole server app (fetch routed to it),
 * redeemed by a peer wallet (@openid4vc/openid4vci); the VC-JWT is verified by did-jwt-vc with
 * Veramo's did:key resolver.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import {
  ADMIN_TOKEN,
  newPeerKey,
  peerDidUrl,
  PUBLIC_URL,
  startPeerServer,
} from '../server/peer-harness.fake.ts';
import type { PeerServer } from '../server/peer-harness.fake.ts';
import { obtainAsPeer } from '../server/peer-wallet.fake.ts';
import { runCaptured } from './cli-harness.fake.ts';

let server: PeerServer;
let claimsFile: string;
beforeAll(async () => {
  server = await startPeerServer();
  claimsFile = join(tmpdir(), `vouch-offer-w3c-claims-${process.pid}.json`);
  await writeFile(claimsFile, JSON.stringify(exampleClaims('diploma')));
}, 120_000);
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const offerArgs = (...extra: string[]) => [
  'offer',
  '--server',
  PUBLIC_URL,
  '--type',
  'diploma',
  '--claims',
  claimsFile,
  ...extra,
];

describe('vouch offer --format', () => {
  it('Given --format jwt_vc_json, when the peer wallet redeems the offer, then it gets a VC-JWT that did-jwt-vc verifies, sub the did:key of its key', async () => {
    vi.stubGlobal('fetch', server.fetch);
    vi.stubEnv('VOUCH_ADMIN_TOKEN', ADMIN_TOKEN);
    const run = await runCaptured(offerArgs('--format', 'jwt_vc_json'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const key = await newPeerKey();
    const { offer, credentials } = await obtainAsPeer(server, {
      offerUri: run.stdout.trim(),
      keys: [key],
    });
    expect(offer.credential_configuration_ids).toEqual(['diploma-w3c']);
    const verified = await verifyCredential(
      credentials[0] as string,
      new Resolver(getDidKeyResolver()),
      { policies: { now: Math.floor(server.ctx.now().getTime() / 1000) } },
    );
    expect(verified.issuer).toBe(server.issuerKey.did);
    expect(verified.payload.sub).toBe(peerDidUrl(key).split('#')[0]);
  });

  it('Given an unknown format, or jwt_vc_json for a type not offered so, then exit 2 before any request', async () => {
    const fetch = vi.fn(server.fetch);
    vi.stubGlobal('fetch', fetch);
    vi.stubEnv('VOUCH_ADMIN_TOKEN', ADMIN_TOKEN);
    expect((await runCaptured(offerArgs('--format', 'ldp_vc'))).code).toBe(2);
    const payslip = offerArgs('--format', 'jwt_vc_json');
    payslip[4] = 'income-statement';
    const refused = await runCaptured(payslip);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/only for diploma/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
