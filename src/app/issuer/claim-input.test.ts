import { describe, expect, it } from 'vitest';
import type { ClaimSpec } from '../../core/credentials/index.ts';
import { formatClaimInput, parseClaimInput } from './claim-input.ts';

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
});
