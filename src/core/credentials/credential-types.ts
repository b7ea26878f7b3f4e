/**
 * The four Vouch credential types (docs/credentials.md). Claim names are exact: scripts and
 * verifiers depend on them. Every claim is selectively disclosable when issued.
 *
 * Expiry policy (why, in docs/credentials.md): income statements and diplomas state facts about
 * a closed past (a month's pay, a degree awarded) and do not expire; a medical attestation is
 * re-examined yearly (365 days); a household composition changes and is valid for 92 days.
 */
import { z } from 'zod';
import { schemaForKind } from './claim-kinds.ts';
import type {
  ClaimSpec,
  CredentialType,
  CredentialTypeId,
  IssuerKind,
  Localised,
} from './credential-type.ts';

const BIRTH_DATE: ClaimSpec = {
  name: 'birth_date',
  kind: 'date',
  label: { nl: 'Geboortedatum', fr: 'Date de naissance', en: 'Date of birth' },
  required: true,
  example: '1984-03-17',
};

/** The W3C VC `type` term of each type when issued as a VC-JWT (docs/w3c-vc.md). */
const W3C_TYPES: Readonly<Record<CredentialTypeId, string>> = {
  'income-statement': 'VouchIncomeStatement',
  'medical-attestation': 'VouchMedicalAttestation',
  diploma: 'VouchDiploma',
  household: 'VouchHousehold',
};

function defineType(spec: {
  id: CredentialTypeId;
  name: Localised;
  description: Localised;
  claims: readonly ClaimSpec[];
  expiresAfterDays?: number;
  issuerKinds: readonly IssuerKind[];
  issuerNameClaims: readonly string[];
}): CredentialType {
  for (const name of spec.issuerNameClaims) {
    if (!spec.claims.some((claim) => claim.name === name && claim.kind === 'text')) {
      throw new TypeError(`defineType ${spec.id}: issuer name claim "${name}" is not a text claim`);
    }
  }
  const shape: Record<string, z.ZodType> = {};
  for (const claim of spec.claims) {
    const schema = schemaForKind(claim);
    shape[claim.name] = claim.required ? schema : schema.optional();
  }
  return Object.freeze({
    ...spec,
    vct: `urn:vouch:${spec.id}:1`,
    w3cType: W3C_TYPES[spec.id],
    schema: z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>,
  });
}

const INCOME_STATEMENT = defineType({
  id: 'income-statement',
  name: { nl: 'Inkomensverklaring', fr: 'Attestation de revenus', en: 'Income statement' },
  description: {
    nl: 'Maandelijkse opgave van bruto- en nettoloon door de werkgever.',
    fr: "Relevé mensuel du salaire brut et net, délivré par l'employeur.",
    en: 'Monthly statement of gross and net wages from the employer.',
  },
  issuerKinds: ['employer'],
  issuerNameClaims: ['employer_name'],
  claims: [
    {
      name: 'period',
      kind: 'month',
      label: { nl: 'Periode', fr: 'Période', en: 'Period' },
      required: true,
      example: '2025-09',
    },
    {
      name: 'gross_wage_cents',
      kind: 'cents',
      label: { nl: 'Brutoloon', fr: 'Salaire brut', en: 'Gross wage' },
      required: true,
      example: 245000,
    },
    {
      name: 'net_wage_cents',
      kind: 'cents',
      label: { nl: 'Nettoloon', fr: 'Salaire net', en: 'Net wage' },
      required: true,
      example: 198712,
    },
    {
      name: 'hours',
      kind: 'number',
      min: 0,
      max: 744, // 31 days × 24 hours
      label: { nl: 'Gewerkte uren', fr: 'Heures prestées', en: 'Hours worked' },
      required: true,
      example: 151.5,
    },
    {
      name: 'employer_name',
      kind: 'text',
      label: { nl: 'Werkgever', fr: 'Employeur', en: 'Employer' },
      required: true,
      example: 'Rijdt Goed B.V.',
    },
    {
      name: 'employer_id',
      kind: 'text',
      label: {
        nl: 'Registratienummer werkgever (KvK/KBO)',
        fr: "Numéro d'entreprise de l'employeur (BCE/KvK)",
        en: 'Employer registration number (KvK/KBO)',
      },
      required: true,
      example: '12345678',
    },
    {
      name: 'employee_name',
      kind: 'text',
      label: { nl: 'Naam werknemer', fr: 'Nom du travailleur', en: 'Employee name' },
      required: true,
      example: 'Samira El Amrani',
    },
    BIRTH_DATE,
  ],
});

