import { describe, expect, it } from 'vitest';
import cases from './check-claims.cases.json' with { type: 'json' };
import { checkClaims } from './check-claims.ts';
import type { CredentialTypeId } from './credential-type.ts';
import {
  CREDENTIAL_TYPE_IDS,
  CREDENTIAL_TYPES,
  credentialTypeByVct,
  credentialTypeByW3cTypes,
  exampleClaims,
} from './credential-types.ts';
import { typeMetadata } from './type-metadata.ts';

function changed(type: string, change: Record<string, unknown>): Record<string, unknown> {
  const claims = exampleClaims(type as CredentialTypeId);
  for (const [name, value] of Object.entries(change)) {
    if (value === null) delete claims[name];
    else claims[name] = value;
  }
  return claims;
}

describe('credential types', () => {
  it('lists every credential type by id, in the order of CREDENTIAL_TYPES', () => {
    expect(CREDENTIAL_TYPE_IDS).toEqual(Object.keys(CREDENTIAL_TYPES));
  });

  it.each(CREDENTIAL_TYPE_IDS)(
    'Given the %s example claims, when checked, then they pass unchanged',
    (type) => {
      const claims = exampleClaims(type);
      expect(checkClaims(type, claims)).toEqual({ ok: true, value: claims });
    },
  );

  it.each(cases.valid)(
    'Given $type with $name, when checked, then it passes',
    ({ type, change }) => {
      expect(checkClaims(type as CredentialTypeId, changed(type, change)).ok).toBe(true);
    },
  );

  it.each(cases.invalid)(
    'Given $type with $name, when checked, then invalid-claims names $claim',
    ({ type, change, claim }) => {
      const result = checkClaims(type as CredentialTypeId, changed(type, change));
      expect(result).toMatchObject({ ok: false, reason: 'invalid-claims' });
      if (result.ok) return;
      expect(result.detail.issues.map((issue) => issue.claim)).toEqual([claim]);
      expect(result.detail.issues[0]?.message).toContain(`"${claim}"`);
    },
  );

  it.each([null, [], 'claims', 42])(
    'Given %j instead of an object, when checked, then invalid-claims',
    (input) => {
      expect(checkClaims('household', input)).toMatchObject({
        ok: false,
        reason: 'invalid-claims',
      });
    },
  );

  it('Given the claim names of the issue, then every type has exactly those (plus documented optional ones)', () => {
    const names = (type: CredentialTypeId) =>
      CREDENTIAL_TYPES[type].claims.map((claim) => claim.name);
    expect(names('income-statement')).toEqual([
      'period',
      'gross_wage_cents',
      'net_wage_cents',
      'hours',
      'employer_name',
      'employer_id',
      'employee_name',
      'birth_date',
    ]);
    expect(names('medical-attestation')).toEqual([
      'diagnosis_code',
      'diagnosis_label',
      'diagnosis_date',
      'physician_name',
      'physician_registration',
      'institution',
      'patient_name',
      'birth_date',
    ]);
    expect(names('diploma')).toEqual([
      'degree',
      'level',
      'field',
      'institution',
      'date_awarded',
      'grade',
      // Issue 10: the Europass-style level and field codes, optional in both formats.
      'eqf_level',
      'isced_f',
      'graduate_name',
      'birth_date',
    ]);
    expect(names('household')).toEqual([
      'household_type',
      'adult_co_residents',
      'municipality',
      'valid_on',
    ]);
  });

  it('Given a diploma, then eqf_level is 1–8 and isced_f an ISCED-F code of 2–4 digits', () => {
    const base = { ...exampleClaims('diploma') };
    expect(checkClaims('diploma', { ...base, eqf_level: 8, isced_f: '06' }).ok).toBe(true);
    expect(checkClaims('diploma', { ...base, eqf_level: 1, isced_f: '061' }).ok).toBe(true);
    for (const bad of [0, 9, 7.5, '7']) {
      expect(checkClaims('diploma', { ...base, eqf_level: bad }).ok).toBe(false);
    }
    for (const bad of ['6', '06131', 'O613', ' 0613', 613]) {
      expect(checkClaims('diploma', { ...base, isced_f: bad }).ok).toBe(false);
    }
  });

  it('Given a W3C type array, then credentialTypeByW3cTypes finds the Vouch type only beside VerifiableCredential', () => {
    expect(credentialTypeByW3cTypes(['VerifiableCredential', 'VouchDiploma'])?.id).toBe('diploma');
    expect(credentialTypeByW3cTypes(['VouchDiploma'])).toBeUndefined();
    expect(credentialTypeByW3cTypes(['VerifiableCredential', 'UniversityDegree'])).toBeUndefined();
  });

  it('Given the expiry policy, then only medical attestations (365 days) and households (92 days) expire', () => {
    expect(
      CREDENTIAL_TYPE_IDS.map((type) => [type, CREDENTIAL_TYPES[type].expiresAfterDays]),
    ).toEqual([
      ['income-statement', undefined],
      ['medical-attestation', 365],
      ['diploma', undefined],
      ['household', 92],
    ]);
  });

  it.each(CREDENTIAL_TYPE_IDS)(
    'Given %s, then its vct finds it and every label exists in nl, fr and en',
    (type) => {
      const definition = CREDENTIAL_TYPES[type];
      expect(definition.vct).toBe(`urn:vouch:${type}:1`);
      expect(credentialTypeByVct(definition.vct)).toBe(definition);
      for (const text of [
        definition.name,
        definition.description,
        ...definition.claims.map((claim) => claim.label),
      ]) {
        expect(Object.keys(text).sort()).toEqual(['en', 'fr', 'nl']);
        for (const value of Object.values(text)) expect(value.length).toBeGreaterThan(0);
      }
    },
  );

  it('Given income-statement, when type metadata is made, then it has display per locale and a claim entry per claim', () => {
    const metadata = typeMetadata('income-statement');
    expect(metadata.vct).toBe('urn:vouch:income-statement:1');
    expect(metadata.display.map((entry) => entry.locale)).toEqual(['nl', 'fr', 'en']);
    expect(metadata.claims[0]).toEqual({
      path: ['period'],
      display: [
        { locale: 'nl', label: 'Periode' },
        { locale: 'fr', label: 'Période' },
        { locale: 'en', label: 'Period' },
      ],
      sd: 'always',
      mandatory: true,
    });
    expect(metadata.claims).toHaveLength(8);
  });
});
