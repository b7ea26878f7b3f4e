/**
 * The diagnosis an asbestos rule works from: the medical attestation's ICD-10 code (verified
 * claim) when there is one, else the declared diagnosis. Shared by nl.asbest.tas-tns and be.afa.
 */
import { CREDENTIAL_TYPES } from '../credentials/credential-types.ts';
import type { RuleInput, TraceInput } from './rule-module.ts';

export const MEDICAL_VCT = CREDENTIAL_TYPES['medical-attestation'].vct;

/** ICD-10 groups the asbestos rules know. */
export type AsbestosDisease = 'J61' | 'C45' | 'C34' | 'C32' | 'C56';

export function diseaseOf(code: unknown): AsbestosDisease | undefined {
  if (typeof code !== 'string') return undefined;
  const match = /^(J61|C45|C34|C32|C56)(\.[0-9A-Z]{1,4})?$/.exec(code.trim().toUpperCase());
  return match ? (match[1] as AsbestosDisease) : undefined;
}

export type Diagnosis =
  | {
      kind: 'found';
      disease: AsbestosDisease;
      code: string;
      input: TraceInput;
      diagnosisDate?: string;
    }
  /** An attestation (or declaration) names a disease these rules do not cover. */
  | { kind: 'other'; code: string; input: TraceInput }
  | { kind: 'none'; input: TraceInput };

export function findDiagnosis(input: RuleInput): Diagnosis {
  const attestations = input.claims.filter((entry) => entry.vct === MEDICAL_VCT);
  for (const entry of attestations) {
    const disease = diseaseOf(entry.claims.diagnosis_code);
    if (disease === undefined) continue;
    const code = String(entry.claims.diagnosis_code);
    const date = entry.claims.diagnosis_date;
    return {
      kind: 'found',
      disease,
      code,
      input: { name: 'diagnosis_code', value: code, origin: 'credential' },
      ...(typeof date === 'string' ? { diagnosisDate: date } : {}),
    };
  }
  const declared = input.facts.diagnosis;
  const disease = diseaseOf(declared);
  if (disease !== undefined) {
    const code = String(declared);
    return {
      kind: 'found',
      disease,
      code,
      input: { name: 'diagnosis', value: code, origin: 'declared' },
    };
  }
  const first = attestations[0]?.claims.diagnosis_code;
  if (typeof first === 'string') {
    return {
      kind: 'other',
      code: first,
      input: { name: 'diagnosis_code', value: first, origin: 'credential' },
    };
  }
  if (typeof declared === 'string' && declared !== '') {
    return {
      kind: 'other',
      code: declared,
      input: { name: 'diagnosis', value: declared, origin: 'declared' },
    };
  }
  return {
    kind: 'none',
    input: { name: 'diagnosis', value: declared ?? null, origin: 'declared' },
  };
}
