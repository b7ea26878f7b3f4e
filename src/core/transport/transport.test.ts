import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToHex } from '../encoding/hex.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { crc32, writeUint32BE } from './crc32.ts';
import { DICTIONARY_V1 } from './dictionary-v1.ts';
import { encodeSingleFrame } from './frame.ts';
import { MAX_PAYLOAD_BYTES } from './limits.ts';
import { createQrAssembler } from './qr-assembler.ts';
import type { QrAssemblyProgress } from './qr-assembler.ts';
import { encodeForQr } from './qr-frames.ts';
import { decodeFromText, encodeForText } from './text.ts';
import type { PayloadKind } from './payload-kind.ts';
import vectors from './transport-vectors.cases.json';
import { Xoshiro256 } from './xoshiro256.ts';

const rng = (seed: string) => Xoshiro256.fromSeed(utf8ToBytes(seed));

/** Feeds frames until done; returns the final progress. */
function feed(frames: readonly Uint8Array[]): QrAssemblyProgress {
  const assembler = createQrAssembler();
  let last: QrAssemblyProgress = { state: 'collecting', received: 0, expected: 1 };
  for (const frame of frames) {
    last = assembler.push(frame);
    if (last.state !== 'collecting') return last;
  }
  return last;
}

/** Recomputes the trailing CRC after a deliberate edit (to reach the checks behind it). */
function withFreshChecksum(frame: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(frame);
  writeUint32BE(copy, copy.length - 4, crc32(copy.subarray(0, copy.length - 4)));
  return copy;
}

describe('transport format v1: the dictionary', () => {
  it('Given the v1 dictionary, then its length and SHA-256 are pinned (a change is a new format version)', () => {
    expect(DICTIONARY_V1.length).toBe(7609);
    expect(bytesToHex(sha256(DICTIONARY_V1))).toBe(
      '1714e62371fe7de719a2aefe45a39847885041a59c24dd70132f90174e5ca24f',
    );
  });
});

describe('transport format v1: test vectors (docs/transport.md)', () => {
  it.each(vectors.single)('Given $name, when encoded, then frame and text are exact', (v) => {
    const payload = utf8ToBytes(v.payloadUtf8);
    const kind = v.kind as PayloadKind;
    expect(bytesToHex(encodeForQr(kind, payload).frames[0] as Uint8Array)).toBe(v.frameHex);
    expect(encodeForText(kind, payload)).toBe(v.text);
    const decoded = decodeFromText(v.text);
    expect(
      decoded.ok && { kind: decoded.value.kind, hex: bytesToHex(decoded.value.payload) },
    ).toEqual({
      kind,
      hex: bytesToHex(payload),
    });
  });

  it('Given the animated vector, when encoded, then every frame is exact, and any 6 of them decode', () => {
    const v = vectors.animated;
    const payload = rng(v.payloadSeed).nextData(v.payloadLength);
    const qr = encodeForQr(v.kind as PayloadKind, payload, {
      maxFrameBytes: v.maxFrameBytes,
      animatedFrameBytes: v.animatedFrameBytes,
    });
    expect(qr.animated).toBe(true);
    expect(qr.frames.map(bytesToHex)).toEqual(v.framesHex);
    const done = feed([...qr.frames].reverse().slice(0, 6));
    expect(done.state === 'done' && bytesToHex(done.payload)).toBe(bytesToHex(payload));
  });
});

describe('transport: single frames and text', () => {
  it('Given a payload that fits, when encoded for QR, then it is one frame within 779 bytes', () => {
    const qr = encodeForQr('offer', utf8ToBytes('{"type":"vouch-credential-offer"}'));
    expect(qr.animated).toBe(false);
    expect(qr.frames).toHaveLength(1);
  });

  it('Given a link with the text after #receive=, when decoded, then the payload comes back', () => {
    const text = encodeForText('offer', utf8ToBytes('{"a":1}'));
    const decoded = decodeFromText(`  https://vouch.example/#receive=${text}\n`);
    expect(decoded.ok && decoded.value.kind).toBe('offer');
  });

  const good = encodeForText('offer', utf8ToBytes('{"type":"vouch-credential-offer","v":1}'));
  const body = good.slice('VOUCH1:'.length);
  const tamperedChar = body[10] === 'A' ? 'B' : 'A';
  it.each([
    ['random text', 'hello world', 'not-vouch'],
    ['another prefix', 'HC1:6BFOXN', 'not-vouch'],
    ['a newer version', `VOUCH2:${body}`, 'unsupported-version'],
    [
      'one character changed',
      `VOUCH1:${body.slice(0, 10)}${tamperedChar}${body.slice(11)}`,
      'corrupt',
    ],
    ['a cut-off text', good.slice(0, -5), 'corrupt'],
    ['non-base64url characters', `${good}!`, 'corrupt'],
    ['an empty body', 'VOUCH1:', 'corrupt'],
    ['a huge text', `VOUCH1:${'A'.repeat(2_000_000)}`, 'too-large'],
  ])('Given %s, when decoded from text, then it fails with %s', (_, text, reason) => {
    const decoded = decodeFromText(text);
    expect(decoded.ok ? 'ok' : decoded.reason).toBe(reason);
    if (!decoded.ok) expect(decoded.detail.message.length).toBeGreaterThan(5);
  });

  it('Given an offer and a caller accepting only requests, when decoded, then it is wrong-kind', () => {
    const decoded = decodeFromText(good, { accept: ['request'] });
    expect(decoded.ok ? 'ok' : decoded.reason).toBe('wrong-kind');
  });

  it('Given a frame with an unknown kind or codec byte, when parsed, then it is wrong-kind / unsupported-version', () => {
    const frame = encodeSingleFrame('offer', utf8ToBytes('x'));
    const kind = Uint8Array.from(frame);
    kind[3] = 0x7f;
    const codec = Uint8Array.from(frame);
    codec[4] = 0x03;
    const reasons = [kind, codec].map((f) => {
      const decoded = decodeFromText(`VOUCH1:${encodeBase64Url(withFreshChecksum(f))}`);
      return decoded.ok ? 'ok' : decoded.reason;
    });
    expect(reasons).toEqual(['wrong-kind', 'unsupported-version']);
  });

  it('Given a deflate bomb over the payload cap, when decoded, then it is too-large', () => {
    const bomb = encodeForText('status-list', new Uint8Array(MAX_PAYLOAD_BYTES + 10));
    expect(bomb.length).toBeLessThan(10_000);
    const decoded = decodeFromText(bomb);
    expect(decoded.ok ? 'ok' : decoded.reason).toBe('too-large');
  });
});

