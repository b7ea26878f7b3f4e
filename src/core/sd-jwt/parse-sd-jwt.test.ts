import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { samplePresentation } from '../transport/sample-payloads.fake.ts';
import { digestDisclosure } from './disclosure.ts';
import { parseSdJwt } from './parse-sd-jwt.ts';

describe('parseSdJwt (the text encoded once, its parts as views)', () => {
  it('Given a presentation, then the signing inputs, digests, sd_hash input and KB-JWT bytes are exactly the encodings of their texts', async () => {
    const presentation = await samplePresentation();
    const parsed = parseSdJwt(presentation);
    if (!parsed.ok) throw new Error(parsed.detail.message);
    const { jws, disclosures, sdHashInput, sdHashInputBytes, keyBindingJwt, keyBindingJwtBytes } =
      parsed.value;
    const [header, payload] = parsed.value.issuerSignedJwt.split('.');
    expect(jws.signingInput).toEqual(utf8ToBytes(`${header}.${payload}`));
    expect(sdHashInputBytes).toEqual(utf8ToBytes(sdHashInput));
    expect(keyBindingJwtBytes).toEqual(utf8ToBytes(keyBindingJwt ?? ''));
    expect(disclosures.length).toBeGreaterThan(0);
    for (const disclosure of disclosures) {
      expect(disclosure.digest).toBe(digestDisclosure(disclosure.encoded));
    }
  });

  it('Given a presentation with a non-ASCII character in a disclosure, then that disclosure is refused, as before', async () => {
    const parts = (await samplePresentation()).split('~');
    parts[1] = `${parts[1]}é`;
    const parsed = parseSdJwt(parts.join('~'));
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('bad-disclosure');
  });

  it('Given a non-ASCII character in the KB-JWT (which parsing does not decode), then the parts before it are still read from their own encodings', async () => {
    const presentation = `${await samplePresentation()}é`;
    const parsed = parseSdJwt(presentation);
    if (!parsed.ok) throw new Error(parsed.detail.message);
    const [header, payload] = parsed.value.issuerSignedJwt.split('.');
    expect(parsed.value.jws.signingInput).toEqual(utf8ToBytes(`${header}.${payload}`));
    expect(parsed.value.sdHashInputBytes).toEqual(utf8ToBytes(parsed.value.sdHashInput));
    expect(parsed.value.keyBindingJwtBytes).toBeUndefined();
    for (const disclosure of parsed.value.disclosures) {
      expect(disclosure.digest).toBe(digestDisclosure(disclosure.encoded));
    }
  });
});
