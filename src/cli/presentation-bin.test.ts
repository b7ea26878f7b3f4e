// The verifier side of `vouch` end to end, through the CLI's main function in-process
// (cli-harness.fake.ts): issue → present → verify (exit 0), a presentation for another verifier
// (exit 1), garbage (exit 1, a JSON verdict, no stack trace), a usage error (exit 2). The built
// bin's wiring and its QR round trip are spawned once in vouch-bin.test.ts; the many small cases
// live in presentation.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { runCaptured } from './cli-harness.fake.ts';

const dir = mkdtempSync(join(tmpdir(), 'vouch-present-bin-'));
const at = (name: string) => join(dir, name);

const vouch = (...args: string[]) => runCaptured(args);

describe('vouch present / verify / qr (in-process)', { timeout: 60_000 }, () => {
  it('Given an issued credential, when presented and verified with the pinned issuer key, then exit 0; for another verifier exit 1; garbage exit 1; no --aud exit 2', async () => {
    const holder = await webJwsCrypto().generateKeyPair('ES256K');
    writeFileSync(at('holder.jwk'), JSON.stringify(holder.publicJwk));
    writeFileSync(at('holder.private.jwk'), JSON.stringify(holder.privateJwk));
    writeFileSync(
      at('claims.json'),
      JSON.stringify({
        degree: 'Master of Science',
        level: 'master',
        field: 'Computer Science',
        institution: 'Universiteit Utrecht',
        date_awarded: '2024-07-05',
        grade: 'cum laude',
        graduate_name: 'Jan Jansen',
        birth_date: '1985-04-12',
      }),
    );
    expect(
      (await vouch('issuer', 'new', '--name', 'UU', '--alg', 'EdDSA', '--out', at('issuer.json')))
        .code,
    ).toBe(0);
    const issued = await vouch(
      'issue',
      '--issuer',
      at('issuer.json'),
      '--type',
      'diploma',
      '--holder-jwk',
      at('holder.jwk'),
      '--claims',
      at('claims.json'),
    );
    expect(issued.stderr).toBe('');
    writeFileSync(at('diploma.sdjwt'), issued.stdout);
    const presented = await vouch(
      'present',
      '--credential',
      at('diploma.sdjwt'),
      '--holder-jwk',
      at('holder.private.jwk'),
      '--disclose',
      'degree,institution',
      '--aud',
      'did:key:zDnaeEmployer',
      '--nonce',
      'n-1',
    );
    expect(presented.code).toBe(0);
    writeFileSync(at('answer.txt'), presented.stdout);

    const verified = await vouch(
      'verify',
      '--presentation',
      at('answer.txt'),
      '--aud',
      'did:key:zDnaeEmployer',
      '--nonce',
      'n-1',
      '--issuer-jwk',
      at('issuer.json'),
    );
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(verified.stdout)).toMatchObject({
      valid: true,
      vct: 'urn:vouch:diploma:1',
      claims: { degree: 'Master of Science', institution: 'Universiteit Utrecht' },
    });
    expect(Object.keys(JSON.parse(verified.stdout).claims).sort()).toEqual([
      'degree',
      'institution',
    ]);

    const elsewhere = await vouch(
      'verify',
      '--presentation',
      at('answer.txt'),
      '--aud',
      'did:key:zDnaeOther',
      '--nonce',
      'n-1',
      '--issuer-jwk',
      at('issuer.json'),
    );
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain('"wrong-audience"');

    writeFileSync(
      at('garbage.bin'),
      Uint8Array.from({ length: 5000 }, (_, i) => (i * 37) % 256),
    );
    const garbage = await vouch(
      'verify',
      '--presentation',
      at('garbage.bin'),
      '--aud',
      'a',
      '--nonce',
      'n',
    );
    expect({ code: garbage.code, stderr: garbage.stderr }).toEqual({ code: 1, stderr: '' });
    expect(JSON.parse(garbage.stdout)).toMatchObject({
      valid: false,
      checks: [{ code: 'bad-encoding' }],
    });

    const usage = await vouch('verify', '--presentation', at('answer.txt'), '--nonce', 'n');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^vouch: verify: missing required flag --aud/);
  });
});
