import { describe, expect, it } from 'vitest';
import type { ClaimSpec } from '../../core/credentials/index.ts';
import { checkClaims, CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { formatClaimInput, inputAttributesFor, parseClaimInput } from './claim-input.ts';

const spec = (kind: ClaimSpec['kind']): ClaimSpec =>
  ({ name: 'x', kind, required: true, label: { nl: 'x', fr: 'x', en: 'x' } }) as ClaimSpec;

describe('claim input', () => {
  it.each([
    ['2450', 245000],
    ['2450.5', 245050],
    ['2.450,55', '2.450,55'],
    ['2450,55', 245055],
    ['€ 1234.56', 123456],
    ['12.345', '12.345'],
    ['-5', '-5'],
    ['', undefined],
  ])('Given %j typed as euros, when parsed, then the claim is %j', (raw, expected) => {
    expect(parseClaimInput(spec('cents'), raw)).toEqual(expected);
  });

  it('Given hours typed with a comma, when parsed, then it is a number', () => {
    expect(parseClaimInput(spec('number'), '151,5')).toBe(151.5);
    expect(parseClaimInput(spec('integer'), 'two')).toBe('two');
  });

  it('Given cents, when shown in the form, then they read as euros', () => {
    expect(formatClaimInput(spec('cents'), 245055)).toBe('2450.55');
    expect(formatClaimInput(spec('text'), 'Acme')).toBe('Acme');
  });

  const diplomaClaim = (name: string): ClaimSpec => {
    const found = CREDENTIAL_TYPES.diploma.claims.find((claim) => claim.name === name);
    if (!found) throw new Error(`the diploma has no claim ${name}`);
    return found;
  };

  it.each([
    ['0613', '0613'],
    [' 06 ', '06'],
    ['061', '061'],
  ])('Given the ISCED-F code %j typed, when parsed, then it stays the text %j', (raw, expected) => {
    expect(parseClaimInput(diplomaClaim('isced_f'), raw)).toBe(expected);
  });

  it.each([
    ['7', 7],
    ['1', 1],
    ['seven', 'seven'],
  ])('Given the EQF level %j typed, when parsed, then the claim is %j', (raw, expected) => {
    expect(parseClaimInput(diplomaClaim('eqf_level'), raw)).toBe(expected);
  });

  it('Given a diploma form filled with an EQF level and ISCED-F code, when checked, then the claims pass and bad ones are named', () => {
    const form: Record<string, string> = {
      degree: 'Master of Science',
      level: 'master',
      field: 'Computer Science',
      institution: 'Universiteit Utrecht',
      date_awarded: '2024-07-05',
      graduate_name: 'Eva de Vries',
      birth_date: '1999-03-17',
      eqf_level: '7',
      isced_f: '0613',
    };
    const claimsOf = (values: Record<string, string>) =>
      Object.fromEntries(
        CREDENTIAL_TYPES.diploma.claims
          .map((spec) => [spec.name, parseClaimInput(spec, values[spec.name] ?? '')] as const)
          .filter(([, value]) => value !== undefined),
      );
    const good = checkClaims('diploma', claimsOf(form));
    expect(good.ok && [good.value.eqf_level, good.value.isced_f]).toEqual([7, '0613']);
    const bad = checkClaims('diploma', claimsOf({ ...form, eqf_level: '9', isced_f: '6' }));
    expect(bad.ok ? [] : bad.detail.issues.map((issue) => issue.claim).sort()).toEqual([
      'eqf_level',
      'isced_f',
    ]);
  });

  it('Given the new diploma kinds, when the form asks for them, then the inputs fit (1–8, digits)', () => {
    expect(inputAttributesFor(diplomaClaim('eqf_level'))).toEqual({
      type: 'number',
      step: '1',
      inputMode: 'numeric',
      min: 1,
      max: 8,
    });
    expect(inputAttributesFor(diplomaClaim('isced_f'))).toEqual({
      type: 'text',
      inputMode: 'numeric',
      maxLength: 4,
      pattern: '[0-9]{2,4}',
    });
    expect(inputAttributesFor(spec('cents'))).toEqual({ type: 'text', inputMode: 'decimal' });
  });
});
