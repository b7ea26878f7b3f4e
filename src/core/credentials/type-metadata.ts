/**
 * SD-JWT VC Type Metadata (draft-ietf-oauth-sd-jwt-vc §6 "SD-JWT VC Type Metadata",
 * §8 "Display Metadata", §9 "Claim Metadata"): vct, name, description, display[] per locale,
 * claims[] with path, display[] per locale (label), sd and mandatory.
 */
import { CREDENTIAL_TYPES } from './credential-types.ts';
import { LOCALES } from './credential-type.ts';
import type { CredentialTypeId } from './credential-type.ts';

export interface TypeMetadata {
  vct: string;
  name: string;
  description: string;
  display: { locale: string; name: string; description: string }[];
  claims: {
    path: string[];
    display: { locale: string; label: string }[];
    sd: 'always' | 'allowed' | 'never';
    mandatory: boolean;
  }[];
}

export function typeMetadata(type: CredentialTypeId): TypeMetadata {
  const definition = CREDENTIAL_TYPES[type];
  return {
    vct: definition.vct,
    name: definition.name.en,
    description: definition.description.en,
    display: LOCALES.map((locale) => ({
      locale,
      name: definition.name[locale],
      description: definition.description[locale],
    })),
    claims: definition.claims.map((claim) => ({
      path: [claim.name],
      display: LOCALES.map((locale) => ({ locale, label: claim.label[locale] })),
      sd: 'always',
      mandatory: claim.required,
    })),
  };
}
