/**
 * Application links at the verifier desk (docs/ux.md "Application links", docs/desks-online.md):
 * the clerk publishes one of the desk's request templates as a link the agency puts on its site;
 * `vouch serve` mints a fresh request for every citizen who opens it, and the desk lists the
 * answers with their verdicts. Every call is a clerk's action (a button), through the desk's saved
 * server connection (the token stays in the vault); UI state holds public facts only. Answers read
 * (the list, or a link's answers) are kept in the desk's History like every other verdict.
 */
import { create } from 'zustand';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import {
  dcqlForNeeds,
  listHistory,
  REQUEST_TEMPLATES,
  runRuleForVerdict,
  type PendingRequest,
  type TemplateId,
  type VerifiedResponse,
} from '../../core/verifier/index.ts';
import { MONTH_PATTERN } from '../../core/verifier/pending-request.ts';
import { translate, useLanguageStore, type Language, type MessageKey } from '../i18n/index.ts';
import { serverProblemMessage, withDeskServer } from '../shared/desk-server.ts';
import {
  listServerApplications,
  publishServerApplication,
  readApplicationAnswers,
  withdrawServerApplication,
  type ApplicationAnswer,
  type ServerApplication,
} from '../shared/server-admin.ts';
import { inEveryLanguage } from './every-language.ts';
import { keepInHistory } from './verifier-server.ts';
import { getVerifierSession } from './verifier-session.ts';
import { useVerifierStore } from './verifier-store.ts';

/** Links whose answers one refresh of the list reads into the desk's History, at most. */
export const MAX_LINKS_READ_FOR_HISTORY = 20;

/** Longest name of a link (the server's limit). */
export const MAX_APPLICATION_NAME_LENGTH = 100;

export interface ApplicationsState {
  /** The published links as last read, or null before the first read. */
  applications: ServerApplication[] | null;
  /** The link whose answers are on screen, and its answers as last read. */
  answersOf: string | null;
  answers: ApplicationAnswer[] | null;
  /** The answer whose verdict is on screen (in the desk's verdict view). */
  shownAnswer: string | null;
  busy: boolean;
  problem: MessageKey | null;
  notice: MessageKey | null;
}

export const initialApplicationsState: ApplicationsState = {
  applications: null,
  answersOf: null,
  answers: null,
  shownAnswer: null,
  busy: false,
  problem: null,
  notice: null,
};

export const useApplicationsStore = create<ApplicationsState>(() => initialApplicationsState);

/** The verdict view the desk had before an answer was shown here, to give back after. */
let verdictBefore: {
  verdict: VerifiedResponse | null;
  fromServer: boolean;
  shown: VerifiedResponse;
} | null = null;

/**
 * The purpose the citizen reads, in every language: the template's, without a month (a link
 * stays up for months; the answer's own period says which month is applied for).
 */
export function applicationPurpose(id: TemplateId): Promise<Record<Language, string>> {
  return inEveryLanguage((language) =>
    translate(language, MONTHLESS_PURPOSE[id] ?? `verifier.template.${id}.purpose`),
  );
}

/** The purposes of the templates that name a month (every one: application-links.test.ts). */
export const MONTHLESS_PURPOSE: Partial<Record<TemplateId, MessageKey>> = {
  'income-supplement': 'applications.purpose.income-supplement',
};

/** How many answers of each link are in the History already (this session), by link id. */
const answersKept = new Map<string, number>();

/** Drop everything (the desk locked or erased). */
export function resetApplications(): void {
  hideAnswer();
  answersKept.clear();
  useApplicationsStore.setState(initialApplicationsState);
}

/**
 * The answers of a link into the desk's History, as the desk's own verdicts (the same record as
 * an online or offline answer: verifier-server.ts keepInHistory). Answers the History holds
 * already are left as they are; one still being checked comes in when read again.
 */
export async function keepAnswersInHistory(
  application: ServerApplication,
  answers: readonly ApplicationAnswer[],
  language: Language,
): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  const held = new Set(useVerifierStore.getState().history.map((entry) => entry.id));
  let added = false;
  for (const answer of answers) {
    if (held.has(answer.id)) continue;
    const verdict = verdictOfAnswer(application, answer, language);
    if (!verdict) continue;
    await keepInHistory(desk, verdict);
    added = true;
  }
  if (!answers.some((answer) => answer.result.pending)) {
    answersKept.set(application.id, Math.max(application.answers, answers.length));
  }
  if (added) useVerifierStore.setState({ history: await listHistory(desk) });
}

