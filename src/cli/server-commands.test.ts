/**
 * `vouch offer`, `vouch request` and `vouch result` in-process against the whole server app
 * (fetch routed to it, no port), with a peer wallet (@openid4vc/*, @sd-jwt/sd-jwt-vc) on the
 * other side: the CLI's output contract of issue 9 item 6, exit codes included.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import {
  ADMIN_TOKEN,
  newPeerKey,
  PUBLIC_URL,
  startPeerServer,
} from '../server/peer-harness.fake.ts';
import type { PeerServer } from '../server/peer-harness.fake.ts';
import { answerRequestAsPeer } from '../server/peer-answer.fake.ts';
import { obtainAsPeer, peerSdJwtVerifier } from '../server/peer-wallet.fake.ts';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';

let server: PeerServer;
let claimsFile: string;
beforeAll(async () => {
  server = await startPeerServer();
  claimsFile = join(tmpdir(), `vouch-offer-claims-${process.pid}.json`);
  await writeFile(claimsFile, JSON.stringify(exampleClaims('income-statement')));
}, 120_000);
afterAll(async () => {
  await server?.close();
});

function useServer(token: string | undefined = ADMIN_TOKEN) {
  vi.stubGlobal('fetch', server.fetch);
  vi.stubEnv('VOUCH_ADMIN_TOKEN', token);
}
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('vouch offer', () => {
  it('Given claims that fit, when I run vouch offer, then stdout is one openid-credential-offer URI that a peer wallet redeems (exit 0)', async () => {
    useServer();
    const run = await runCaptured([
      'offer',
      '--server',
      PUBLIC_URL,
      '--type',
      'income-statement',
      '--claims',
      claimsFile,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      new RegExp(
        `^openid-credential-offer://\\?credential_offer_uri=${encodeURIComponent(`${PUBLIC_URL}/offers/`)}[A-Za-z0-9_-]{22}\\n$`,
      ),
    );
    const { credentials } = await obtainAsPeer(server, {
      offerUri: run.stdout.trim(),
      keys: [await newPeerKey()],
    });
    await peerSdJwtVerifier(server).verify(credentials[0] as string);
  });

  it('Given --tx-code, when I run vouch offer, then the URI is on stdout and the code on stderr, and the peer needs that code', async () => {
    useServer();
    const run = await runCaptured([
      'offer',
      '--server',
      PUBLIC_URL,
      '--type',
      'income-statement',
      '--claims',
      claimsFile,
      '--tx-code',
    ]);
    expect(run.code).toBe(0);
    const code = /^vouch: transaction code: (\d{6})\n$/.exec(run.stderr)?.[1];
    expect(code).toBeDefined();
    const { credentials } = await obtainAsPeer(server, {
      offerUri: run.stdout.trim(),
      txCode: code as string,
      keys: [await newPeerKey()],
    });
    expect(credentials).toHaveLength(1);
  });

  it('Given --by-value, when I run vouch offer, then stdout is an offer by value that a peer wallet redeems', async () => {
    useServer();
    const run = await runCaptured([
      'offer',
      '--server',
      PUBLIC_URL,
      '--type',
      'income-statement',
      '--claims',
      claimsFile,
      '--by-value',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^openid-credential-offer:\/\/\?credential_offer=%7B[^\n]+\n$/);
    const { credentials } = await obtainAsPeer(server, {
      offerUri: run.stdout.trim(),
      keys: [await newPeerKey()],
    });
    expect(credentials).toHaveLength(1);
  });

  it('Given claims that do not fit the type, when I run vouch offer, then exit 1 with one line naming the problem', async () => {
    useServer();
    const bad = join(tmpdir(), `vouch-offer-bad-${process.pid}.json`);
    await writeFile(
      bad,
      JSON.stringify({ ...exampleClaims('income-statement'), period: 'September' }),
    );
    const run = await runCaptured([
      'offer',
      '--server',
      PUBLIC_URL,
      '--type',
      'income-statement',
      '--claims',
      bad,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expectOneLine(run.stderr);
    expect(run.stderr).toContain('period');
  });

  it('Given an unknown type or a bad server URL, when I run vouch offer, then exit 2 (usage)', async () => {
    useServer();
    const type = await runCaptured([
      'offer',
      '--server',
      PUBLIC_URL,
      '--type',
      'passport',
      '--claims',
      claimsFile,
    ]);
    expect(type.code).toBe(2);
    const url = await runCaptured([
      'offer',
      '--server',
      'vouch.example',
      '--type',
      'diploma',
      '--claims',
      claimsFile,
    ]);
    expect(url.code).toBe(2);
  });

  it('Given a wrong admin token, when I run vouch offer, then exit 1 with one line that does not echo the token', async () => {
    useServer('a-wrong-token-that-is-long-enough');
    const run = await runCaptured([
      'offer',
      '--server',
      PUBLIC_URL,
      '--type',
      'income-statement',
      '--claims',
      claimsFile,
    ]);
    expect(run.code).toBe(1);
    expectOneLine(run.stderr);
    expect(run.stderr).not.toContain('a-wrong-token');
  });
});

describe('vouch request and vouch result', () => {
  it('Given a request, when nobody has answered yet, then vouch result prints {"pending": true} and exits 1; after a peer answers, the verdict of vouch verify with exit 0', async () => {
    useServer();
    const made = await runCaptured([
      'request',
      '--server',
      PUBLIC_URL,
      '--type',
      'income-statement',
      '--claims',
      'period,net_wage_cents',
      '--purpose',
      'Income supplement',
    ]);
    expect(made.code).toBe(0);
    expect(made.stdout.endsWith('\n')).toBe(true);
    expect(made.stdout.trim().includes('\n')).toBe(false);
    const { id, uri } = JSON.parse(made.stdout) as { id: string; uri: string };
    expect(Object.keys(JSON.parse(made.stdout) as object)).toEqual(['id', 'uri']);
    expect(uri).toMatch(
      /^openid4vp:\/\/\?client_id=decentralized_identifier%3Adid%3Akey%3A[^&]+&request_uri=https%3A%2F%2Fvouch\.test%2Frequests%2F/,
    );

    const pending = await runCaptured(['result', '--server', PUBLIC_URL, '--id', id]);
    expect(pending.code).toBe(1);
    expect(JSON.parse(pending.stdout)).toEqual({ pending: true });

    // The citizen answers with a peer wallet: the same flow as peer-openid4vp.test.ts, in short.
    await answerRequestAsPeer(server, { uri, claims: ['period', 'net_wage_cents'] });

    const done = await runCaptured(['result', '--server', PUBLIC_URL, '--id', id]);
    expect(done.code).toBe(0);
    const verdict = JSON.parse(done.stdout) as Record<string, unknown>;
    expect(Object.keys(verdict).slice(0, 5)).toEqual([
      'valid',
      'checks',
      'issuer',
      'vct',
      'claims',
    ]);
    expect(verdict.valid).toBe(true);
    // Every member vouch verify prints, format included (one verdictJson for both commands).
    expect(verdict.format).toBe('dc+sd-jwt');
    expect(verdict.claims).toEqual({
      period: exampleClaims('income-statement').period,
      net_wage_cents: exampleClaims('income-statement').net_wage_cents,
    });
    expect(done.stdout).toBe(`${JSON.stringify(verdict, null, 2)}\n`);
  });

  it('Given a claim the type does not have, when I run vouch request, then exit 2 naming it', async () => {
    useServer();
    const run = await runCaptured([
      'request',
      '--server',
      PUBLIC_URL,
      '--type',
      'diploma',
      '--claims',
      'degree,salary',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"salary"');
  });

  it('Given a malformed or unknown id, when I run vouch result, then exit 2 or 1 with one line', async () => {
    useServer();
    const malformed = await runCaptured([
      'result',
      '--server',
      PUBLIC_URL,
      '--id',
      '../admin/info',
    ]);
    expect(malformed.code).toBe(2);
    const unknown = await runCaptured([
      'result',
      '--server',
      PUBLIC_URL,
      '--id',
      'AAAAAAAAAAAAAAAAAAAAAA',
    ]);
    expect(unknown.code).toBe(1);
    expectOneLine(unknown.stderr);
  });

  it('Given a server that cannot be reached, when I run vouch result, then exit 1 with one vouch: line', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    vi.stubEnv('VOUCH_ADMIN_TOKEN', ADMIN_TOKEN);
    const run = await runCaptured([
      'result',
      '--server',
      'http://127.0.0.1:9',
      '--id',
      'AAAAAAAAAAAAAAAAAAAAAA',
    ]);
    expect(run.code).toBe(1);
    expectOneLine(run.stderr);
    expect(run.stdout).toBe('');
  });
});
