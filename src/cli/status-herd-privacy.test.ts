// Herd privacy at the back office (issue 13 item 3): `vouch verify` reads a status list from the
// file it is given (--status-list) and never asks the network, so no URL, let alone one with the
// credential's index, ever leaves for a status check. In-process runs (runCli) with fetch
// recorded.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { runCaptured } from './cli-harness.fake.ts';

const run = (...argv: string[]) => runCaptured(argv);
const dir = mkdtempSync(join(tmpdir(), 'vouch-herd-'));
const at = (name: string) => join(dir, name);
const AUD = 'decentralized_identifier:did:key:zDnaeDesk';
const NONCE = 'bm9uY2Utb2YtdGhlLWRheQ';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('vouch verify and status lists', () => {
  it('Given a presentation whose credential has a status entry, when verified with and without its list, then nothing is fetched', async () => {
    expect((await run('issuer', 'new', '--name', 'Bakkerij', '--out', at('i.json'))).code).toBe(0);
    const holder = await webJwsCrypto().generateKeyPair('ES256K');
    writeFileSync(at('holder.private.jwk'), JSON.stringify(holder.privateJwk));
    writeFileSync(at('holder.jwk'), JSON.stringify(holder.publicJwk));
    writeFileSync(at('claims.json'), JSON.stringify(exampleClaims('income-statement')));
    const uri = 'https://bakkerij.example/status/1';
    const listArgs = ['--issuer', at('i.json'), '--uri', uri, '--out', at('list.json')];
    expect((await run('status', 'new', ...listArgs)).code).toBe(0);
    const issued = await run(
      'issue',
      ...['--issuer', at('i.json'), '--type', 'income-statement'],
      ...['--holder-jwk', at('holder.jwk'), '--claims', at('claims.json')],
      ...['--status-list', at('list.json')],
    );
    expect(issued.code).toBe(0);
    writeFileSync(at('income.sdjwt'), issued.stdout);
    const published = await run(
      'status',
      'publish',
      '--list',
      at('list.json'),
      '--issuer',
      at('i.json'),
    );
    writeFileSync(at('status.jwt'), published.stdout);
    const presented = await run(
      'present',
      ...['--credential', at('income.sdjwt'), '--holder-jwk', at('holder.private.jwk')],
      ...['--disclose', 'period', '--aud', AUD, '--nonce', NONCE],
    );
    expect(presented.code).toBe(0);
    writeFileSync(at('answer.txt'), presented.stdout);
    expect(readFileSync(at('answer.txt'), 'utf8')).not.toBe('');

    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      return new Response('', { status: 404 });
    });
    const verify = (...extra: string[]) =>
      run('verify', '--presentation', at('answer.txt'), '--aud', AUD, '--nonce', NONCE, ...extra);
    const withList = await verify('--status-list', at('status.jwt'));
    expect(withList.stdout).toContain('"status"');
    await verify();
    await verify('--require-status');
    expect(fetched).toEqual([]);
  });
});
