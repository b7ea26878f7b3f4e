import { describe, expect, it } from 'vitest';
import { checkPasscode, estimatePasscodeStrength } from './passcode-policy.ts';

describe('passcode policy', () => {
  it.each([
    ['12345', 'too-short-digits'],
    ['', 'too-short-digits'],
    ['abc1234', 'too-short-passphrase'],
    ['       ', 'too-short-passphrase'],
  ])('Given %j, when checked, then it is refused as %s', (passcode, reason) => {
    expect(checkPasscode(passcode)).toEqual({ ok: false, reason });
  });

  it.each([
    ['481516', 'digits'],
    ['correct horse', 'passphrase'],
    ['zeeër€12', 'passphrase'],
  ])('Given %j, when checked, then it is accepted as %s', (passcode, kind) => {
    expect(checkPasscode(passcode)).toEqual({ ok: true, value: kind });
  });

  it.each([
    ['123456', 'weak'],
    ['111111', 'weak'],
    ['48151623', 'weak'],
    ['4815162342', 'fair'],
    ['aaaaaaaaaaaa', 'weak'],
    ['abcdefgh', 'fair'],
    ['Tr0mbone!x', 'strong'],
    ['purple tractor under seven moons', 'strong'],
    ['9274018365029184', 'strong'],
  ])('Given %j, when its strength is estimated, then the hint is %s', (passcode, strength) => {
    expect(estimatePasscodeStrength(passcode)).toBe(strength);
  });
});
