/**
 * `npm run bench -- foundation`: speed of the foundation's hot paths (keys, signatures, the
 * passcode KDF, the vault) as median times and ratios to a baseline measured in the same run
 * (SHA-256 over 64 KiB), and the transport sizes of docs/transport.md §Sizes.
 *
 * Batch issuance (the payroll rows that were measured here before issue 12) moved to
 * scripts/bench/payroll.ts (section `payroll`).
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { deflateSync } from 'fflate';
import { webcrypto } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import QRCode from 'qrcode';
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
} from '../../src/core/keys/index.ts';
import { DICTIONARY_V1, encodeForQr, encodeForText } from '../../src/core/transport/index.ts';
import {
  sampleDiplomaResponse,
  sampleOffer,
  sampleResponse,
} from '../../src/core/transport/sample-payloads.fake.ts';
import {
  ARGON2ID_DEFAULTS,
  createMemoryVaultStorage,
  createVault,
  MIN_PBKDF2_ITERATIONS,
  unlockVault,
} from '../../src/core/vault/index.ts';
import { webCryptoVaultCrypto } from '../../src/platform/crypto/index.ts';
import type { BenchRow, BenchSectionRunner } from './types.ts';

/** Median milliseconds of `runs` calls, after one warm-up call. */
async function medianMs(runs: number, operation: () => unknown): Promise<number> {
  await operation();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await operation();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export const run: BenchSectionRunner = async () => {
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
  if (!created.ok) throw new Error(`could not create a vault (${created.reason})`);
  created.value.lock();

  const baseline = await medianMs(200, () => sha256(block));
  const rows: BenchRow[] = [];
  const time = async (name: string, runs: number, operation: () => unknown) => {
    const value = await medianMs(runs, operation);
    rows.push({ name, value, unit: 'ms', ratio: value / baseline });
  };

  rows.push({ name: 'baseline: SHA-256 of 64 KiB', value: baseline, unit: 'ms', ratio: 1 });
  await time('generate 24-word mnemonic', 200, () => generateMnemonic());
  await time('check mnemonic (words + checksum)', 200, () => checkMnemonic(mnemonic));
  await time('mnemonic → seed (PBKDF2-SHA512 ×2048)', 20, () => mnemonicToSeed(mnemonic, ''));
  await time('seed → wallet root key info (BIP32)', 50, () => describeKey(seed));
  await time('issuer: xpub → credential child key', 200, () =>
    deriveCredentialPublicKey(relationship.xpub, 42),
  );
  await time('did:key of a secp256k1 key', 500, () =>
    didKeyFromPublicKey(deriveCredentialPublicKey(relationship.xpub, 1)),
  );
  await time('ES256K sign', 200, () => signer(message));
  await time('ES256K verify', 200, async () => {
    if (!(await verify(message, signature))) throw new Error('a signature did not verify');
  });
  // The passcode KDF alone (legacy PBKDF2, then Argon2id at the vault's defaults), then a whole
  // unlock (Argon2id derivation + unwrap + secret check). The first Argon2id call also loads WASM.
  await time(`passcode KDF: PBKDF2-SHA256 ×${MIN_PBKDF2_ITERATIONS}`, 5, () =>
    crypto.deriveKeyEncryptionKey('804193', {
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: MIN_PBKDF2_ITERATIONS,
      salt: crypto.randomBytes(16),
    }),
  );
  await time(
    `passcode KDF: Argon2id m=${ARGON2ID_DEFAULTS.memoryKiB / 1024} MiB t=${ARGON2ID_DEFAULTS.iterations} p=${ARGON2ID_DEFAULTS.parallelism}`,
    5,
    () =>
      crypto.deriveKeyEncryptionKey('804193', {
        name: 'Argon2id',
        version: 19,
        ...ARGON2ID_DEFAULTS,
        salt: crypto.randomBytes(16),
      }),
  );
  await time('vault unlock (Argon2id, default parameters)', 5, async () => {
    const unlocked = await unlockVault(deps, '804193');
    if (unlocked.ok) unlocked.value.lock();
  });

  // Transport sizes (issue 4 item 3; docs/transport.md §Sizes): the typical response, a diploma
  // with every claim disclosed, a full offer. Codec 1 = deflate with the v1 dictionary; codec 2 =
  // structural packing (what encodeForQr chooses). QR versions at level M, byte mode.
  const qrVersion = (frame: Uint8Array) =>
    QRCode.create([{ data: frame, mode: 'byte' }], { errorCorrectionLevel: 'M' }).version;
  const sizeCases: [string, 'response' | 'offer', Uint8Array][] = [
    ['income statement, 3 of 8 disclosed (response)', 'response', await sampleResponse()],
    ['diploma, all 8 disclosed (response)', 'response', await sampleDiplomaResponse()],
    ['full offer, ES256 issuer (8 disclosures)', 'offer', await sampleOffer()],
  ];
  const notes: string[] = [];
  for (const [name, kind, payload] of sizeCases) {
    const codec1 = deflateSync(payload, { level: 9, dictionary: DICTIONARY_V1 }).length + 9;
    const { frames, animated } = encodeForQr(kind, payload);
    const single = frames[0] as Uint8Array;
    rows.push({ name: `${name}: JSON`, value: payload.length, unit: 'bytes' });
    rows.push({ name: `${name}: codec 1`, value: codec1, unit: 'bytes' });
    if (!animated) rows.push({ name: `${name}: codec 2`, value: single.length, unit: 'bytes' });
    rows.push({
      name: `${name}: as text`,
      value: encodeForText(kind, payload).length,
      unit: 'chars',
    });
    notes.push(
      animated
        ? `${name}: ${frames.length} QR frames of ≤ ${Math.max(...frames.map((f) => f.length))} B (version ≤ ${Math.max(...frames.map(qrVersion))})`
        : `${name}: one QR code, version ${qrVersion(single)} (level M)`,
    );
  }
  const typical = await sampleResponse();
  await time('encodeForQr, typical response (codec 2)', 50, () => encodeForQr('response', typical));

  return {
    id: 'foundation',
    title: 'Foundation',
    baseline: 'SHA-256 of 64 KiB (@noble/hashes), median, same run',
    rows,
    notes: [...notes, 'Batch issuance (payroll rows) is measured in the payroll section.'],
  };
};