const MEDICAL_ATTESTATION = defineType({
  id: 'medical-attestation',
  name: { nl: 'Medische verklaring', fr: 'Attestation médicale', en: 'Medical attestation' },
  description: {
    nl: 'Verklaring van een arts over een gestelde diagnose.',
    fr: "Attestation d'un médecin relative à un diagnostic posé.",
    en: "A physician's attestation of a diagnosis.",
  },
  issuerKinds: ['pulmonologist'],
  issuerNameClaims: ['physician_name', 'institution'],
  expiresAfterDays: 365,
  claims: [
    {
      name: 'diagnosis_code',
      kind: 'icd10',
      label: {
        nl: 'Diagnosecode (ICD-10)',
        fr: 'Code de diagnostic (CIM-10)',
        en: 'Diagnosis code (ICD-10)',
      },
      required: true,
      example: 'J61',
    },
    {
      name: 'diagnosis_label',
      kind: 'text',
      label: { nl: 'Diagnose', fr: 'Diagnostic', en: 'Diagnosis' },
      required: true,
      example: 'Asbestose',
    },
    {
      name: 'diagnosis_date',
      kind: 'date',
      label: { nl: 'Datum van diagnose', fr: 'Date du diagnostic', en: 'Date of diagnosis' },
      required: true,
      example: '2025-06-02',
    },
    {
      name: 'physician_name',
      kind: 'text',
      label: { nl: 'Arts', fr: 'Médecin', en: 'Physician' },
      required: true,
      example: 'dr. J. de Vries',
    },
    {
      name: 'physician_registration',
      kind: 'text',
      label: {
        nl: 'Registratienummer arts (BIG/RIZIV)',
        fr: 'Numéro d’enregistrement du médecin (INAMI/BIG)',
        en: 'Physician registration number (BIG/RIZIV)',
      },
      required: true,
      example: '19012345601',
    },
    {
      name: 'institution',
      kind: 'text',
      label: { nl: 'Zorginstelling', fr: 'Établissement de soins', en: 'Institution' },
      required: true,
      example: 'Longcentrum Noord',
    },
    {
      name: 'patient_name',
      kind: 'text',
      label: { nl: 'Naam patiënt', fr: 'Nom du patient', en: 'Patient name' },
      required: true,
      example: 'Henk Bakker',
    },
    BIRTH_DATE,
  ],
});

const DIPLOMA_LEVELS = [
  'secondary',
  'vocational',
  'associate',
  'bachelor',
  'master',
  'doctorate',
] as const;

const DIPLOMA = defineType({
  id: 'diploma',
  name: { nl: 'Diploma', fr: 'Diplôme', en: 'Diploma' },
  description: {
    nl: 'Diploma uitgereikt door een onderwijsinstelling.',
    fr: "Diplôme délivré par un établissement d'enseignement.",
    en: 'A diploma awarded by an educational institution.',
  },
  issuerKinds: ['university'],
  issuerNameClaims: ['institution'],
  claims: [
    {
      name: 'degree',
      kind: 'text',
      label: { nl: 'Graad', fr: 'Grade', en: 'Degree' },
      required: true,
      example: 'Master of Science',
    },
    {
      name: 'level',
      kind: 'enum',
      options: DIPLOMA_LEVELS,
      optionLabels: {
        secondary: {
          nl: 'Voortgezet onderwijs',
          fr: 'Enseignement secondaire',
          en: 'Secondary education',
        },
        vocational: {
          nl: 'Beroepsonderwijs (mbo)',
          fr: 'Enseignement professionnel',
          en: 'Vocational education',
        },
        associate: { nl: 'Associate degree', fr: 'Graduat', en: 'Associate degree' },
        bachelor: { nl: 'Bachelor', fr: 'Bachelier', en: 'Bachelor' },
        master: { nl: 'Master', fr: 'Master', en: 'Master' },
        doctorate: { nl: 'Doctoraat', fr: 'Doctorat', en: 'Doctorate' },
      },
      label: { nl: 'Niveau', fr: 'Niveau', en: 'Level' },
      required: true,
      example: 'master',
    },
    {
      name: 'field',
      kind: 'text',
      label: { nl: 'Studierichting', fr: "Domaine d'études", en: 'Field of study' },
      required: true,
      example: 'Computer Science',
    },
    {
      name: 'institution',
      kind: 'text',
      label: { nl: 'Onderwijsinstelling', fr: "Établissement d'enseignement", en: 'Institution' },
      required: true,
      example: 'Universiteit Utrecht',
    },
    {
      name: 'date_awarded',
      kind: 'date',
      label: { nl: 'Datum van uitreiking', fr: 'Date de délivrance', en: 'Date awarded' },
      required: true,
      example: '2024-07-05',
    },
    {
      name: 'grade',
      kind: 'text',
      label: { nl: 'Judicium', fr: 'Mention', en: 'Grade' },
      required: false,
      example: 'cum laude',
    },
    {
      name: 'eqf_level',
      kind: 'integer',
      min: 1,
      max: 8,
      label: {
        nl: 'EQF-niveau (Europees kwalificatiekader)',
        fr: 'Niveau CEC (cadre européen des certifications)',
        en: 'EQF level (European Qualifications Framework)',
      },
      required: false,
      example: 7,
    },
    {
      name: 'isced_f',
      kind: 'isced-f',
      label: {
        nl: 'Studiegebied (ISCED-F-code)',
        fr: "Domaine d'études (code CITE-F)",
        en: 'Field of education (ISCED-F code)',
      },
      required: false,
      example: '0613',
    },
    {
      name: 'graduate_name',
      kind: 'text',
      label: { nl: 'Naam afgestudeerde', fr: 'Nom du diplômé', en: 'Graduate name' },
      required: true,
      example: 'Lotte Janssens',
    },
    BIRTH_DATE,
  ],
});

