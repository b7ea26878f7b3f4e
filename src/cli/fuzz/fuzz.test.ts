// The fuzzer's harness (scripts/fuzz.ts, `npm run fuzz`), fast: a few hundred inputs per decoder
// with a fixed seed must give no failure (no escaping throw, no slow input), and the harness must
// catch what it is there to catch — a throw, a bad answer, a slow input, a growing heap.
import { describe, expect, it } from 'vitest';
import { randomBytes } from '@noble/hashes/utils.js';
import { nobleJwsCrypto } from '../../core/jose/noble-jws-crypto.ts';
import { createKeyProof } from '../../core/oid4vci/proof.ts';
import { FuzzRng } from './fuzz-rng.ts';
import { mutateBytes, mutateText } from './fuzz-mutate.ts';
import { fuzzTarget, heapKeepsGrowing, inputAt, summaryLine, totalLine } from './fuzz-run.ts';
import { createFuzzTarget, DECODER_NAMES } from './fuzz-targets.ts';
import type { FuzzTarget } from './fuzz-targets.ts';

const INPUTS_PER_DECODER = 400;
const SEED = 'vitest-fuzz-1';

function fakeTarget(run: FuzzTarget<string>['run']): FuzzTarget<string> {
  return {
    name: 'fake',
    seeds: ['{"a":1}~x.y.z'],
    mutate: (rng, seed) => mutateText(rng, seed, []),
    run,
    describe: (input) => input.slice(0, 20),
  };
}

describe('the fuzz harness', () => {
  it('Given a decoder that throws on some inputs, when fuzzed, then each throw is a failure naming the input and the error', async () => {
    const target = fakeTarget((input) => {
      if (input.includes('~')) throw new TypeError('boom');
      return undefined;
    });
    const report = await fuzzTarget(target, { count: 200, seed: SEED });
    expect(report.failed).toBeGreaterThan(0);
    expect(report.passed + report.failed).toBe(200);
    expect(report.failures[0]).toMatchObject({ kind: 'throw', index: 0 });
    expect(report.failures[0]?.message).toContain('TypeError: boom');
  });

  it('Given a decoder whose answer shows a bug, and one that is slow, when fuzzed, then both are failures', async () => {
    const bad = await fuzzTarget(
      fakeTarget(() => 'no reason'),
      { count: 5, seed: SEED },
    );
    expect(bad.failures.map((f) => f.kind)).toEqual(Array(5).fill('bad-answer'));
    const slow = await fuzzTarget(
      fakeTarget(() => {
        const until = performance.now() + 30;
        while (performance.now() < until);
        return undefined;
      }),
      { count: 3, seed: SEED, maxInputMs: 10 },
    );
    expect(slow.failures.map((f) => f.kind)).toEqual(['slow', 'slow', 'slow']);
  });

  it('Given an async decoder that never answers, when fuzzed, then it is a hang, and the run goes on', async () => {
    const report = await fuzzTarget(
      fakeTarget(() => new Promise<undefined>(() => {})),
      { count: 2, seed: SEED, hangMs: 20 },
    );
    expect(report.failures.map((f) => f.kind)).toEqual(['hang', 'hang']);
  });

  it('Given heap samples, when judged, then only a sustained rise beyond the limit counts as growth', () => {
    const mib = 1024 * 1024;
    const flat = Array.from({ length: 24 }, (_, i) => 50 * mib + (i % 3) * mib);
    const rising = Array.from({ length: 24 }, (_, i) => 50 * mib + i * 6 * mib);
    const spike = flat.map((v, i) => (i === 20 ? v + 200 * mib : v));
    expect(heapKeepsGrowing(flat, 32 * mib)).toBe(false);
    expect(heapKeepsGrowing(spike, 32 * mib)).toBe(false);
    expect(heapKeepsGrowing(rising, 32 * mib)).toBe(true);
  });

  it('Given a seed, when input n is made twice, then it is the same input (a failure can be replayed alone)', async () => {
    const target = await createFuzzTarget('sd-jwt-parse');
    for (const index of [0, 17, 4711]) {
      expect(inputAt(target, SEED, index).input).toEqual(inputAt(target, SEED, index).input);
    }
    expect(inputAt(target, SEED, 100).input).not.toEqual(inputAt(target, 'other', 100).input);
  });

  it('Given mutations, when applied to text and bytes, then they change the input and stay within bounds', () => {
    const rng = new FuzzRng(SEED);
    let changed = 0;
    for (let i = 0; i < 200; i++) {
      const text = mutateText(
        rng,
        'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln~WyJzIiwiYSIsMV0~',
        [],
      );
      const bytes = mutateBytes(rng, Uint8Array.from([0x56, 1, 0, 4, 1, 2, 3]), []);
      if (text !== 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln~WyJzIiwiYSIsMV0~') changed++;
      expect(text.length).toBeLessThanOrEqual(3 * 1024 * 1024);
      expect(bytes.length).toBeLessThanOrEqual(256 * 1024 + 64);
    }
    expect(changed).toBeGreaterThan(150);
  });

  it('Given a key proof that verifies but is no seed (signed anew), when the key-proof target runs it with real signatures, then that is a bug it reports', async () => {
    const target = await createFuzzTarget('oid4vci-key-proof');
    const crypto = nobleJwsCrypto({ randomBytes });
    const { publicJwk, privateJwk } = await crypto.generateKeyPair('ES256');
    const forged = await createKeyProof({
      key: { publicJwk, alg: 'ES256', sign: (data) => crypto.sign('ES256', privateJwk, data) },
      credentialIssuer: 'https://issuer.example',
      nonce: 'wKI4LT17ac15ES9bw8ac4',
      now: new Date('2026-10-01T09:00:00Z'),
    });
    const answers = new Set<string | undefined>();
    for (let i = 0; i < 40; i++) answers.add(await target.run(forged, new FuzzRng(`forged-${i}`)));
    // Half the runs use the accepting crypto (no verdict on signatures); the others must object.
    expect(answers).toContain('a mutated key proof verified with real signatures');
    for (const [i, seed] of target.seeds.entries()) {
      expect(await target.run(seed, new FuzzRng(`seed-${i}`))).toBeUndefined();
    }
  });

  it('Given reports, when summarised, then the lines read "<decoder>: N passed, M failed" and "N passed, M failed"', () => {
    const reports = [
      { name: 'sd-jwt-parse', passed: 10, failed: 0 },
      { name: 'status-list', passed: 7, failed: 3 },
    ];
    expect(reports.map(summaryLine)).toEqual([
      'sd-jwt-parse: 10 passed, 0 failed',
      'status-list: 7 passed, 3 failed',
    ]);
    expect(totalLine(reports)).toBe('17 passed, 3 failed');
  });
});

describe('every decoder under a short fuzz run', () => {
  for (const name of DECODER_NAMES) {
    it(`Given ${INPUTS_PER_DECODER} seeded mutants, when ${name} reads them, then nothing throws, hangs or takes over a second`, async () => {
      const target = await createFuzzTarget(name);
      const report = await fuzzTarget(target, { count: INPUTS_PER_DECODER, seed: SEED });
      expect(report.failures).toEqual([]);
      expect(report.passed).toBe(INPUTS_PER_DECODER);
    });
  }
});
