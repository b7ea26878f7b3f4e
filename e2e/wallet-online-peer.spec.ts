import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CallbackContext } from '@openid4vc/oauth2';
import {
  createOpenid4vpAuthorizationRequest,
  parseOpenid4vpAuthorizationResponse,
} from '@openid4vc/openid4vp';
import { expect } from '@playwright/test';
import { exampleClaims } from '../src/core/credentials/index.ts';
import { WalletPage } from './pages/wallet-page.ts';
import type { E2eServer } from './support/server.ts';
import { test } from './support/seed.ts';

/**
 * Issue 9, items 3 and 5: a peer verifier (@openid4vc/openid4vp, the library under Credo) makes
 * an unsigned `redirect_uri:` request by value; the Vouch wallet in Chromium shows it as not
 * verified and answers it by direct_post, and the peer parses the answer. The verifier is on the
 * open web (https://peer-verifier.example, answered here by route interception), so this runs
 * against the explicit "any verifier" build, `VOUCH_CONNECT_SRC=https:` (docs/security.md), which
 * this file builds and serves itself; the default build's allow-list would refuse it.
 */

const PEER = 'https://peer-verifier.example';
const ROOT = path.resolve(import.meta.dirname, '..');
const CONNECT_SRC = 'https: http://localhost:* http://127.0.0.1:*';
/** Vite run by node itself, so killing the preview kills the server (no npx wrapper left over). */
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

let server: E2eServer;
let preview: ChildProcess;
let outDir: string;
let base: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test.beforeAll(async ({ vouchServe }) => {
  test.setTimeout(180_000);
  server = vouchServe;
  outDir = await mkdtemp(path.join(tmpdir(), 'vouch-open-wallet-'));
  const env = { ...process.env, VOUCH_CONNECT_SRC: CONNECT_SRC };
  execFileSync(
    process.execPath,
    [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    },
  );
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  preview = spawn(
    process.execPath,
    [
      VITE,
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: ROOT, env, stdio: 'ignore' },
  );
  for (let tries = 0; tries < 100; tries += 1) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('vite preview of the open build did not start');
});

test.afterAll(async () => {
  preview?.kill();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The peer library's callbacks for an unsigned request and a plain direct_post answer. */
const callbacks = {
  hash: (data: Uint8Array) => sha256(data),
  generateRandom: (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
  clientAuthentication: () => undefined,
  signJwt: () => {
    throw new Error('the peer signs nothing here');
  },
  verifyJwt: async () => ({ verified: false }),
  encryptJwe: () => {
    throw new Error('no encryption here');
  },
  decryptJwe: async () => ({ decrypted: false }),
} as unknown as CallbackContext;

test('Given the open build and a peer verifier’s unsigned redirect_uri: request, when the citizen shares, then the wallet says the verifier is not verified and the peer accepts the direct_post answer', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The header policy of this build: every https origin, plain http only on this machine.
  const response = await page.goto(`${base}/`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain(`connect-src 'self' ${CONNECT_SRC};`);

  const wallet = new WalletPage(page);
  await wallet.expectWelcome();
  await wallet.create();
  const offer = await server.admin<{ uri: string }>('POST', '/admin/offers', {
    type: 'income-statement',
    claims: exampleClaims('income-statement'),
  });
  await wallet.openReceive();
  await wallet.pasteCode(offer.uri);
  await page.getByRole('button', { name: 'Contact', exact: true }).click();
  await page.getByRole('button', { name: 'Accept and save' }).click();
  await expect(page.getByText('Saved in your wallet')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to my wallet' }).click();

  // The peer verifier's request, and its response_uri on the open web.
  const clientId = `redirect_uri:${PEER}/cb`;
  const created = await createOpenid4vpAuthorizationRequest({
    authorizationRequestPayload: {
      response_type: 'vp_token',
      client_id: clientId,
      response_mode: 'direct_post',
      response_uri: `${PEER}/cb`,
      nonce: 'peer-e2e-nonce-0123456789abcdef',
      state: 'peer-state-1',
      dcql_query: {
        credentials: [
          {
            id: 'income',
            format: 'dc+sd-jwt',
            meta: { vct_values: ['urn:vouch:income-statement:1'] },
            claims: [{ path: ['period'] }],
          },
        ],
      },
      client_metadata: {
        vp_formats_supported: {
          'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256K'] },
        },
      },
    } as Parameters<typeof createOpenid4vpAuthorizationRequest>[0]['authorizationRequestPayload'],
    callbacks,
  });
  const bodies: string[] = [];
  await page.route(`${PEER}/**`, async (route) => {
    bodies.push(route.request().postData() ?? '');
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: '{}',
    });
  });

  await page.getByRole('button', { name: 'Show a credential' }).click();
  await page.getByLabel('Paste the code as text').fill(created.authorizationRequest);
  await page.getByRole('button', { name: 'Read text' }).click();
  // By value: nothing to fetch, so no Contact step; the consent screen comes at once.
  await expect(
    page.getByRole('heading', {
      name: 'A verifier calling itself “peer-verifier.example” asks to see',
    }),
  ).toBeVisible();
  const standing = page.getByRole('note', { name: 'Not verified' });
  await expect(standing).toContainText(
    'No authority your wallet trusts vouches for this verifier.',
  );
  await expect(standing).toContainText(
    'This request is not signed: it only says where the answer goes (peer-verifier.example).',
  );
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('heading', { name: 'Sent to peer-verifier.example' })).toBeVisible({
    timeout: 30_000,
  });

  // The peer reads the answer as OpenID4VP says: a DCQL presentation for "income", its state.
  expect(bodies).toHaveLength(1);
  const fields = Object.fromEntries(new URLSearchParams(bodies[0]));
  expect(fields.state).toBe('peer-state-1');
  const parsed = await parseOpenid4vpAuthorizationResponse({
    authorizationResponse: fields,
    authorizationRequestPayload: created.authorizationRequestPayload,
    callbacks,
  });
  expect(parsed.type).toBe('dcql');
  const presentation = parsed.type === 'dcql' ? parsed.dcql.presentations.income?.[0] : undefined;
  expect(typeof presentation).toBe('string');
  // Its key binding JWT is for this verifier and this nonce.
  const kb = String(presentation).split('~').at(-1) ?? '';
  const kbPayload = JSON.parse(Buffer.from(kb.split('.')[1] ?? '', 'base64url').toString('utf8'));
  expect(kbPayload).toMatchObject({ aud: clientId, nonce: 'peer-e2e-nonce-0123456789abcdef' });
});
