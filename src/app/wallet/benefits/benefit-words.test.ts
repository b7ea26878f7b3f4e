import { describe, expect, it } from 'vitest';
import type { BenefitChange } from '../../../core/holder/index.ts';
import { translate, type Language, type Translate } from '../../i18n/index.ts';
import { describeChange, describeCredentialHousehold } from './benefit-words.ts';

const tFor =
  (language: Language): Translate =>
  (key, params) =>
    translate(language, key, params);

const september: BenefitChange = {
  kind: 'new-eligible',
  key: 'nl.participatiewet.aanvulling@2026-09',
  ruleId: 'nl.participatiewet.aanvulling',
  period: '2026-09',
  status: 'eligible',
  amountCents: 40_061,
};

describe('describeChange', () => {
  it('Given a newly eligible month, when described, then it names the month and the amount (the issue’s own example)', () => {
    expect(describeChange(september, 'en', tFor('en'))).toBe(
      'September 2026: you are entitled to €400.61',
    );
    expect(describeChange(september, 'nl', tFor('nl'))).toBe(
      'september 2026: je hebt recht op €\u00a0400,61',
    );
  });

  it('Given a changed amount, when described, then the old and the new amount are both given', () => {
    const change: BenefitChange = {
      ...september,
      kind: 'amount',
      amountCents: 20_061,
      previous: { status: 'eligible', amountCents: 40_061 },
    };
    expect(describeChange(change, 'en', tFor('en'))).toBe(
      'September 2026: your amount changed from €400.61 to €200.61',
    );
  });

  it('Given an asbestos result without a published amount, when described, then the rule is the subject and no amount is invented', () => {
    const change: BenefitChange = {
      kind: 'new-eligible',
      key: 'nl.asbest.tas-tns',
      ruleId: 'nl.asbest.tas-tns',
      period: '2026-11-21',
      status: 'likely-eligible',
      amountCents: null,
    };
    expect(describeChange(change, 'en', tFor('en'))).toBe(
      'Asbestos victims compensation (TAS / TNS): you are probably entitled',
    );
  });

  it('Given a month no longer eligible, when described, then it says so in plain words', () => {
    const change: BenefitChange = {
      ...september,
      kind: 'status',
      status: 'not-eligible',
      amountCents: 0,
      previous: { status: 'eligible', amountCents: 40_061 },
    };
    expect(describeChange(change, 'fr', tFor('fr'))).toBe(
      'septembre 2026 : vous n’y avez plus droit',
    );
  });
});

describe('describeCredentialHousehold', () => {
  it('Given a couple from the household credential of Utrecht, when described, then it names the household, the municipality and the date, as from the credential', () => {
    const household = {
      household: 'couple',
      adults: 2,
      municipality: 'Utrecht',
      validOn: '2026-11-20',
    } as const;
    expect(describeCredentialHousehold(household, 'en', tFor('en'))).toBe(
      'Household: married or cohabiting couple. This comes from your municipality’s credential (Utrecht, 20 November 2026), so you are not asked.',
    );
    expect(describeCredentialHousehold(household, 'nl', tFor('nl'))).toContain(
      'uit de verklaring van je gemeente (Utrecht, 20 november 2026)',
    );
  });

  it('Given cost-sharers without a municipality or date, when described, then it counts the adults and leaves the source out', () => {
    expect(
      describeCredentialHousehold({ household: 'cost-sharers', adults: 3 }, 'fr', tFor('fr')),
    ).toBe(
      'Ménage : cohabitants partageant les frais (plusieurs adultes sous un même toit), 3 adultes dans le logement. Cela vient de l’attestation de votre commune : la question ne vous est pas posée.',
    );
  });
});