describe('transport: animated codes', () => {
  const sizes = [0, 1, 100, 700, 770, 771, 780, 1000, 2345, 5000, 20_000, 60_000];
  it.each(sizes)(
    'Given %i random bytes, when framed and fed shuffled with duplicates and losses, then they come back exactly',
    (size) => {
      const r = rng(`payload-${size}`);
      const payload = r.nextData(size);
      const qr = encodeForQr('response', payload, { frameCount: undefined });
      for (const frame of qr.frames) {
        expect(frame.length).toBeLessThanOrEqual(qr.animated ? 287 : 779);
      }
      expect(qr.animated).toBe(size + 9 > 779); // 9 bytes of framing
      // Drop one frame in eight (not in single-frame codes), repeat one in four, shuffle.
      let stream = qr.frames.filter((_, i) => !qr.animated || i % 8 !== 3);
      stream = [...stream, ...stream.filter((_, i) => i % 4 === 0)];
      stream = stream
        .map((frame) => ({ frame, key: r.nextDouble() }))
        .sort((a, b) => a.key - b.key)
        .map(({ frame }) => frame);
      // A lossy cycle is followed by the next cycle of the same code, as on a screen.
      const done = feed([...stream, ...qr.frames]);
      expect(done.state).toBe('done');
      expect(done.state === 'done' && bytesToHex(done.payload)).toBe(bytesToHex(payload));
      expect(done.state === 'done' && done.kind).toBe('response');
    },
  );

  it('Given an animated code, when frames arrive, then progress counts up to the fragment count', () => {
    const qr = encodeForQr('offer', rng('progress').nextData(1500));
    const assembler = createQrAssembler();
    const first = assembler.push(qr.frames[0] as Uint8Array);
    const again = assembler.push(qr.frames[0] as Uint8Array);
    expect(first).toEqual({ state: 'collecting', received: 1, expected: 6 });
    expect(again).toEqual(first);
  });

  it('Given a damaged frame in the stream, when pushed, then that push is corrupt and the rest still decodes', () => {
    const payload = rng('damaged').nextData(2000);
    const qr = encodeForQr('offer', payload);
    const assembler = createQrAssembler({ accept: ['offer'] });
    const damaged = Uint8Array.from(qr.frames[1] as Uint8Array);
    damaged[20] = (damaged[20] as number) ^ 0x01;
    const answer = assembler.push(damaged);
    expect(answer.state === 'failed' && answer.reason).toBe('corrupt');
    let last: QrAssemblyProgress = answer;
    for (const frame of qr.frames) last = assembler.push(frame);
    expect(last.state === 'done' && bytesToHex(last.payload)).toBe(bytesToHex(payload));
  });

  it('Given a part whose CRC is recomputed after damage, when the code completes, then it is corrupt, not garbage', () => {
    const qr = encodeForQr('offer', rng('forged').nextData(1200));
    const forged = Uint8Array.from(qr.frames[0] as Uint8Array);
    forged[30] = (forged[30] as number) ^ 0xff;
    const result = feed([withFreshChecksum(forged), ...qr.frames.slice(1)]);
    expect(result.state === 'failed' && result.reason).toBe('corrupt');
  });

  it('Given frames of two different codes, when mixed, then the assembler follows the newer code', () => {
    const a = encodeForQr('offer', rng('a').nextData(1500));
    const b = encodeForQr('offer', rng('b').nextData(1500));
    const result = feed([a.frames[0] as Uint8Array, ...b.frames]);
    expect(result.state).toBe('done');
  });

  it('Given a QR that is not ours, when pushed, then it is not-vouch', () => {
    const result = createQrAssembler().push(utf8ToBytes('https://example.com'));
    expect(result.state === 'failed' && result.reason).toBe('not-vouch');
  });

  it('Given a text form of a single frame, when its base64url is decoded, then it equals the QR frame', () => {
    const payload = utf8ToBytes('{"x":"same bytes"}');
    const text = encodeForText('request', payload);
    const bytes = decodeBase64Url(text.slice(7));
    expect(bytes.ok && bytesToHex(bytes.value)).toBe(
      bytesToHex(encodeForQr('request', payload).frames[0] as Uint8Array),
    );
  });
});