/** Read the answers of links that received new ones since last read, into the History. */
async function keepNewAnswersInHistory(applications: readonly ServerApplication[]): Promise<void> {
  const language = useLanguageStore.getState().language;
  const fresh = applications
    .filter((application) => application.answers > (answersKept.get(application.id) ?? 0))
    .slice(0, MAX_LINKS_READ_FOR_HISTORY);
  for (const application of fresh) {
    const read = await withServer((server) => readApplicationAnswers(server, application.id)).catch(
      () => undefined,
    );
    if (read?.ok) await keepAnswersInHistory(application, read.value, language);
  }
}

async function withServer<T>(
  use: Parameters<typeof withDeskServer<T>>[1],
): Promise<{ ok: true; value: T } | { ok: false; problem: MessageKey }> {
  const desk = getVerifierSession();
  if (!desk) return { ok: false, problem: 'error.unexpected' };
  const result = await withDeskServer(desk.vault, use);
  return result.ok ? result : { ok: false, problem: serverProblemMessage(result.problem) };
}

export async function refreshApplications(): Promise<void> {
  useApplicationsStore.setState({ busy: true, problem: null });
  const listed = await withServer((server) => listServerApplications(server)).catch(() => ({
    ok: false as const,
    problem: 'error.unexpected' as MessageKey,
  }));
  useApplicationsStore.setState(
    listed.ok
      ? { busy: false, applications: listed.value }
      : { busy: false, problem: listed.problem },
  );
  if (listed.ok) await keepNewAnswersInHistory(listed.value).catch(() => undefined);
}

/** Publish a template as a link named `name`; null when done, else the words of the problem. */
export async function publishApplication(input: {
  template: TemplateId;
  name: string;
}): Promise<MessageKey | null> {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_APPLICATION_NAME_LENGTH)
    return 'applications.publish.nameMissing';
  const desk = getVerifierSession();
  if (!desk) return 'error.unexpected';
  const template = REQUEST_TEMPLATES[input.template];
  useApplicationsStore.setState({ busy: true, problem: null, notice: null });
  const purpose = await applicationPurpose(template.id).catch(() => undefined);
  if (purpose === undefined) {
    useApplicationsStore.setState({ busy: false });
    return 'error.unexpected';
  }
  const published = await withServer((server) =>
    publishServerApplication(server, {
      name,
      type: template.typeId,
      // The server asks for the required claims (it has no optional ones), as "Show request" does.
      claims: template.required,
      purpose,
      verifierName: desk.profile.name,
      ...(template.rule === undefined ? {} : { rule: template.rule }),
      ...(template.declare === undefined ? {} : { declare: template.declare }),
    }),
  ).catch(() => ({ ok: false as const, problem: 'error.unexpected' as MessageKey }));
  useApplicationsStore.setState({ busy: false });
  if (!published.ok) return published.problem;
  useApplicationsStore.setState({ notice: 'applications.publish.done' });
  await refreshApplications();
  return null;
}

export async function withdrawApplication(id: string): Promise<void> {
  useApplicationsStore.setState({ busy: true, problem: null, notice: null });
  const done = await withServer((server) => withdrawServerApplication(server, id)).catch(() => ({
    ok: false as const,
    problem: 'error.unexpected' as MessageKey,
  }));
  if (!done.ok) {
    useApplicationsStore.setState({ busy: false, problem: done.problem });
    return;
  }
  const { answersOf } = useApplicationsStore.getState();
  if (answersOf === id) {
    hideAnswer();
    useApplicationsStore.setState({ answersOf: null, answers: null });
  }
  useApplicationsStore.setState({ busy: false, notice: 'applications.withdraw.done' });
  await refreshApplications();
}

