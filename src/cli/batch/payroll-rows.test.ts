// createPayrollIssuer in this thread, on the paths a worker thread loads only when a row needs
// them: an ES256K issuer (libsecp256k1 signs) and an offer too big for one QR code (its PNGs are
// the fountain parts of the offer's own frame); and what a worker thread's bundle imports at its
// start (issue 12: no curve library, no BIP32, no fflate, no qrcode).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtendedPublicKey } from '../../core/brand.ts';
import { sha512 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import { createIssuerKeyFile } from '../../core/jose/index.ts';
import type { JwsAlgorithm } from '../../core/jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../../core/keys/index.ts';
import { parseCredentialOffer, relationshipFingerprint } from '../../core/protocol/index.ts';
import { verifySdJwtVc } from '../../core/sd-jwt/index.ts';
import { createQrAssembler, decodeFromText } from '../../core/transport/index.ts';
import { webJwsCrypto } from '../../platform/crypto/jws-crypto.ts';
import { decodeQrPng } from '../../platform/node/qr-png-decode.ts';
import { relationshipXpubs } from './payroll-fixture.ts';
import { createPayrollIssuer, signaturesInTurn } from './payroll-rows.ts';
import type { PayrollSetup } from './payroll-rows.ts';

const crypto = webJwsCrypto();
const xpub = relationshipXpubs(1)[0] as ExtendedPublicKey;
const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

async function setup(alg: JwsAlgorithm, extra: Partial<PayrollSetup>): Promise<PayrollSetup> {
  return {
    issuer: await createIssuerKeyFile(crypto, alg),
    vct: 'https://vouch.example/income-statement',
    issuedAt: Date.now(),
    outDir: outDirs[outDirs.push(mkdtempSync(join(tmpdir(), 'vouch-payroll-rows-'))) - 1] as string,
    png: false,
    offers: 'csv',
    ...extra,
  };
}

/** The offer in `text` verifies with the issuer's key and is bound to child `index` of xpub. */
async function checkOffer(text: string, batch: PayrollSetup, index: number) {
  const decoded = decodeFromText(text);
  if (!decoded.ok) throw new Error(decoded.detail.message);
  const offer = parseCredentialOffer(decoded.value.payload);
  if (!offer.ok) throw new Error(offer.detail.message);
  expect(offer.value.relationship).toBe(relationshipFingerprint(xpub));
  const verified = await verifySdJwtVc(offer.value.credential, {
    crypto,
    issuerKey: batch.issuer.publicJwk,
    now: new Date(),
  });
  if (!verified.ok) throw new Error(verified.reason);
  expect(verified.value.payload.cnf).toEqual({
    jwk: publicKeyToJwk(deriveCredentialPublicKey(xpub, index)),
  });
  return { payload: decoded.value.payload, claims: verified.value.claims };
}

describe('createPayrollIssuer', () => {
  it('Given a chunk whose second row fails before its signature, when issued, then the chunk fails with that row’s error and no row is left waiting', async () => {
    const batch = await setup('ES256', {});
    const rows = [1, 2, 3].map((childIndex) => ({
      employeeId: `E${childIndex}`,
      claims: childIndex === 2 ? { iss: 'not a personal claim' } : { employee_name: 'A' },
      xpub,
      childIndex,
    }));
    await expect(createPayrollIssuer(batch)(rows)).rejects.toThrow(
      '"iss" is set by the issuer and cannot be a personal claim',
    );
    // The same issuer goes on with the next chunk.
    const next = await createPayrollIssuer(batch)([{ ...rows[0]!, employeeId: 'E4' }]);
    expect(next.issued).toBe(1);
  });

  it('Given an ES256K issuer, when rows are issued into offers.csv records, then each offer verifies', async () => {
    const batch = await setup('ES256K', {});
    const result = await createPayrollIssuer(batch)(
      [3, 4].map((childIndex) => ({
        employeeId: `E${childIndex}`,
        claims: { employee_name: `Employee ${childIndex}` },
        xpub,
        childIndex,
      })),
    );
    const records = (result.csv ?? '').split('\r\n').filter(Boolean);
    expect(records.map((r) => r.split(',')[0])).toEqual(['E3', 'E4']);
    for (const [i, record] of records.entries()) {
      const { claims } = await checkOffer(record.split(',')[1] as string, batch, 3 + i);
      expect(claims.employee_name).toBe(`Employee ${3 + i}`);
    }
  });

  it('Given an offer too big for one QR code, when issued with PNGs, then its numbered PNGs assemble to the offer of its .vouch file', async () => {
    const batch = await setup('ES256', { png: true, offers: 'files' });
    // 2,700 bytes that do not compress: the frame is over a version-40 code's 2,331 bytes.
    const note = Buffer.concat(
      Array.from({ length: 43 }, (_, i) => sha512(utf8ToBytes(`note ${i}`))),
    ).toString('base64url');
    const result = await createPayrollIssuer(batch)([
      { employeeId: 'E9', claims: { note }, xpub, childIndex: 9 },
    ]);
    expect(result).toMatchObject({ issued: 1, animated: 1 });
    const text = readFileSync(join(batch.outDir, 'E9.vouch'), 'utf8').trim();
    const { payload, claims } = await checkOffer(text, batch, 9);
    expect(claims.note).toBe(note);
    const pngs = readdirSync(batch.outDir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(pngs[0]).toBe('E9-01.png');
    const assembler = createQrAssembler({ accept: ['offer'] });
    let progress;
    for (const name of pngs) {
      const frame = decodeQrPng(readFileSync(join(batch.outDir, name)));
      if (!frame.ok) throw new Error(`${name}: ${frame.detail.message}`);
      progress = assembler.push(frame.value);
    }
    expect(progress).toEqual({ state: 'done', kind: 'offer', payload });
  });
});

describe('the payroll worker thread’s start', () => {
  it('Given the worker’s entry bundled with its packages left out, when its static imports are listed, then the only packages are two small hash and base-n ones (build-node bundles those two in)', async () => {
    const { metafile } = await build({
      entryPoints: [new URL('./payroll-worker-body.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const packages = new Set<string>();
    for (const input of Object.values(metafile.inputs)) {
      for (const { path, external, kind } of input.imports) {
        if (external && kind === 'import-statement' && !path.startsWith('node:'))
          packages.add(path);
      }
    }
    // secp256k1 and qrcode are loaded on first use (createRequire), not by the import.
    expect([...packages].sort()).toEqual([
      '@noble/hashes/sha2.js',
      '@noble/hashes/utils.js',
      '@scure/base',
    ]);
  });
});

describe('signaturesInTurn (a chunk’s signatures one after the other)', () => {
  it('Given inputs asked for while holding, when signAll runs, then they are signed in the order asked, each answer to its own caller, and later ones at once', async () => {
    const signed: string[] = [];
    const sign = (input: Uint8Array) => {
      signed.push(Buffer.from(input).toString());
      return Promise.resolve(Uint8Array.from([...input].reverse()));
    };
    const signer = signaturesInTurn('did:key:z' as never, 'ES256', sign);
    signer.queue();
    const first = signer.issuer.sign(utf8ToBytes('ab'));
    const second = signer.issuer.sign(utf8ToBytes('cd'));
    await Promise.resolve();
    expect(signed).toEqual([]);
    signer.signAll();
    expect(signed).toEqual(['ab', 'cd']);
    expect(Buffer.from(await second).toString()).toBe('dc');
    expect(Buffer.from(await first).toString()).toBe('ba');
    const late = signer.issuer.sign(utf8ToBytes('ef'));
    expect(signed).toEqual(['ab', 'cd', 'ef']);
    expect(Buffer.from(await late).toString()).toBe('fe');
  });
});
