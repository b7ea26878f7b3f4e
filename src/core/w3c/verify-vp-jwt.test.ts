import { describe, expect, it } from 'vitest';
import { verifyPresentation } from '../verification/verify-presentation.ts';
import { CHECK_NAMES } from '../verification/check.ts';
import { readVcJwt, isVcJwt, isVpJwt } from './vc-jwt.ts';
import { verifyCredentialJwt } from './verify-vc-jwt.ts';
import { verifyVpJwt } from './verify-vp-jwt.ts';
import { CLAIMS, makeW3cWorld, optionsFor } from './w3c-world.fake.ts';

const codes = (result: { checks: { name: string; code: string }[] }) =>
  Object.fromEntries(result.checks.map((check) => [check.name, check.code]));

describe('verifyVpJwt', () => {
  it('Given a VP-JWT around our VC-JWT for this request, then every check passes in the pipeline order', async () => {
    const world = await makeW3cWorld();
    const result = await verifyVpJwt(world.vpJwt, optionsFor(world));
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.format).toBe('jwt_vc_json');
    expect(result.checks.map((c) => c.name)).toEqual(
      CHECK_NAMES.filter((name) => name !== 'sd-hash'),
    );
    expect(result.claims).toEqual(CLAIMS);
    expect(result.vct).toBe('urn:vouch:income-statement:1');
    expect(result.issuer).toBe(world.issuer.did);
    expect(result.issuerName).toBe('Bakkerij de Vries B.V.');
    expect(result.status?.state).toBe('valid');
  });

  it('Given the same VP-JWT through verifyPresentation, then it is dispatched to the W3C path', async () => {
    const world = await makeW3cWorld();
    const result = await verifyPresentation(world.vpJwt, optionsFor(world));
    expect(result.valid).toBe(true);
    expect(result.format).toBe('jwt_vc_json');
  });

  it('Given the bare VC-JWT, then verifyCredentialJwt passes it and the presentation path says kb-missing', async () => {
    const world = await makeW3cWorld();
    const bare = await verifyCredentialJwt(world.vcJwt, optionsFor(world));
    expect(bare.valid).toBe(true);
    expect(bare.checks.map((c) => c.name)).not.toContain('key-binding');
    const asPresentation = await verifyPresentation(world.vcJwt, optionsFor(world));
    expect(codes(asPresentation)['key-binding']).toBe('kb-missing');
    expect(asPresentation.valid).toBe(false);
  });
});

describe('readVcJwt, isVcJwt, isVpJwt', () => {
  it('Given our VC-JWT and VP-JWT, then the shape tests tell them apart and the VC reads back', async () => {
    const world = await makeW3cWorld();
    expect([isVcJwt(world.vcJwt), isVpJwt(world.vcJwt)]).toEqual([true, false]);
    expect([isVcJwt(world.vpJwt), isVpJwt(world.vpJwt)]).toEqual([false, true]);
    expect(isVpJwt(world.credential)).toBe(false);
    const read = readVcJwt(world.vcJwt);
    if (!read.ok) throw new Error(read.detail.message);
    expect(read.value.typeId).toBe('income-statement');
    expect(read.value.subject).toBe(world.holderDid);
    expect(read.value.status).toEqual({
      idx: world.statusIndex,
      uri: 'https://bakkerij.example/status/1.w3c',
      purpose: 'revocation',
    });
  });
});
