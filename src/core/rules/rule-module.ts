/**
 * The rule module contract (docs/rules.md): a pure function from verified claims and declared
 * facts, for one period, to a status, an amount, a trace of every step and the evidence to show.
 * Parameters (norms, maxima, amounts) are dated data in parameters/, never in the logic.
 */

export type Localised = Readonly<Record<'nl' | 'fr' | 'en', string>>;

export type RuleId = 'nl.participatiewet.aanvulling' | 'nl.asbest.tas-tns' | 'be.afa';

export type RuleStatus =
  'eligible' | 'likely-eligible' | 'not-eligible' | 'needs-evidence' | 'unknown';

/** Where a figure or a rule comes from, e.g. `{ label: 'velsen.nl/…', url: 'https://…' }`. */
export interface Source {
  label: string;
  url?: string;
}

/** A figure in euro cents, valid from `validFrom` up to and including `validUntil` (ISO dates). */
export interface DatedValue {
  valueCents: number;
  validFrom: string;
  validUntil?: string;
  source: Source;
  /** How the figure was computed from a published one, when it was not published itself. */
  derived?: string;
}

export interface TraceInput {
  name: string;
  value: unknown;
  origin: 'credential' | 'declared';
}

export interface TraceParameter {
  name: string;
  valueCents: number | null;
  validFrom?: string;
  validUntil?: string;
  source?: Source;
  derived?: string;
}

export interface TraceStep {
  /** Stable, e.g. 'norm', 'income', 'exemption', 'assets', 'payment'. */
  id: string;
  /** Plain language, amounts already formatted in €. */
  text: Localised;
  input?: TraceInput;
  parameter?: TraceParameter;
  legalBasis?: Source;
}

export interface EvidenceNeed {
  vct: string;
  claims: readonly string[];
  to: Localised;
  why: Localised;
}

export type AsbestosScheme = 'TAS' | 'TNS' | 'TSB' | 'AFA';

export interface RuleResult {
  ruleId: RuleId;
  status: RuleStatus;
  amountCents: number | null;
  /** 'YYYY-MM' or 'YYYY-MM-DD'. */
  period: string;
  trace: TraceStep[];
  evidence: EvidenceNeed[];
  /** Asbestos rules: the scheme that applies, or null when none. */
  scheme?: AsbestosScheme | null;
  /** Participatiewet: the holiday-allowance part reserved this month (paid in June). */
  holidayAllowanceCents?: number | null;
  /** Participatiewet: the norm excluding holiday allowance (the monthly payment's ceiling). */
  normCents?: number | null;
  normInclHolidayCents?: number | null;
  /** Participatiewet: the household income counted this month, after any exemption. */
  countedIncomeCents?: number | null;
  /** be.afa: the monthly part of the compensation, when known. */
  monthlyCents?: number | null;
}

export interface FactSpec {
  name: string;
  kind: 'enum' | 'cents' | 'integer' | 'boolean';
  options?: readonly string[];
  label: Localised;
  optionLabels?: Readonly<Record<string, Localised>>;
  help?: Localised;
}

/** Verified claims of the credentials, by vct (each entry: the disclosed claims of one credential), plus declared facts. */
export interface RuleInput {
  period: string;
  facts: Readonly<Record<string, unknown>>;
  claims: readonly { vct: string; claims: Readonly<Record<string, unknown>> }[];
}

export interface RuleModule {
  id: RuleId;
  title: Localised;
  jurisdiction: 'NL' | 'BE';
  legalBasis: readonly Source[];
  periodKind: 'month' | 'date';
  inputs: {
    credentials: readonly { vct: string; claims: readonly string[] }[];
    facts: readonly FactSpec[];
  };
  /** Pure and total: bad input → status 'needs-evidence' or 'unknown', never a throw. */
  evaluate(input: RuleInput): RuleResult;
}
