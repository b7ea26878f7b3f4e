import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { createIssuerKeyFile, issuerSigner } from '../../core/jose/index.ts';
import type { IssuerKeyFile } from '../../core/jose/index.ts';
import { signTrustList, trustedIssuer } from '../../core/trust/index.ts';
import { createTestServer } from '../test-server.fake.ts';
import type { TestServer } from '../test-server.fake.ts';
import { loadTrust } from './store.ts';

let server: TestServer;
let agency: IssuerKeyFile;
const employer = 'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169';
const INCOME = CREDENTIAL_TYPES['income-statement'].vct;

beforeAll(async () => {
  server = await createTestServer();
  agency = await createIssuerKeyFile(server.ctx.crypto, 'ES256');
});
afterAll(() => server.close());

const sign = (opts: { issuedAt?: Date; expiresAt?: Date; name?: string } = {}) =>
  signTrustList({
    issuer: { did: agency.did, alg: agency.alg, sign: issuerSigner(server.ctx.crypto, agency) },
    name: opts.name ?? 'Agency list',
    entries: [{ did: employer, name: 'Employer BV', vct: [INCOME] }],
    issuedAt: opts.issuedAt ?? server.ctx.now(),
    ...(opts.expiresAt === undefined ? {} : { expiresAt: opts.expiresAt }),
  });

const put = (body: string) => server.admin('/admin/trust', { method: 'PUT', body });

describe('trust', () => {
  it('Given no imported list, when trust is loaded, then the server trusts its own issuer for every Vouch type', async () => {
    const lists = await loadTrust(server.ctx);
    for (const type of Object.values(CREDENTIAL_TYPES)) {
      expect(trustedIssuer(lists, server.issuerKey.did, type.vct)).toBeDefined();
    }
    expect(trustedIssuer(lists, employer, INCOME)).toBeUndefined();
  });

  it('Given a signed trust list, when imported, then the verifier trusts its entries', async () => {
    const response = await put(await sign());
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ signer: agency.did, entries: 1 });
    const lists = await loadTrust(server.ctx);
    expect(trustedIssuer(lists, employer, INCOME)?.name).toBe('Employer BV');
    expect(trustedIssuer(lists, employer, CREDENTIAL_TYPES.diploma.vct)).toBeUndefined();
  });

  it('Given a tampered, garbage or expired list, when imported, then 400 and nothing changes', async () => {
    const jwt = await sign({ name: 'Changed' });
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.entries[0].vct.push(CREDENTIAL_TYPES.diploma.vct);
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await put(tampered)).status).toBe(400);
    expect((await put('garbage')).status).toBe(400);
    expect((await put('')).status).toBe(400);
    const expired = await sign({
      issuedAt: new Date(server.ctx.now().getTime() - 10 * 86_400_000),
      expiresAt: new Date(server.ctx.now().getTime() - 86_400_000),
    });
    const refused = await put(expired);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error_description).toMatch(/expired/);
    const lists = await loadTrust(server.ctx);
    expect(trustedIssuer(lists, employer, CREDENTIAL_TYPES.diploma.vct)).toBeUndefined();
  });

  it('Given a newer list from the same signer, when imported, then it replaces the older; an older one is refused', async () => {
    server.advance(60_000);
    const newer = await put(await sign({ name: 'Agency list v2' }));
    expect(newer.status).toBe(200);
    const older = await put(
      await sign({ issuedAt: new Date(server.ctx.now().getTime() - 3_600_000) }),
    );
    expect(older.status).toBe(409);
    const lists = await loadTrust(server.ctx);
    expect(lists.filter((list) => list.issuer === agency.did).map((list) => list.name)).toEqual([
      'Agency list v2',
    ]);
  });

  it('Given an imported list, when its time is up, then loadTrust leaves it out', async () => {
    const lists = await loadTrust({ ...server.ctx, now: () => new Date('2030-01-01T00:00:00Z') });
    expect(trustedIssuer(lists, employer, INCOME)).toBeUndefined();
    expect(trustedIssuer(lists, server.issuerKey.did, INCOME)).toBeDefined();
  });
});
