// BC-UR fountain codes (BCR-2020-006) against the reference implementation's own test vectors
// (bc-ur-vectors.cases.json names the file and commit they come from).
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.ts';

import { utf8ToBytes } from '../encoding/utf8.ts';
import vectors from './bc-ur-vectors.cases.json';
import { crc32, writeUint32BE } from './crc32.ts';
import { createFountainDecoder } from './fountain-decoder.ts';
import {
  createFountainEncoder,
  nominalFragmentLength,
  partitionMessage,
  xorInto,
} from './fountain-encoder.ts';
import { encodeFountainPart, parseFountainPart } from './fountain-part.ts';
import { chooseDegree, chooseFragments, shuffled } from './fountain-selection.ts';
import { createRandomSampler } from './random-sampler.ts';
import { Xoshiro256 } from './xoshiro256.ts';

/** Hex from the vector files, which are well-formed. */
const hex = (text: string): Uint8Array => {
  const bytes = hexToBytes(text);
  if (!bytes.ok) throw new Error(bytes.detail.message);
  return bytes.value;
};
const rngFor = (seed: string) => Xoshiro256.fromSeed(utf8ToBytes(seed));
/** The reference's make_message: `length` pseudo-random bytes from Xoshiro256(seed). */
const makeMessage = (length: number, seed = 'Wolf') => rngFor(seed).nextData(length);

describe('BC-UR primitives', () => {
  it.each(vectors.crc32)('Given "$input", when CRC-32 runs, then it is $hex', ({ input, hex }) => {
    const out = new Uint8Array(4);
    writeUint32BE(out, 0, crc32(utf8ToBytes(input)));
    expect(bytesToHex(out)).toBe(hex);
  });

  it('Given seed "Wolf", when 100 outputs are drawn, then their values mod 100 match the vector', () => {
    const rng = rngFor('Wolf');
    expect(Array.from({ length: 100 }, () => Number(rng.next() % 100n))).toEqual(
      vectors.rngWolfMod100,
    );
  });

  it('Given the CRC-32 of "Wolf" as seed, when 100 outputs are drawn, then they match the vector', () => {
    const seed = new Uint8Array(4);
    writeUint32BE(seed, 0, crc32(utf8ToBytes('Wolf')));
    const rng = Xoshiro256.fromSeed(seed);
    expect(Array.from({ length: 100 }, () => Number(rng.next() % 100n))).toEqual(
      vectors.rngCrcWolfMod100,
    );
  });

  it('Given seed "Wolf", when nextInt(1, 10) is drawn 100 times, then it matches the vector', () => {
    const rng = rngFor('Wolf');
    expect(Array.from({ length: 100 }, () => rng.nextInt(1, 10))).toEqual(vectors.rngWolfInt1to10);
  });

  it.each(vectors.nominalFragmentLength)(
    'Given $messageLen bytes and fragments of $min…$max, then the nominal length is $expected',
    ({ messageLen, min, max, expected }) => {
      expect(nominalFragmentLength(messageLen, min, max)).toBe(expected);
    },
  );

  it('Given weights 1, 2, 4, 8 and seed "Wolf", when 500 samples are drawn, then they match', () => {
    const sampler = createRandomSampler(vectors.samplerWeights);
    const rng = rngFor('Wolf');
    const samples = Array.from({ length: 500 }, () => sampler.next(() => rng.nextDouble()));
    expect(samples).toEqual(vectors.samplerWolf500);
  });

  it('Given 1…10 and seed "Wolf", when shuffled 10 times, then each order matches', () => {
    const rng = rngFor('Wolf');
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(Array.from({ length: 10 }, () => shuffled(values, rng))).toEqual(vectors.shuffleWolf);
  });

  it('Given seed "Wolf", when two 10-byte blocks are drawn and XORed, then they match', () => {
    const rng = rngFor('Wolf');
    const data1 = rng.nextData(10);
    const data2 = rng.nextData(10);
    const mixed = Uint8Array.from(data1);
    xorInto(mixed, data2);
    expect([bytesToHex(data1), bytesToHex(data2), bytesToHex(mixed)]).toEqual([
      vectors.xorWolf.data1,
      vectors.xorWolf.data2,
      vectors.xorWolf.xor,
    ]);
  });
});

