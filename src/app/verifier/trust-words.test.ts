import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../i18n/index.ts';
import { readOtherTypes, trustedTypeNames } from './trust-words.ts';

const words = (language: 'nl' | 'fr' | 'en') => (key: MessageKey, params?: MessageParams) =>
  translate(language, key, params);

describe('the Trust tab names W3C credential types', () => {
  it('Given an entry for the Vouch diploma, a raw W3C type and another URI, when shown, then the Vouch name, the W3C type marked as such, and the URI as written', () => {
    const types = ['urn:vouch:diploma:1', 'VerifiableDiploma', 'https://example.org/types#Badge'];
    expect(trustedTypeNames(types, 'en', words('en'))).toBe(
      'Diploma, VerifiableDiploma (W3C type), https://example.org/types#Badge',
    );
    expect(trustedTypeNames(types, 'nl', words('nl'))).toBe(
      'Diploma, VerifiableDiploma (W3C-soort), https://example.org/types#Badge',
    );
  });

  it("Given an entry naming a Vouch type's own W3C type (VouchDiploma), when shown, then it is named like the Vouch type", () => {
    expect(trustedTypeNames(['VouchDiploma'], 'fr', words('fr'))).toBe(
      trustedTypeNames(['urn:vouch:diploma:1'], 'fr', words('fr')),
    );
  });

  it('Given the other-types field, when read, then each word separated by spaces or commas is a type', () => {
    expect(readOtherTypes(' VerifiableDiploma,  VerifiableAttestation\nEuropass ')).toEqual([
      'VerifiableDiploma',
      'VerifiableAttestation',
      'Europass',
    ]);
    expect(readOtherTypes('   ')).toEqual([]);
  });
});
