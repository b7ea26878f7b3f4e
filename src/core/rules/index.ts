export type {
  AsbestosScheme,
  DatedValue,
  EvidenceNeed,
  FactSpec,
  Localised,
  RuleId,
  RuleInput,
  RuleModule,
  RuleResult,
  RuleStatus,
  Source,
  TraceInput,
  TraceParameter,
  TraceStep,
} from './rule-module.ts';
export { evaluateRule, isRuleId, RULE_IDS, RULES } from './registry.ts';
export {
  AGE_BANDS,
  EXEMPTIONS,
  HOUSEHOLDS,
  participatiewetAanvulling,
} from './participatiewet-aanvulling.ts';
export type { AgeBand, Exemption, Household } from './participatiewet-aanvulling.ts';
export { asbestTasTns, EXPOSURES } from './asbest-tas-tns.ts';
export type { Exposure } from './asbest-tas-tns.ts';
export { beAfa } from './be-afa.ts';
export { householdFromClaims, HOUSEHOLD_VCT } from './household-credential.ts';
export type { CredentialHousehold } from './household-credential.ts';
export { formatEuro, shareOfCents } from './money.ts';
export { valueOn } from './dated.ts';