describe('BC-UR fountain encoder', () => {
  const message = makeMessage(1024);
  const { min, max, fragments } = vectors.partition1024;
  const fragmentLen = nominalFragmentLength(message.length, min, max);

  it('Given a 1024-byte message, when partitioned at 10…100 bytes, then the fragments match', () => {
    expect(partitionMessage(message, fragmentLen).map(bytesToHex)).toEqual(fragments);
  });

  it('Given 11 fragments, when degrees are chosen for "Wolf-1"…"Wolf-200", then they match', () => {
    const degrees = Array.from({ length: 200 }, (_, i) =>
      chooseDegree(fragments.length, rngFor(`Wolf-${i + 1}`)),
    );
    expect(degrees).toEqual(vectors.chooseDegreeWolfNonce1to200);
  });

  it('Given 11 fragments and the checksum, when parts 1…30 choose fragments, then they match', () => {
    const checksum = crc32(message);
    const chosen = Array.from({ length: 30 }, (_, i) =>
      chooseFragments(i + 1, fragments.length, checksum),
    );
    expect(chosen).toEqual(vectors.chooseFragments1024Seq1to30);
  });

  it('Given a 256-byte message and fragments ≤ 30, when 20 parts are made, then their CBOR matches', () => {
    const encoder = createFountainEncoder(makeMessage(256), { maxFragmentLen: 30 });
    const parts = Array.from({ length: 20 }, (_, i) =>
      bytesToHex(encodeFountainPart(encoder.part(i + 1))),
    );
    expect(parts).toEqual(vectors.encoder256by30Cbor);
  });

  it('Given each vector part, when parsed and re-encoded, then the bytes are identical', () => {
    for (const part of vectors.encoder256by30Cbor) {
      const parsed = parseFountainPart(hex(part));
      expect(parsed.ok && bytesToHex(encodeFountainPart(parsed.value))).toBe(part);
    }
  });
});

describe('BC-UR fountain decoder', () => {
  it('Given a 32767-byte message in ≤1000-byte fragments from part 100 on, when parts arrive, then it decodes', () => {
    const message = makeMessage(32767);
    const encoder = createFountainEncoder(message, { maxFragmentLen: 1000 });
    const decoder = createFountainDecoder(encoder.part(100));
    let seqNum = 100;
    let done: Uint8Array | undefined;
    while (!done && seqNum < 1000) {
      const step = decoder.receive(encoder.part(seqNum++));
      if (!step.ok) throw new Error(step.detail.message);
      if (step.value.state === 'done') done = step.value.message;
    }
    expect(done && bytesToHex(done)).toBe(bytesToHex(message));
  });

  it.each([
    ['not an array', '01', 'expected a CBOR array'],
    ['truncated', '8501091901001a0167aa07581d916e', 'expected 29 bytes'],
    [
      'seqNum 0',
      '8500091901001a0167aa07581d916ec65cf77cadf55cd7f9cda1a1030026ddd42e905b77adc36e4f2d3c',
      'seqNum',
    ],
    [
      'non-shortest integer',
      '85180109 1901001a0167aa07581d916ec65cf77cadf55cd7f9cda1a1030026ddd42e905b77adc36e4f2d3c',
      'shortest',
    ],
    ['wrong fragment length', '8501091901001a0167aa0741aa', 'fragment length'],
  ])('Given a part that is %s, when parsed, then it is malformed (%s)', (_, input, text) => {
    const parsed = parseFountainPart(hex(input.replace(/ /g, '')));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.detail.message).toContain(text);
  });
});
