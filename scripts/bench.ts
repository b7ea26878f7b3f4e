/**
 * `npm run bench`: speed of the foundation's hot paths, as ratios against a baseline measured in
 * the same run (SHA-256 over 64 KiB), because these machines are shared and noisy. Prints a table:
 * median time per operation and its ratio to the baseline. Not a test: it asserts nothing.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { webcrypto } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  checkMnemonic,
  describeKey,
  deriveCredentialPublicKey,
  didKeyFromPublicKey,
  es256kSigner,
  es256kVerifier,
  generateMnemonic,
  mnemonicToSeed,
  relationshipPath,
} from '../src/core/keys/index.ts';
import {
  ARGON2ID_DEFAULTS,
  createMemoryVaultStorage,
  createVault,
  MIN_PBKDF2_ITERATIONS,
  unlockVault,
} from '../src/core/vault/index.ts';
import { webCryptoVaultCrypto } from '../src/platform/crypto/index.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { issueBatch } from '../src/cli/batch/issue-batch.ts';
import { payrollCsv } from '../src/cli/batch/payroll-fixture.ts';
import { createIssuerKeyFile } from '../src/core/jose/index.ts';
import { webJwsCrypto } from '../src/platform/crypto/jws-crypto.ts';
import QRCode from 'qrcode';
import { deflateSync } from 'fflate';
import { DICTIONARY_V1, encodeForQr, encodeForText } from '../src/core/transport/index.ts';
import {
  sampleDiplomaResponse,
  sampleOffer,
  sampleResponse,
} from '../src/core/transport/sample-payloads.fake.ts';

interface Row {
  name: string;
  medianMs: number;
  runs: number;
}

async function measure(name: string, runs: number, operation: () => unknown): Promise<Row> {
  await operation(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await operation();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)] as number, runs };
}

const block = webcrypto.getRandomValues(new Uint8Array(64 * 1024));
const mnemonic = generateMnemonic();
const seed = await mnemonicToSeed(mnemonic, '');
const relationship = describeKey(seed, relationshipPath(0));
// A fixed, valid secp256k1 private key (SHA-256 of a label), only for timing.
const signingKey = sha256(new TextEncoder().encode('vouch bench key'));
const signer = es256kSigner(signingKey);
const message = new TextEncoder().encode('header.payload');
const signature = await signer(message);
const verify = es256kVerifier(secp256k1.getPublicKey(signingKey, true));

const crypto = webCryptoVaultCrypto();
const deps = { storage: createMemoryVaultStorage(), crypto };
const created = await createVault(deps, { passcode: '804193', secret: seed });
if (!created.ok) throw new Error(`bench: could not create a vault (${created.reason})`);
created.value.lock();

const baseline = await measure('baseline: SHA-256 of 64 KiB', 200, () => sha256(block));
const rows: Row[] = [
  await measure('generate 24-word mnemonic', 200, () => generateMnemonic()),
  await measure('check mnemonic (words + checksum)', 200, () => checkMnemonic(mnemonic)),
  await measure('mnemonic → seed (PBKDF2-SHA512 ×2048)', 20, () => mnemonicToSeed(mnemonic, '')),
  await measure('seed → wallet root key info (BIP32)', 50, () => describeKey(seed)),
  await measure('issuer: xpub → credential child key', 200, () =>
    deriveCredentialPublicKey(relationship.xpub, 42),
  ),
  await measure('did:key of a secp256k1 key', 500, () =>
    didKeyFromPublicKey(deriveCredentialPublicKey(relationship.xpub, 1)),
  ),
  await measure('ES256K sign', 200, () => signer(message)),
  await measure('ES256K verify', 200, async () => {
    if (!(await verify(message, signature))) throw new Error('bench: signature did not verify');
  }),
  // The passcode KDF alone (legacy PBKDF2, then Argon2id at the vault's defaults), then a whole
  // unlock (Argon2id derivation + unwrap + secret check). The first Argon2id call also loads WASM.
  await measure(`passcode KDF: PBKDF2-SHA256 ×${MIN_PBKDF2_ITERATIONS}`, 5, () =>
    crypto.deriveKeyEncryptionKey('804193', {
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: MIN_PBKDF2_ITERATIONS,
      salt: crypto.randomBytes(16),
    }),
  ),
  await measure(
    `passcode KDF: Argon2id m=${ARGON2ID_DEFAULTS.memoryKiB / 1024} MiB t=${ARGON2ID_DEFAULTS.iterations} p=${ARGON2ID_DEFAULTS.parallelism}`,
    5,
    () =>
      crypto.deriveKeyEncryptionKey('804193', {
        name: 'Argon2id',
        version: 19,
        ...ARGON2ID_DEFAULTS,
        salt: crypto.randomBytes(16),
      }),
  ),
  await measure('vault unlock (Argon2id, default parameters)', 5, async () => {
    const unlocked = await unlockVault(deps, '804193');
    if (unlocked.ok) unlocked.value.lock();
  }),
];

// Batch issuance (issue 3): 10,000 payroll rows → offer files and QR PNGs, timed once end to end.
const BATCH_ROWS = 10_000;
const batchDir = await mkdtemp(join(tmpdir(), 'vouch-bench-'));
await writeFile(join(batchDir, 'payroll.csv'), payrollCsv(BATCH_ROWS));
const batchIssuer = await createIssuerKeyFile(webJwsCrypto(), 'ES256');
const silent = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), {
  isTTY: false,
}) as unknown as NodeJS.WriteStream;
let refusedLines = 0;
const batchRows: Row[] = [];
for (const png of [false, true]) {
  const summary = await issueBatch({
    csvPath: join(batchDir, 'payroll.csv'),
    issuer: batchIssuer,
    outDir: join(batchDir, png ? 'offers-png' : 'offers'),
    employerName: 'Bakkerij de Vries B.V.',
    employerId: '12345678',
    issuedAt: new Date(),
    png,
    io: { stdout: () => undefined, stderr: () => void refusedLines++ },
    progressStream: silent,
  });
  if (summary.issued !== BATCH_ROWS) throw new Error(`bench: batch issued ${summary.issued} rows`);
  const label = png ? 'offer file + QR PNG' : 'offer file only';
  console.log(
    `batch ${label}: ${BATCH_ROWS} rows in ${summary.seconds.toFixed(1)} s = ${Math.round(BATCH_ROWS / summary.seconds)} rows/s` +
      (png ? ` (largest QR version ${summary.maxQrVersion})` : ''),
  );
  batchRows.push({
    name: `batch row (${label}), of ${BATCH_ROWS}`,
    medianMs: (summary.seconds * 1000) / BATCH_ROWS,
    runs: 1,
  });
}
await rm(batchDir, { recursive: true, force: true });
rows.push(...batchRows);

const pad = (text: string, width: number) => text.padEnd(width);
const nameWidth = Math.max(...[baseline, ...rows].map((row) => row.name.length)) + 2;
console.log(`${pad('operation', nameWidth)}${pad('median ms', 12)}${pad('× baseline', 12)}runs`);
for (const row of [baseline, ...rows]) {
  console.log(
    `${pad(row.name, nameWidth)}${pad(row.medianMs.toFixed(3), 12)}${pad((row.medianMs / baseline.medianMs).toFixed(1), 12)}${row.runs}`,
  );
}

// Transport sizes (issue 4 item 3; docs/transport.md §Sizes): the typical response, a diploma with
// every claim disclosed, a full offer. Codec 1 = deflate with the v1 dictionary; codec 2 =
// structural packing (what encodeForQr chooses). QR versions at level M, byte mode.
const qrVersion = (frame: Uint8Array) =>
  QRCode.create([{ data: frame, mode: 'byte' }], { errorCorrectionLevel: 'M' }).version;
const sizeCases: [string, 'response' | 'offer', Uint8Array][] = [
  ['income statement, 3 of 8 disclosed (response)', 'response', await sampleResponse()],
  ['diploma, all 8 disclosed (response)', 'response', await sampleDiplomaResponse()],
  ['full offer, ES256 issuer (8 disclosures)', 'offer', await sampleOffer()],
];
console.log('');
console.log(
  `${pad('payload', 48)}${pad('JSON B', 8)}${pad('codec 1', 10)}${pad('codec 2', 10)}${pad('text', 8)}${pad('QR', 6)}frames`,
);
for (const [name, kind, payload] of sizeCases) {
  const codec1 = deflateSync(payload, { level: 9, dictionary: DICTIONARY_V1 }).length + 9;
  const { frames, animated } = encodeForQr(kind, payload);
  const single = frames[0] as Uint8Array;
  const shown = animated
    ? `${frames.length} × ≤ ${Math.max(...frames.map((f) => f.length))} B (v${Math.max(...frames.map(qrVersion))})`
    : '1';
  console.log(
    `${pad(name, 48)}${pad(String(payload.length), 8)}${pad(String(codec1), 10)}${pad(animated ? '-' : String(single.length), 10)}${pad(String(encodeForText(kind, payload).length), 8)}${pad(animated ? '-' : `v${qrVersion(single)}`, 6)}${shown}`,
  );
}
const typical = await sampleResponse();
const encodeRow = await measure('encodeForQr, typical response (codec 2)', 50, () =>
  encodeForQr('response', typical),
);
console.log(
  `${pad(encodeRow.name, nameWidth)}${pad(encodeRow.medianMs.toFixed(3), 12)}${pad((encodeRow.medianMs / baseline.medianMs).toFixed(1), 12)}${encodeRow.runs}`,
);
