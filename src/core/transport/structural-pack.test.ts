import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToHex, hexToBytes as hexResult } from '../encoding/hex.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { ByteWriter } from './byte-cursor.ts';
import { CODEC_DEFLATE_V1, CODEC_STRUCTURAL_V1, compressBody, decompressBody } from './codec.ts';
import { crc32, writeUint32BE } from './crc32.ts';
import { encodeSingleFrame, parseFrame } from './frame.ts';
import { MAX_PAYLOAD_BYTES, QR_BYTES_V12_M, QR_BYTES_V22_M } from './limits.ts';
import { PACK_PREFIXES, PACK_STRINGS } from './pack-tables.ts';
import { createQrAssembler } from './qr-assembler.ts';
import type { QrAssemblyProgress } from './qr-assembler.ts';
import { encodeForQr } from './qr-frames.ts';
import {
  sampleDiplomaResponse,
  sampleOffer,
  samplePresentation,
  sampleResponse,
} from './sample-payloads.fake.ts';
import { packStructure, unpackStructure } from './structural-pack.ts';
import { decodeFromText, encodeForText } from './text.ts';
import vectors from './transport-vectors.cases.json';
import { Xoshiro256 } from './xoshiro256.ts';
import { encodePresentationResponse } from '../protocol/response.ts';

const same = (a: Uint8Array, b: Uint8Array) => bytesToHex(a) === bytesToHex(b);
const codecOf = (frame: Uint8Array) => frame[4];

function feed(frames: readonly Uint8Array[]): QrAssemblyProgress {
  const assembler = createQrAssembler();
  let last: QrAssemblyProgress = { state: 'collecting', received: 0, expected: 1 };
  for (const frame of frames) {
    last = assembler.push(frame);
    if (last.state !== 'collecting') return last;
  }
  return last;
}

function withFreshChecksum(frame: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(frame);
  writeUint32BE(copy, copy.length - 4, crc32(copy.subarray(0, copy.length - 4)));
  return copy;
}

describe('codec 2: the tables are part of the format', () => {
  it('Given the string and prefix tables, then their SHA-256 is pinned (a change is a new format)', () => {
    const digest = bytesToHex(sha256(utf8ToBytes(JSON.stringify([PACK_STRINGS, PACK_PREFIXES]))));
    expect([PACK_STRINGS.length, PACK_PREFIXES.length, digest]).toEqual(
      vectors.codec2Tables.pinned,
    );
  });
});

describe('codec 2: test vectors (docs/transport.md)', () => {
  it.each(vectors.codec2)('Given $name, when encoded, then frame and text are exact', (v) => {
    const payload = utf8ToBytes(v.payloadUtf8);
    const frame = encodeSingleFrame(v.kind as 'response', payload);
    expect(bytesToHex(frame)).toBe(v.frameHex);
    expect(codecOf(frame)).toBe(CODEC_STRUCTURAL_V1);
    const decoded = decodeFromText(encodeForText(v.kind as 'response', payload));
    expect(decoded.ok && bytesToUtf8(decoded.value.payload)).toEqual({
      ok: true,
      value: v.payloadUtf8,
    });
    const parsed = parseFrame(hexToBytes(v.frameHex));
    expect(parsed.ok && parsed.value.type === 'single' && same(parsed.value.payload, payload)).toBe(
      true,
    );
  });
});

describe('codec 2: sizes of issue 4 item 3', () => {
  it('Given the typical presentation (income, 3 of 8 disclosed), when encoded for QR, then ONE frame ≤ 779 bytes, exact', async () => {
    const payload = await sampleResponse();
    const { frames, animated } = encodeForQr('response', payload);
    expect(animated).toBe(false);
    expect(frames[0]!.length).toBeLessThanOrEqual(QR_BYTES_V22_M);
    expect(codecOf(frames[0]!)).toBe(CODEC_STRUCTURAL_V1);
    const done = feed(frames);
    expect(done.state === 'done' && same(done.payload, payload)).toBe(true);
  });

  it('Given a full credential offer, when encoded, then codec 2 makes it one frame', async () => {
    const payload = await sampleOffer();
    const { frames, animated } = encodeForQr('offer', payload);
    expect([animated, codecOf(frames[0]!)]).toEqual([false, CODEC_STRUCTURAL_V1]);
    const done = feed(frames);
    expect(done.state === 'done' && same(done.payload, payload)).toBe(true);
  });

  it('Given a response too large for one frame, when encoded, then animated frames ≤ 287 bytes reassemble it exactly', async () => {
    const diploma = await sampleDiplomaResponse();
    const parsed = JSON.parse(new TextDecoder().decode(diploma)) as {
      vp_token: Record<string, string[]>;
    };
    const payload = encodePresentationResponse({
      vpToken: { diploma: parsed.vp_token.diploma!, income: [await samplePresentation()] },
    });
    const { frames, animated } = encodeForQr('response', payload);
    expect(animated).toBe(true);
    expect(Math.max(...frames.map((f) => f.length))).toBeLessThanOrEqual(QR_BYTES_V12_M);
    const done = feed([...frames].reverse());
    expect(done.state === 'done' && same(done.payload, payload)).toBe(true);
  });
});

