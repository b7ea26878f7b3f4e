import { randomBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { nobleJwsCrypto } from '../../core/jose/index.ts';
import { createMemoryVaultStorage } from '../../core/vault/index.ts';
import { createFakeVaultCrypto } from '../../core/vault/vault-crypto.fake.ts';
import {
  createVerifierDesk,
  listHistory,
  REQUEST_TEMPLATES,
  TEMPLATE_IDS,
  type VerifierDesk,
} from '../../core/verifier/index.ts';
import type { VerificationResult } from '../../core/verification/index.ts';
import type * as DeskServerModule from '../shared/desk-server.ts';
import type * as ServerAdminModule from '../shared/server-admin.ts';
import type { ApplicationAnswer, ServerApplication } from '../shared/server-admin.ts';
import {
  applicationPurpose,
  hideAnswer,
  initialApplicationsState,
  keepAnswersInHistory,
  MONTHLESS_PURPOSE,
  refreshApplications,
  requestOfAnswer,
  resetApplications,
  showAnswer,
  showAnswers,
  useApplicationsStore,
  verdictOfAnswer,
} from './applications-actions.ts';
import { endVerifierSession, setVerifierSession } from './verifier-session.ts';
import { initialVerifierUiState, useVerifierStore } from './verifier-store.ts';

/** The server as the desk's admin client sees it: the links and their answers (set per test). */
const served = vi.hoisted(() => ({
  applications: [] as unknown[],
  answers: {} as Record<string, unknown[]>,
  reads: [] as string[],
}));
vi.mock('../shared/desk-server.ts', async (original) => ({
  ...(await original<typeof DeskServerModule>()),
  withDeskServer: async (_vault: unknown, use: (server: unknown) => Promise<unknown>) =>
    use({ url: 'https://vouch.example', token: 'not-used' }),
}));
vi.mock('../shared/server-admin.ts', async (original) => ({
  ...(await original<typeof ServerAdminModule>()),
  listServerApplications: async () => ({ ok: true, value: served.applications }),
  readApplicationAnswers: async (_server: unknown, id: string) => {
    served.reads.push(id);
    return { ok: true, value: served.answers[id] ?? [] };
  },
}));

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
  resetApplications();
  endVerifierSession();
  useVerifierStore.setState(initialVerifierUiState);
  useApplicationsStore.setState(initialApplicationsState);
  served.applications = [];
  served.answers = {};
  served.reads = [];
});

async function unlockedDesk(): Promise<VerifierDesk> {
  const created = await createVerifierDesk(
    {
      storage: createMemoryVaultStorage(),
      crypto: createFakeVaultCrypto(),
      jws: nobleJwsCrypto({ randomBytes }),
    },
    {
      passcode: 'verifier passcode 1',
      profile: { name: 'Gemeente Testdorp', kind: 'agency' },
      now: new Date('2026-12-01T00:00:00Z'),
    },
  );
  if (!created.ok) throw new Error(created.reason);
  setVerifierSession(created.value);
  return created.value;
}

describe('the purpose an application link carries', () => {
  it('Given every template that names a month, then it has a purpose without one, in nl, fr and en', async () => {
    for (const id of TEMPLATE_IDS) {
      const purpose = await applicationPurpose(id);
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

describe('answers to application links in the desk’s History', () => {
  const INVALID: ApplicationAnswer = {
    id: 'tx-2',
    answeredAt: '2026-12-02T16:00:00.000Z',
    result: { pending: false, verdict: verdict(false, {}) },
  };
  const PENDING: ApplicationAnswer = {
    id: 'tx-3',
    answeredAt: '2026-12-02T16:30:00.000Z',
    result: { pending: true },
  };

  it('Given answers read, then each verdict is a History entry like any other (purpose in the clerk’s language, benefit, claim names, never values); one being checked is not', async () => {
    const desk = await unlockedDesk();
    await keepAnswersInHistory(SUPPLEMENT, [ANSWER, INVALID, PENDING], 'nl');
    const history = await listHistory(desk);
    expect(history.map((entry) => entry.id)).toEqual(['tx-2', 'tx-1']);
    expect(history[1]).toMatchObject({
      id: 'tx-1',
      at: ANSWER.answeredAt,
      valid: true,
      purpose: 'Aanvragen',
      benefit: { ruleId: 'nl.participatiewet.aanvulling' },
      items: [
        {
          vct: CREDENTIAL_TYPES['income-statement'].vct,
          valid: true,
          failed: [],
          claimNames: ['period', 'net_wage_cents'],
        },
      ],
    });
    expect(JSON.stringify(history)).not.toContain('90000');
    expect(history[0]).toMatchObject({ valid: false, items: [{ failed: ['bad-encoding'] }] });
    expect(useVerifierStore.getState().history.map((entry) => entry.id)).toEqual(['tx-2', 'tx-1']);
  });

  it('Given an answer the History holds already, when read again, then it is not written again', async () => {
    const desk = await unlockedDesk();
    await keepAnswersInHistory(SUPPLEMENT, [ANSWER], 'nl');
    await keepAnswersInHistory(SUPPLEMENT, [ANSWER], 'en');
    const history = await listHistory(desk);
    expect(history).toHaveLength(1);
    expect(history[0]?.purpose).toBe('Aanvragen');
  });

  it('Given a link with answers, when the clerk opens its answers, then they land in the History', async () => {
    const desk = await unlockedDesk();
    served.answers['app-1'] = [ANSWER];
    useApplicationsStore.setState({ applications: [SUPPLEMENT] });
    await showAnswers('app-1');
    expect(useApplicationsStore.getState().answers).toEqual([ANSWER]);
    expect((await listHistory(desk)).map((entry) => entry.id)).toEqual(['tx-1']);
  });

  it('Given the list of links, when it is read, then the answers of links with new answers land in the History, and links without new ones are not read again', async () => {
    const desk = await unlockedDesk();
    const quiet: ServerApplication = { ...SUPPLEMENT, id: 'app-2', name: 'Quiet', answers: 0 };
    served.applications = [SUPPLEMENT, quiet];
    served.answers['app-1'] = [ANSWER];
    await refreshApplications();
    expect(served.reads).toEqual(['app-1']);
    expect((await listHistory(desk)).map((entry) => entry.id)).toEqual(['tx-1']);

    await refreshApplications();
    expect(served.reads).toEqual(['app-1']);

    served.applications = [{ ...SUPPLEMENT, answers: 2 }, quiet];
    served.answers['app-1'] = [INVALID, ANSWER];
    await refreshApplications();
    expect(served.reads).toEqual(['app-1', 'app-1']);
    expect((await listHistory(desk)).map((entry) => entry.id)).toEqual(['tx-2', 'tx-1']);
  });
});
