/**
 * Eligibility for a Veramo agent: `runEligibilityRule` runs one of core's rule modules
 * (src/core/rules, docs/rules.md) on verified claims and declared facts for one period. The rule
 * is pure and total; bad arguments are refused here with an error that names the field.
 */
import type { IAgentPlugin, IPluginMethodMap } from '@veramo/core-types';
import { evaluateRule, isRuleId, RULE_IDS } from '../core/rules/index.ts';
import type { RuleId, RuleResult } from '../core/rules/index.ts';
import { shortValue } from '../core/jose/index.ts';
import { eligibilitySchema } from './schema.ts';

export interface IRunEligibilityRuleArgs {
  /** A rule id: nl.participatiewet.aanvulling, nl.asbest.tas-tns or be.afa. */
  rule: RuleId;
  /** 'YYYY-MM' for monthly rules, 'YYYY-MM-DD' for the asbestos rules. */
  period: string;
  /**
   * Verified claims, one entry per credential: `{ vct, claims }` — a VerificationResult from
   * verifyVouchPresentation fits as it is (an invalid one is refused).
   */
  claims?: { vct?: string; claims: Record<string, unknown>; valid?: boolean }[];
  /** Facts the citizen declared (the rule's `inputs.facts`). */
  declared?: Record<string, unknown>;
}

export interface IVouchEligibility extends IPluginMethodMap {
  runEligibilityRule(args: IRunEligibilityRuleArgs): Promise<RuleResult>;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

export class VouchEligibilityPlugin implements IAgentPlugin {
  readonly schema = eligibilitySchema;
  readonly methods: IVouchEligibility = {
    runEligibilityRule: async (args) => this.runEligibilityRule(args),
  };

  runEligibilityRule(args: IRunEligibilityRuleArgs): RuleResult {
    const { rule, period, claims = [], declared = {} } = args ?? ({} as IRunEligibilityRuleArgs);
    if (!isRuleId(rule)) {
      throw new TypeError(
        `invalid_argument: "rule" expected one of ${RULE_IDS.join(', ')}, got ${shortValue(rule)}`,
      );
    }
    if (typeof period !== 'string' || !PERIOD.test(period)) {
      throw new TypeError(
        `invalid_argument: "period" expected YYYY-MM or YYYY-MM-DD, got ${shortValue(period)}`,
      );
    }
    if (typeof declared !== 'object' || declared === null || Array.isArray(declared)) {
      throw new TypeError('invalid_argument: "declared" expected an object of declared facts');
    }
    if (!Array.isArray(claims)) {
      throw new TypeError('invalid_argument: "claims" expected a list of { vct, claims }');
    }
    const input = claims.map((entry, i) => {
      if (typeof entry !== 'object' || entry === null) {
        throw new TypeError(`invalid_argument: "claims[${i}]" expected { vct, claims }`);
      }
      if (entry.valid === false) {
        throw new TypeError(
          `invalid_argument: "claims[${i}]" is a verification that failed: only verified claims count`,
        );
      }
      if (
        typeof entry.vct !== 'string' ||
        typeof entry.claims !== 'object' ||
        entry.claims === null
      ) {
        throw new TypeError(`invalid_argument: "claims[${i}]" expected { vct, claims }`);
      }
      return { vct: entry.vct, claims: entry.claims };
    });
    return evaluateRule(rule, { period, facts: declared, claims: input });
  }
}
