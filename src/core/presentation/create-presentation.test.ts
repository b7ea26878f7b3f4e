// createPresentation: which disclosures go out, the issuer JWT byte for byte, and the KB-JWT of
// RFC 9901 §4.3 (typ, alg, iat, aud, nonce, sd_hash over everything up to the last "~").
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCompactJws } from '../jose/compact-jws.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { parseSdJwt } from '../sd-jwt/parse-sd-jwt.ts';
import {
  AUDIENCE,
  makeWorld,
  NONCE,
  NOW,
  signerFor,
} from '../verification/presentation-world.fake.ts';
import type { World } from '../verification/presentation-world.fake.ts';
import { createPresentation } from './create-presentation.ts';

let world: World;
beforeAll(async () => {
  world = await makeWorld('ES256', 'presentation');
});

const make = (disclose: readonly string[], credential = world.credential) =>
  createPresentation({
    credential,
    disclose,
    audience: AUDIENCE,
    nonce: NONCE,
    issuedAt: NOW,
    holder: signerFor(world.crypto, world.holder),
  });

describe('createPresentation', () => {
  it('Given three chosen claims, when presented, then exactly their disclosures follow the untouched issuer JWT, then a KB-JWT', async () => {
    const made = await make(['period', 'employee_name', 'net_wage_cents']);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const parsed = parseSdJwt(made.value);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.issuerSignedJwt).toBe(world.credential.split('~')[0]);
    expect(parsed.value.disclosures.map((d) => d.name).sort()).toEqual([
      'employee_name',
      'net_wage_cents',
      'period',
    ]);
    const kb = decodeCompactJws(parsed.value.keyBindingJwt);
    expect(kb.ok && kb.value.header).toEqual({ typ: 'kb+jwt', alg: 'ES256K' });
    const sdHashInput = made.value.slice(0, made.value.lastIndexOf('~') + 1);
    expect(kb.ok && kb.value.payload).toEqual({
      iat: Math.floor(NOW.getTime() / 1000),
      aud: AUDIENCE,
      nonce: NONCE,
      sd_hash: encodeBase64Url(sha256(utf8ToBytes(sdHashInput))),
    });
    expect(Object.keys(kb.ok ? kb.value.payload : {})).toEqual(['iat', 'aud', 'nonce', 'sd_hash']);
  });

  it('Given no claims to disclose, when presented, then the issuer JWT, "~" and the KB-JWT', async () => {
    const made = await make([]);
    expect(made.ok && made.value.split('~').length).toBe(2);
  });

  it('Given a repeated name, when presented, then its disclosure goes out once', async () => {
    const made = await make(['period', 'period']);
    expect(made.ok && made.value.split('~').length).toBe(3);
  });

  it.each([
    ['a claim the credential does not have', ['passport_number']],
    ['an always-visible envelope claim', ['iss']],
    ['"_sd"', ['_sd']],
  ])('Given %s, when presented, then unknown-claim', async (_given, names) => {
    const made = await make(names);
    expect(made).toMatchObject({ ok: false, reason: 'unknown-claim' });
  });

  it.each([
    ['garbage', 'not an sd-jwt'],
    ['a presentation (already key-bound)', 'KB'],
    ['a non-string', 42],
  ])(
    'Given a credential that is %s, when presented, then malformed',
    async (_given, credential) => {
      const input =
        credential === 'KB'
          ? ((await make(['period'])) as { value: string }).value
          : (credential as string);
      const made = await make(['period'], input);
      expect(made).toMatchObject({ ok: false, reason: 'malformed' });
    },
  );

  it('Given an empty audience or nonce, or a forbidden holder alg, then malformed', async () => {
    const base = {
      credential: world.credential,
      disclose: ['period'],
      audience: AUDIENCE,
      nonce: NONCE,
      issuedAt: NOW,
      holder: signerFor(world.crypto, world.holder),
    };
    expect(await createPresentation({ ...base, audience: '' })).toMatchObject({
      reason: 'malformed',
    });
    expect(await createPresentation({ ...base, nonce: '' })).toMatchObject({ reason: 'malformed' });
    expect(await createPresentation({ ...base, issuedAt: new Date(Number.NaN) })).toMatchObject({
      reason: 'malformed',
    });
    expect(
      await createPresentation({
        ...base,
        holder: { alg: 'none' as never, sign: base.holder.sign },
      }),
    ).toMatchObject({ reason: 'malformed' });
  });
});