/** Read (again) the answers a link received. */
export async function showAnswers(id: string): Promise<void> {
  hideAnswer();
  const previous = useApplicationsStore.getState();
  useApplicationsStore.setState({
    busy: true,
    problem: null,
    notice: null,
    answersOf: id,
    answers: previous.answersOf === id ? previous.answers : null,
  });
  const read = await withServer((server) => readApplicationAnswers(server, id)).catch(() => ({
    ok: false as const,
    problem: 'error.unexpected' as MessageKey,
  }));
  if (useApplicationsStore.getState().answersOf !== id) return;
  useApplicationsStore.setState(
    read.ok ? { busy: false, answers: read.value } : { busy: false, problem: read.problem },
  );
  const application = useApplicationsStore
    .getState()
    .applications?.find((candidate) => candidate.id === id);
  if (read.ok && application) {
    await keepAnswersInHistory(application, read.value, useLanguageStore.getState().language).catch(
      () => undefined,
    );
  }
}

export function hideAnswers(): void {
  hideAnswer();
  useApplicationsStore.setState({ answersOf: null, answers: null });
}

/**
 * The pending request an answer answered, as the desk's verdict view reads it: the link's type,
 * claims, purpose (in the clerk's language), rule and facts; the month of a monthly rule is the
 * period the citizen's credential states.
 */
export function requestOfAnswer(
  application: ServerApplication,
  answer: ApplicationAnswer,
  language: Language,
): PendingRequest {
  const type = CREDENTIAL_TYPES[application.type];
  const needs = { typeId: type.id, vct: type.vct, required: [...application.claims], optional: [] };
  const { queries } = dcqlForNeeds(needs);
  const purpose =
    typeof application.purpose === 'string'
      ? application.purpose
      : (application.purpose?.[language] ??
        application.purpose?.en ??
        application.purpose?.nl ??
        application.purpose?.fr ??
        application.name);
  const period =
    !answer.result.pending && typeof answer.result.verdict.claims.period === 'string'
      ? answer.result.verdict.claims.period
      : undefined;
  return {
    id: answer.id,
    nonce: '',
    queryId: type.id,
    ...(queries.length > 1 ? { queries: queries.map((query) => ({ ...query })) } : {}),
    typeId: type.id,
    vct: type.vct,
    required: [...application.claims],
    optional: [],
    purpose,
    ...(application.rule === undefined ? {} : { rule: application.rule }),
    ...(application.declare === undefined ? {} : { declare: [...application.declare] }),
    ...(period !== undefined && MONTH_PATTERN.test(period) ? { month: period } : {}),
    createdAt: answer.answeredAt,
    expiresAt: answer.answeredAt,
  };
}

/** An answer as the desk's verdict: every check, the claims, the declared facts, the benefit. */
export function verdictOfAnswer(
  application: ServerApplication,
  answer: ApplicationAnswer,
  language: Language,
  now = new Date(),
): VerifiedResponse | null {
  if (answer.result.pending) return null;
  const result = answer.result.verdict;
  const request = requestOfAnswer(application, answer, language);
  const presentations = [{ queryId: request.queryId, result, nonceState: 'pending' as const }];
  const benefit = runRuleForVerdict({
    request,
    verification: { valid: result.valid, presentations },
    declared: answer.declared,
    now,
  });
  return {
    id: answer.id,
    at: answer.answeredAt,
    valid: result.valid,
    presentations,
    request,
    ...(answer.declared === undefined ? {} : { declared: answer.declared }),
    ...(benefit ? { benefit } : {}),
    spentNonces: [],
  };
}

/** Show one answer in the desk's verdict view (its focus and wording are the desk's). */
export function showAnswer(answerId: string, language: Language): void {
  const { applications, answersOf, answers } = useApplicationsStore.getState();
  const application = applications?.find((candidate) => candidate.id === answersOf);
  const answer = answers?.find((candidate) => candidate.id === answerId);
  if (!application || !answer) return;
  const verdict = verdictOfAnswer(application, answer, language);
  if (!verdict) return;
  hideAnswer();
  const desk = useVerifierStore.getState();
  verdictBefore = { verdict: desk.verdict, fromServer: desk.verdictFromServer, shown: verdict };
  useVerifierStore.setState({ verdict, verdictFromServer: true });
  useApplicationsStore.setState({ shownAnswer: answerId });
}

/** Back to the list: the desk's own verdict view gets back what it showed before. */
export function hideAnswer(): void {
  const before = verdictBefore;
  verdictBefore = null;
  if (useApplicationsStore.getState().shownAnswer !== null) {
    useApplicationsStore.setState({ shownAnswer: null });
  }
  if (before && useVerifierStore.getState().verdict === before.shown) {
    useVerifierStore.setState({ verdict: before.verdict, verdictFromServer: before.fromServer });
  }
}
