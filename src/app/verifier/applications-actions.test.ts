import { afterEach, describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { REQUEST_TEMPLATES, TEMPLATE_IDS } from '../../core/verifier/index.ts';
import type { VerificationResult } from '../../core/verification/index.ts';
import type { ApplicationAnswer, ServerApplication } from '../shared/server-admin.ts';
import {
  applicationPurpose,
  hideAnswer,
  initialApplicationsState,
  MONTHLESS_PURPOSE,
  requestOfAnswer,
  showAnswer,
  useApplicationsStore,
  verdictOfAnswer,
} from './applications-actions.ts';
import { initialVerifierUiState, useVerifierStore } from './verifier-store.ts';

const SUPPLEMENT: ServerApplication = {
  id: 'app-1',
  name: 'Income supplement',
  link: 'openid4vp://?client_id=x&request_uri=https%3A%2F%2Fa.example%2Fapplications%2Fapp-1%2Frequest&request_uri_method=post',
  type: 'income-statement',
  claims: ['period', 'net_wage_cents'],
  purpose: { en: 'Apply', nl: 'Aanvragen', fr: 'Demander' },
  rule: 'nl.participatiewet.aanvulling',
  declare: ['household', 'ageBand', 'assetsCents', 'exemption', 'partnerNetIncomeCents'],
  createdAt: '2026-11-01T09:00:00.000Z',
  answers: 1,
};

function verdict(valid: boolean, claims: Record<string, unknown>): VerificationResult {
  return {
    valid,
    checks: [{ name: 'encoding', ok: valid, code: valid ? 'ok' : 'bad-encoding', message: '' }],
    vct: CREDENTIAL_TYPES['income-statement'].vct,
    claims,
  } as VerificationResult;
}

const ANSWER: ApplicationAnswer = {
  id: 'tx-1',
  answeredAt: '2026-12-02T15:05:00.000Z',
  result: { pending: false, verdict: verdict(true, { period: '2026-09', net_wage_cents: 90_000 }) },
  declared: {
    household: 'single',
    ageBand: '21-to-pension',
    assetsCents: 0,
    exemption: 'none',
    partnerNetIncomeCents: null,
  },
};

afterEach(() => {
  useVerifierStore.setState(initialVerifierUiState);
  useApplicationsStore.setState(initialApplicationsState);
});

describe('the purpose an application link carries', () => {
  it('Given every template that names a month, then it has a purpose without one, in nl, fr and en', () => {
    for (const id of TEMPLATE_IDS) {
      const purpose = applicationPurpose(id);
      if (REQUEST_TEMPLATES[id].asksForMonth) expect(MONTHLESS_PURPOSE[id]).toBeDefined();
      for (const text of Object.values(purpose)) {
        expect(text).not.toMatch(/\{month\}|applications\.|verifier\./);
        expect(text.length).toBeGreaterThan(5);
      }
      expect(new Set(Object.values(purpose)).size).toBe(3);
    }
  });
});

describe('an answer as the desk’s verdict', () => {
  it('Given a valid answer to the supplement link, then the request is the link’s, in the clerk’s language, and the month is the statement’s period', () => {
    const request = requestOfAnswer(SUPPLEMENT, ANSWER, 'nl');
    expect(request).toMatchObject({
      id: 'tx-1',
      typeId: 'income-statement',
      required: ['period', 'net_wage_cents'],
      purpose: 'Aanvragen',
      rule: 'nl.participatiewet.aanvulling',
      month: '2026-09',
    });
  });

  it('Given a period that is not a month, then no month (the monthly rule then does not run)', () => {
    const odd: ApplicationAnswer = {
      ...ANSWER,
      result: { pending: false, verdict: verdict(true, { period: '2026-13' }) },
    };
    expect(requestOfAnswer(SUPPLEMENT, odd, 'en')).not.toHaveProperty('month');
    expect(verdictOfAnswer(SUPPLEMENT, odd, 'en')?.benefit).toBeUndefined();
  });

  it('Given a valid answer with declared facts, then the rule runs on the claims and the facts', () => {
    const shown = verdictOfAnswer(SUPPLEMENT, ANSWER, 'en');
    expect(shown?.valid).toBe(true);
    expect(shown?.declared).toEqual(ANSWER.declared);
    expect(shown?.benefit?.ruleId).toBe('nl.participatiewet.aanvulling');
  });

  it('Given an invalid answer, then Not valid and no benefit check; a pending one is no verdict', () => {
    const invalid: ApplicationAnswer = {
      ...ANSWER,
      result: { pending: false, verdict: verdict(false, {}) },
    };
    expect(verdictOfAnswer(SUPPLEMENT, invalid, 'en')).toMatchObject({ valid: false });
    expect(verdictOfAnswer(SUPPLEMENT, invalid, 'en')?.benefit).toBeUndefined();
    expect(verdictOfAnswer(SUPPLEMENT, { ...ANSWER, result: { pending: true } }, 'en')).toBeNull();
  });

  it('Given the desk showed a verdict, when an answer is shown and hidden, then the desk’s own verdict comes back', () => {
    const own = verdictOfAnswer(SUPPLEMENT, { ...ANSWER, id: 'own' }, 'en');
    useVerifierStore.setState({ verdict: own, verdictFromServer: false });
    useApplicationsStore.setState({
      applications: [SUPPLEMENT],
      answersOf: 'app-1',
      answers: [ANSWER],
    });
    showAnswer('tx-1', 'en');
    expect(useVerifierStore.getState().verdict?.id).toBe('tx-1');
    expect(useVerifierStore.getState().verdictFromServer).toBe(true);
    expect(useApplicationsStore.getState().shownAnswer).toBe('tx-1');
    hideAnswer();
    expect(useVerifierStore.getState().verdict).toBe(own);
    expect(useVerifierStore.getState().verdictFromServer).toBe(false);
    expect(useApplicationsStore.getState().shownAnswer).toBeNull();
  });

  it('Given an unknown answer id, then nothing is shown', () => {
    useApplicationsStore.setState({
      applications: [SUPPLEMENT],
      answersOf: 'app-1',
      answers: [ANSWER],
    });
    showAnswer('tx-unknown', 'en');
    expect(useVerifierStore.getState().verdict).toBeNull();
    expect(useApplicationsStore.getState().shownAnswer).toBeNull();
  });
});
