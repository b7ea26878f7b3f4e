import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { CredentialNeeds } from '../../core/verifier/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';

/** The clerk's words for claims of credentials a request asks for optionally. */
const CLERK_CLAIM_LABELS: Readonly<Record<string, MessageKey>> = {
  household_type: 'consent.desk.claim.householdType',
  adult_co_residents: 'consent.desk.claim.adultCoResidents',
  valid_on: 'consent.desk.claim.validOn',
  municipality: 'consent.desk.claim.municipality',
};

/**
 * Inside a request summary's `<dl>`: the credentials the applicant may add (the income
 * supplement's household credential from the municipality), each with the claims it then shows,
 * in clerk words. Nothing when the request asks for none.
 */
export function OptionalCredentialsSummary({
  credentials,
}: {
  credentials: readonly Pick<CredentialNeeds, 'typeId' | 'required'>[] | undefined;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  if (!credentials || credentials.length === 0) return null;
  return (
    <>
      <dt>{t('consent.desk.optionalCredentials')}</dt>
      {credentials.map(({ typeId, required }) => {
        const type = CREDENTIAL_TYPES[typeId];
        const label = (name: string) => {
          const key = CLERK_CLAIM_LABELS[name];
          return key ? t(key) : (type.claims.find((c) => c.name === name)?.label[language] ?? name);
        };
        return (
          <dd key={typeId}>
            {t('consent.desk.optionalCredential', {
              type: type.name[language],
              claims: required.map(label).join(', '),
            })}
          </dd>
        );
      })}
    </>
  );
}
