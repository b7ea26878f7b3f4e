/**
 * The Trust tab's credential types as words, and the "other types" field read back: a trust list
 * entry names Vouch `vct`s (which cover the same type as a W3C VC-JWT too) or raw W3C `type` terms
 * of foreign credentials (docs/w3c-vc.md §Verifier desk).
 */
import { credentialTypeByVct, credentialTypeByW3cTypes } from '../../core/credentials/index.ts';
import type { Language, Translate } from '../i18n/index.ts';

/**
 * A Vouch `vct` by its type's name, the W3C type of a Vouch type by that name too, any other
 * W3C type as written and marked as a W3C type; a URI that is no Vouch `vct` as written.
 */
export function trustedTypeNames(
  types: readonly string[],
  language: Language,
  t: Translate,
): string {
  return types
    .map((type) => {
      const vouch =
        credentialTypeByVct(type) ?? credentialTypeByW3cTypes(['VerifiableCredential', type]);
      if (vouch) return vouch.name[language];
      return type.includes(':') ? type : t('verifier.trust.w3cType', { type });
    })
    .join(', ');
}

/** The types typed in the "other types" field: words separated by spaces or commas. */
export function readOtherTypes(text: string): string[] {
  return text.split(/[\s,]+/).filter((type) => type !== '');
}
