// `vouch present` → `vouch qr encode` gives ONE QR code that the verifier desk's scan path takes
// (issue 12 goal 5): the PNG's frame goes through the desk scanner's assembler as a `response`, and
// the desk's own verifyResponse finds its request by the nonce and calls the answer valid. Real CLI
// output, in this process; a real desk (memory storage).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createQrAssembler, QR_BYTES_V22_M } from '../core/transport/index.ts';
import { parsePresentationResponse } from '../core/protocol/response.ts';
import { createMemoryVaultStorage } from '../core/vault/index.ts';
import { createFakeVaultCrypto } from '../core/vault/vault-crypto.fake.ts';
import {
  addOwnTrustEntry,
  createRequest,
  createVerifierDesk,
  needsFromTemplate,
  verifyResponse,
} from '../core/verifier/index.ts';
import type { VerifierDesk } from '../core/verifier/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { decodeQrPng } from '../platform/node/qr-png-decode.ts';
import { runCaptured } from './cli-harness.fake.ts';

const crypto = webJwsCrypto();
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const deps = { jws: crypto, randomBytes };
const dir = mkdtempSync(join(tmpdir(), 'vouch-qr-present-'));
const at = (name: string) => join(dir, name);

async function ok(...argv: string[]): Promise<string> {
  const run = await runCaptured(argv);
  if (run.code !== 0) throw new Error(`vouch ${argv.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

let desk: VerifierDesk;
let nonce = '';

beforeAll(async () => {
  const issuer = JSON.parse(
    await ok('issuer', 'new', '--name', 'Bakkerij de Vries B.V.', '--out', at('issuer.json')),
  ) as { did: string };
  const holderPublic = await ok('keys', 'holder', '--out', at('holder.jwk'));
  writeFileSync(at('holder.pub.jwk'), holderPublic);
  writeFileSync(
    at('claims.json'),
    JSON.stringify({
      period: '2026-01',
      gross_wage_cents: 312550,
      net_wage_cents: 241210,
      hours: 152,
      employer_name: 'Bakkerij de Vries B.V.',
      employer_id: '12345678',
      employee_name: 'Jan Jansen',
      birth_date: '1985-04-12',
    }),
  );
  writeFileSync(
    at('statement.sd-jwt'),
    await ok(
      'issue',
      '--issuer',
      at('issuer.json'),
      '--type',
      'income-statement',
      '--holder-jwk',
      at('holder.pub.jwk'),
      '--claims',
      at('claims.json'),
    ),
  );
  const created = await createVerifierDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws: crypto },
    {
      passcode: 'verifier passcode 1',
      profile: { name: 'Gemeente', kind: 'agency' },
      now: new Date(),
    },
  );
  if (!created.ok) throw new Error(created.reason);
  desk = created.value;
  const trusted = await addOwnTrustEntry(desk, {
    did: issuer.did,
    name: 'Bakkerij de Vries B.V.',
    vct: ['urn:vouch:income-statement:1'],
  });
  if (!trusted.ok) throw new Error(trusted.reason);
  const request = await createRequest(desk, deps, {
    needs: needsFromTemplate('income-supplement'),
    purpose: 'Income supplement',
    now: new Date(),
  });
  nonce = request.pending.nonce;
});

describe('vouch qr encode on the output of vouch present', () => {
  it('Given a presentation for the desk (its client_id as --aud, its request nonce), when encoded, then ONE QR of at most version 22 holds it and the desk finds the answer valid', async () => {
    const presentation = await ok(
      'present',
      '--credential',
      at('statement.sd-jwt'),
      '--holder-jwk',
      at('holder.jwk'),
      '--disclose',
      'period,net_wage_cents',
      '--aud',
      desk.verifier.clientId,
      '--nonce',
      nonce,
    );
    writeFileSync(at('presentation.txt'), presentation);
    // Bare, it is too long for one QR code as text.
    expect(presentation.length).toBeGreaterThan(QR_BYTES_V22_M);
    const encoded = JSON.parse(
      await ok('qr', 'encode', '--in', at('presentation.txt'), '--out', at('answer.png')),
    ) as { bytes: number; version: number };
    expect(encoded.bytes).toBeLessThanOrEqual(QR_BYTES_V22_M);
    expect(encoded.version).toBeLessThanOrEqual(22);

    // The desk's scan path: the symbol's bytes into the scanner's assembler, then verifyResponse.
    const scanned = decodeQrPng(readFileSync(at('answer.png')));
    if (!scanned.ok) throw new Error(scanned.detail.message);
    const step = createQrAssembler().push(scanned.value);
    if (step.state !== 'done') throw new Error(`assembler: ${step.state}`);
    expect(step.kind).toBe('response');
    const response = parsePresentationResponse(step.payload);
    expect(response.ok && response.value.vpToken).toEqual({
      'income-statement': [presentation.trim()],
    });
    const verdict = await verifyResponse(desk, deps, { payload: step.payload, now: new Date() });
    if (!verdict.ok) throw new Error(verdict.detail.message);
    expect(verdict.value.presentations.map((p) => p.result.checks.filter((c) => !c.ok))).toEqual([
      [],
    ]);
    expect(verdict.value.valid).toBe(true);

    // And `qr decode` gives the presentation back as `present` printed it.
    expect(await ok('qr', 'decode', '--in', at('answer.png'))).toBe(presentation);
  });
});