const HOUSEHOLD = defineType({
  id: 'household',
  name: { nl: 'Huishoudsamenstelling', fr: 'Composition de ménage', en: 'Household composition' },
  description: {
    nl: 'Samenstelling van het huishouden volgens de gemeente, op een peildatum.',
    fr: 'Composition du ménage selon la commune, à une date de référence.',
    en: 'Household composition according to the municipality, on a reference date.',
  },
  issuerKinds: ['municipality'],
  issuerNameClaims: ['municipality'],
  expiresAfterDays: 92,
  claims: [
    {
      name: 'household_type',
      kind: 'enum',
      options: ['single', 'single-parent', 'couple', 'cost-sharers'],
      optionLabels: {
        single: { nl: 'Alleenstaand', fr: 'Isolé', en: 'Single' },
        'single-parent': { nl: 'Eenoudergezin', fr: 'Famille monoparentale', en: 'Single parent' },
        couple: { nl: 'Gehuwd of samenwonend', fr: 'Couple (marié ou cohabitant)', en: 'Couple' },
        'cost-sharers': {
          nl: 'Kostendelers',
          fr: 'Cohabitants partageant les frais',
          en: 'Cost-sharers',
        },
      },
      label: { nl: 'Type huishouden', fr: 'Type de ménage', en: 'Household type' },
      required: true,
      example: 'single',
    },
    {
      name: 'adult_co_residents',
      kind: 'integer',
      min: 0,
      max: 50,
      label: { nl: 'Volwassen medebewoners', fr: 'Cohabitants adultes', en: 'Adult co-residents' },
      required: true,
      example: 0,
    },
    {
      name: 'municipality',
      kind: 'text',
      label: { nl: 'Gemeente', fr: 'Commune', en: 'Municipality' },
      required: true,
      example: 'Utrecht',
    },
    {
      name: 'valid_on',
      kind: 'date',
      label: { nl: 'Peildatum', fr: 'Date de référence', en: 'Valid on' },
      required: true,
      example: '2025-10-01',
    },
  ],
});

export const CREDENTIAL_TYPES: Readonly<Record<CredentialTypeId, CredentialType>> = Object.freeze({
  'income-statement': INCOME_STATEMENT,
  'medical-attestation': MEDICAL_ATTESTATION,
  diploma: DIPLOMA,
  household: HOUSEHOLD,
});

export { CREDENTIAL_TYPE_IDS } from './credential-type-ids.ts';

export function credentialTypeByVct(vct: string): CredentialType | undefined {
  return Object.values(CREDENTIAL_TYPES).find((type) => type.vct === vct);
}

/**
 * The Vouch type of a W3C VC by its `type` array: the one whose `w3cType` it names (and it names
 * "VerifiableCredential"); undefined for any other credential.
 */
export function credentialTypeByW3cTypes(types: readonly unknown[]): CredentialType | undefined {
  if (!types.includes('VerifiableCredential')) return undefined;
  return Object.values(CREDENTIAL_TYPES).find((type) => types.includes(type.w3cType));
}

/**
 * The issuer's own name as the credential states it (its `issuerNameClaims`, joined by ", "), or
 * undefined when none of those claims is there. Self-asserted by whoever signed: the wallet shows
 * it beside the issuer DID and the citizen's own label, never instead of them.
 */
export function issuerNameFromClaims(
  typeId: CredentialTypeId,
  claims: Readonly<Record<string, unknown>>,
): string | undefined {
  const parts = CREDENTIAL_TYPES[typeId].issuerNameClaims
    .map((name) => claims[name])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .map((value) => value.trim());
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** The example claims of a type (every claim's `example`). */
export function exampleClaims(type: CredentialTypeId): Record<string, unknown> {
  return Object.fromEntries(
    CREDENTIAL_TYPES[type].claims.map((claim) => [claim.name, claim.example]),
  );
}