describe('codec 2: round trips (property tests over generated presentations)', () => {
  const algs = ['ES256', 'EdDSA', 'ES256K'] as const;
  const claimNames = [
    'period',
    'gross_wage_cents',
    'net_wage_cents',
    'hours',
    'employer_name',
    'employer_id',
    'employee_name',
    'birth_date',
  ];
  const cases = Array.from({ length: 12 }, (_, i) => {
    const rng = Xoshiro256.fromSeed(utf8ToBytes(`case ${i}`));
    const disclose = claimNames.filter(() => rng.nextInt(0, 1) === 1);
    return {
      name: `case ${i}: ${algs[i % 3]} issuer, ${disclose.length} disclosed, ${i % 4} decoys${i % 5 === 0 ? ', no status' : ''}${i % 2 ? ', no exp' : ''}`,
      opts: {
        seed: `property ${i}`,
        issuerAlg: algs[i % 3],
        disclose,
        decoys: i % 4,
        expires: i % 2 === 0,
        ...(i % 5 === 0 ? { status: undefined } : {}),
      },
    };
  });

  it.each(cases)(
    'Given $name, when encoded and decoded, then every byte comes back',
    async ({ opts }) => {
      const payload = await sampleResponse(opts);
      const { codec, body } = compressBody(payload);
      expect(codec).toBe(CODEC_STRUCTURAL_V1);
      const decoded = decompressBody(codec, body);
      expect(decoded.ok && same(decoded.value, payload)).toBe(true);
      const text = decodeFromText(encodeForText('response', payload));
      expect(text.ok && same(text.value.payload, payload)).toBe(true);
    },
  );

  it.each([
    [
      'a header with a space (not re-serialisable JSON)',
      `${b64('{"alg": "ES256"}')}.${b64('{"a":1}')}.${b64(bytes(64, 1))}`,
    ],
    [
      'a payload that is not JSON',
      `${b64('{"alg":"ES256"}')}.${b64(bytes(40, 2))}.${b64(bytes(64, 3))}`,
    ],
    ['a 70-byte signature', `${b64('{"alg":"ES256"}')}.${b64('{}')}.${b64(bytes(70, 4))}`],
    [
      'integer-like keys (reordered by JSON.parse)',
      `${b64('{"b":1,"1":2}')}.${b64('{}')}.${b64(bytes(64, 5))}`,
    ],
    [
      'floats, negatives, unicode and nesting',
      `${b64('{"alg":"ES256"}')}.${b64('{"f":1.5,"n":-3,"e":1e+21,"t":"été ✓","a":[null,true,false,{"z":[]}]}')}.${b64(bytes(64, 6))}~`,
    ],
    [
      'a non-canonical last base64url character',
      `${b64('{"alg":"ES256"}')}.e31.${b64(bytes(64, 7))}`,
    ],
    [
      'an SD-JWT with an empty KB slot and text around it',
      `before ${b64('{"alg":"ES256"}')}.${b64('{"_sd":[]}')}.${b64(bytes(64, 8))}~${b64('["c2FsdHNhbHRzYWx0c2FsdA","x",1]')}~ after`,
    ],
    [
      'did:key strings and a did:key key id',
      `${b64('{"alg":"ES256","kid":"did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169#zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"}')}.${b64('{"iss":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","aud":"decentralized_identifier:did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"}')}.${b64(bytes(64, 9))}`,
    ],
    [
      'a did:key three times, and one too long for tag 9 twice (each remembered, as bytes or as text)',
      `${b64('{"alg":"EdDSA","kid":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}')}.${b64(`{"iss":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","a":"did:key:z${'2'.repeat(100)}","b":"did:key:z${'2'.repeat(100)}"}`)}.${b64(bytes(64, 14))}`,
    ],
    [
      'an EC key whose y is not on the curve',
      `${b64('{"alg":"ES256"}')}.${b64(`{"cnf":{"jwk":{"kty":"EC","crv":"P-256","x":"${b64(bytes(32, 10))}","y":"${b64(bytes(32, 11))}"}}}`)}.${b64(bytes(64, 12))}`,
    ],
  ])('Given %s, when encoded, then it comes back exactly', (_, text) => {
    const payload = utf8ToBytes(text);
    const { codec, body } = compressBody(payload);
    const decoded = decompressBody(codec, body);
    expect(decoded.ok && bytesToUtf8(decoded.value)).toEqual({ ok: true, value: text });
  });

  it('Given JSON the packer cannot reproduce (a lone surrogate), when encoded, then it falls back to codec 1', () => {
    const text = `${b64('{"alg":"ES256","x":"\\ud800"}')}.${b64('{}')}.${b64(bytes(64, 13))}`;
    const payload = utf8ToBytes(text);
    expect(packStructure(payload)).toBeDefined();
    const { codec, body } = compressBody(payload);
    expect(codec).toBe(CODEC_DEFLATE_V1);
    const decoded = decompressBody(codec, body);
    expect(decoded.ok && same(decoded.value, payload)).toBe(true);
  });

  it('Given text without any JWS, when packed, then codec 2 is not attempted', () => {
    expect(packStructure(utf8ToBytes('{"vp_token":{"a":["plain"]}}'))).toBeUndefined();
    expect(packStructure(new Uint8Array([0xff, 0xfe]))).toBeUndefined();
  });
});

describe('codec 2: damage reads as corrupt, never as garbage', () => {
  it('Given the typical frame with any one byte changed (CRC not fixed), when decoded, then it is corrupt', async () => {
    const frame = encodeForQr('response', await sampleResponse()).frames[0]!;
    const reasons = new Set<string>();
    for (let at = 3; at < frame.length; at++) {
      const damaged = Uint8Array.from(frame);
      damaged[at] = (damaged[at] as number) ^ 0x20;
      const parsed = parseFrame(damaged);
      reasons.add(parsed.ok ? 'ok' : parsed.reason);
    }
    expect([...reasons]).toEqual(['corrupt']);
  });

  it('Given damage behind a recomputed CRC, when decoded, then it is a Result (failed or other bytes), never a throw', async () => {
    const frame = encodeForQr('response', await sampleResponse()).frames[0]!;
    const rng = Xoshiro256.fromSeed(utf8ToBytes('tamper'));
    let failures = 0;
    for (let i = 0; i < 300; i++) {
      const damaged = Uint8Array.from(frame);
      const at = rng.nextInt(5, frame.length - 5);
      damaged[at] = (damaged[at] as number) ^ rng.nextInt(1, 255);
      const parsed = parseFrame(withFreshChecksum(damaged));
      if (!parsed.ok) {
        failures++;
        expect(['corrupt', 'too-large']).toContain(parsed.reason);
      }
    }
    expect(failures).toBeGreaterThan(200);
  });

  it('Given random packed streams, when unpacked, then each is a Result, never a throw', () => {
    const rng = Xoshiro256.fromSeed(utf8ToBytes('fuzz'));
    for (let i = 0; i < 2000; i++) {
      const stream = rng.nextData(rng.nextInt(0, 200));
      if (i % 2) stream[0] = rng.nextInt(1, 2); // start with a token segment
      const result = unpackStructure(stream, MAX_PAYLOAD_BYTES);
      expect(typeof result.ok).toBe('boolean');
    }
  });

  it('Given a packed stream that expands past the payload cap, when unpacked, then it is too-large', () => {
    const writer = new ByteWriter();
    writer.byte(1); // a JWS segment
    writer.byte(2); // header part: packed JSON
    writer.byte(14); // an array
    const count = 300_000;
    writer.varint(count);
    for (let i = 0; i < count; i++) {
      writer.byte(7); // table string: the longest vct, 31 characters
      writer.varint(PACK_STRINGS.indexOf('urn:vouch:medical-attestation:1'));
    }
    const result = unpackStructure(writer.finish(), MAX_PAYLOAD_BYTES);
    expect(result.ok ? 'ok' : result.reason).toBe('too-large');
  });

  it.each([
    ['an unknown segment tag', '09'],
    ['a digest reference outside an SD-JWT', '01020f0101' + '0c00'],
    ['a truncated signature', '010200020003' + '00'.repeat(10)],
    ['a varint not in shortest form', '008000'],
    ['an EC y without x', '0102' + '0f01' + '12' + '10'],
  ])('Given %s, when unpacked, then it is corrupt', (_, hex) => {
    const result = unpackStructure(hexToBytes(hex), MAX_PAYLOAD_BYTES);
    expect(result.ok ? 'ok' : result.reason).toBe('corrupt');
  });
});

function hexToBytes(hex: string): Uint8Array {
  const bytes = hexResult(hex);
  if (!bytes.ok) throw new Error(bytes.detail.message);
  return bytes.value;
}

function b64(value: string | Uint8Array): string {
  return encodeBase64Url(typeof value === 'string' ? utf8ToBytes(value) : value);
}

function bytes(length: number, seed: number): Uint8Array {
  return Xoshiro256.fromSeed(Uint8Array.of(seed)).nextData(length);
}
