// The encoder's choice of codec (codec.ts): the default keeps the smallest body; `structuralFirst`
// skips the codec-1 trial and may then keep a larger codec-2 body, which the vectors show; a
// platform's pack encoding gives the same bytes and is in effect only while the encoder runs.
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { CODEC_DEFLATE_V1, CODEC_STRUCTURAL_V1, compressBody, decompressBody } from './codec.ts';
import { CORE_PACK_ENCODING, packEncoding } from './pack-encoding.ts';
import { packStructure } from './structural-pack.ts';
import type { PackEncoding } from './pack-encoding.ts';
import vectors from './transport-vectors.cases.json';

const payloads = [...vectors.single, ...vectors.codec2].map((v) => ({
  name: v.name,
  payload: utf8ToBytes(v.payloadUtf8),
}));

/** The core's encoding, counting its calls. */
function countingEncoding(): { encoding: PackEncoding; calls: () => number } {
  let calls = 0;
  const counted =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      calls++;
      return f(...args);
    };
  return {
    encoding: {
      base64Url: counted(CORE_PACK_ENCODING.base64Url),
      base64UrlBytes: counted(CORE_PACK_ENCODING.base64UrlBytes),
      textBase64Url: counted(CORE_PACK_ENCODING.textBase64Url),
      sha256Base64Url: counted(CORE_PACK_ENCODING.sha256Base64Url),
    },
    calls: () => calls,
  };
}

describe('compressBody: structuralFirst', () => {
  it.each(payloads)(
    'Given $name, when encoded with structuralFirst, then the body decodes to the payload',
    ({ payload }) => {
      const { codec, body } = compressBody(payload, { structuralFirst: true });
      expect(decompressBody(codec, body)).toEqual({ ok: true, value: payload });
    },
  );

  it('Given the presentations of the vectors (codec 2 wins), when encoded with structuralFirst, then the body is the default one', () => {
    for (const v of vectors.codec2) {
      const payload = utf8ToBytes(v.payloadUtf8);
      const chosen = compressBody(payload);
      expect(chosen.codec).toBe(CODEC_STRUCTURAL_V1);
      expect(compressBody(payload, { structuralFirst: true })).toEqual(chosen);
    }
  });

  it('Given the small offer of the vectors (deflate wins, 36 bytes), when encoded with structuralFirst, then codec 2 is kept although larger (45 bytes): the option is for payloads codec 2 is known to win', () => {
    const payload = utf8ToBytes(vectors.single[0]?.payloadUtf8 as string);
    const smallest = compressBody(payload);
    expect({ codec: smallest.codec, bytes: smallest.body.length }).toEqual({
      codec: CODEC_DEFLATE_V1,
      bytes: 36,
    });
    const first = compressBody(payload, { structuralFirst: true });
    expect({ codec: first.codec, bytes: first.body.length }).toEqual({
      codec: CODEC_STRUCTURAL_V1,
      bytes: 45,
    });
  });

  it('Given text without a token, when encoded with structuralFirst, then the choice is the default one (codec 2 does not apply)', () => {
    const payload = utf8ToBytes(`{"type":"vouch-connect","v":1,"name":"${'x'.repeat(200)}"}`);
    expect(compressBody(payload, { structuralFirst: true })).toEqual(compressBody(payload));
  });
});

describe('compressBody: a platform pack encoding', () => {
  it.each(payloads)(
    'Given $name, when encoded with another encoding of the same functions, then the body is the same and the core encoding is back afterwards',
    ({ payload }) => {
      const { encoding, calls } = countingEncoding();
      expect(compressBody(payload, { encoding })).toEqual(compressBody(payload));
      expect(packEncoding()).toBe(CORE_PACK_ENCODING);
      // Every payload with a token packs through the encoding (a digest, a signature or a part).
      if (payload.length > 200) expect(calls()).toBeGreaterThan(0);
    },
  );

  it('Given an encoding that throws, when encoding, then codec 2 is given up for the other codecs and the core encoding is back', () => {
    const broken: PackEncoding = {
      ...CORE_PACK_ENCODING,
      base64Url: () => {
        throw new Error('broken');
      },
    };
    const payload = utf8ToBytes(vectors.codec2[0]?.payloadUtf8 as string);
    const { codec, body } = compressBody(payload, { encoding: broken });
    expect(codec).toBe(CODEC_DEFLATE_V1);
    expect(decompressBody(codec, body)).toEqual({ ok: true, value: payload });
    expect(packEncoding()).toBe(CORE_PACK_ENCODING);
  });

  it('Given an encoding that gets the base64url of a signature wrong, when encoding, then codec 2 is refused by the check (the body still decodes to the payload)', () => {
    const wrong: PackEncoding = {
      ...CORE_PACK_ENCODING,
      base64Url: (bytes) => encodeBase64Url(bytes.length === 64 ? bytes.slice(1) : bytes),
    };
    const payload = utf8ToBytes(vectors.codec2[0]?.payloadUtf8 as string);
    const { codec, body } = compressBody(payload, { encoding: wrong });
    expect(codec).not.toBe(CODEC_STRUCTURAL_V1);
    expect(decompressBody(codec, body)).toEqual({ ok: true, value: payload });
  });
});

describe('compressBody: a structure from the caller', () => {
  const payload = utf8ToBytes(vectors.codec2[0]?.payloadUtf8 as string);
  const textPacked = packStructure(payload) as Uint8Array;

  it("Given the caller's stream of the payload, when encoding, then it is the codec-2 body's stream", () => {
    const given = Uint8Array.from(textPacked);
    let calls = 0;
    const structure = () => {
      calls++;
      return given;
    };
    const { codec, body } = compressBody(payload, { structure });
    expect(calls).toBe(1);
    expect({ codec, body }).toEqual(compressBody(payload));
    expect(codec).toBe(CODEC_STRUCTURAL_V1);
  });

  it("Given a caller's stream that unpacks to other bytes, or none, when encoding, then the check refuses it and the payload's text is packed instead", () => {
    // The stream of the payload with one more character: it unpacks, to other bytes.
    const other = packStructure(utf8ToBytes(`${vectors.codec2[0]?.payloadUtf8 as string}x`));
    expect(other).toBeDefined();
    for (const structure of [() => other, () => undefined, () => Uint8Array.of(0xff)]) {
      const { codec, body } = compressBody(payload, { structure });
      expect({ codec, body }).toEqual(compressBody(payload));
      expect(decompressBody(codec, body)).toEqual({ ok: true, value: payload });
    }
  });
});
