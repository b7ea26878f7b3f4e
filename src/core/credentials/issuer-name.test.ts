import { describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPE_IDS, exampleClaims, issuerNameFromClaims } from './credential-types.ts';

describe('the issuer name a credential states', () => {
  it.each([
    ['income-statement', 'Rijdt Goed B.V.'],
    ['medical-attestation', 'dr. J. de Vries, Longcentrum Noord'],
    ['diploma', 'Universiteit Utrecht'],
    ['household', 'Utrecht'],
  ] as const)('Given the example %s, when named, then it is "%s"', (typeId, name) => {
    expect(issuerNameFromClaims(typeId, exampleClaims(typeId))).toBe(name);
  });

  it('Given every type, then each names its issuer in at least one claim', () => {
    for (const typeId of CREDENTIAL_TYPE_IDS) {
      expect(issuerNameFromClaims(typeId, exampleClaims(typeId)), typeId).toBeTruthy();
    }
  });

  it('Given a credential without those claims (withheld or blank), when named, then undefined', () => {
    expect(issuerNameFromClaims('diploma', { degree: 'MSc' })).toBeUndefined();
    expect(issuerNameFromClaims('income-statement', { employer_name: '  ' })).toBeUndefined();
    expect(issuerNameFromClaims('medical-attestation', { institution: 'Longcentrum Noord' })).toBe(
      'Longcentrum Noord',
    );
  });
});
