import { describe, expect, it } from 'vitest';
import { centsToInput, parseEuroInput } from './euro-input.ts';

describe('parseEuroInput', () => {
  it.each([
    ['1250', 125000],
    ['1250,50', 125050],
    ['1250.5', 125050],
    ['1.250,50', 125050],
    ['1,250.50', 125050],
    ['€ 7.575', 757500],
    ['0', 0],
    ['', null],
    ['  ', null],
    ['12,345,67', 'invalid'],
    ['-5', 'invalid'],
    ['abc', 'invalid'],
    ['1,2,3', 'invalid'],
  ])('Given "%s", when read, then it is %s', (text, expected) => {
    expect(parseEuroInput(text)).toBe(expected);
  });

  it('Given cents, when written back for the form, then reading gives the same cents', () => {
    for (const cents of [0, 5, 125000, 125050, 757512])
      expect(parseEuroInput(centsToInput(cents, ','))).toBe(cents);
  });
});
