/**
 * The verifier desk with a server (issue 9 item 2): requests made through `POST /admin/requests`
 * (an `openid4vp://` QR code and same-device link), the answer read by the result poll, shown in
 * the desk's verdict view and kept in the desk's history like an offline answer.
 */
import {
  addHistoryEntry,
  historyEntryOf,
  dcqlForNeeds,
  listHistory,
  runRuleForVerdict,
  type PendingRequest,
  type RequestNeeds,
  type VerifiedResponse,
  type VerifierDesk,
} from '../../core/verifier/index.ts';
import { utf8ToBytes } from '../../core/encoding/index.ts';
import type { VerificationResult } from '../../core/verification/index.ts';
import type { RuleId } from '../../core/rules/index.ts';
import type { Language, MessageKey } from '../i18n/index.ts';
import {
  deskServerActions,
  deskServerFacts,
  serverProblemMessage,
  withDeskServer,
  type DeskServerProblem,
} from '../shared/desk-server.ts';
import {
  createServerRequest,
  readServerResult,
  type AdminProblem,
} from '../shared/server-admin.ts';
import { ROLE_URLS } from '../router.ts';
import { browserPollEnvironment, pollResult, type PollRead } from './result-poll.ts';
import { getVerifierSession } from './verifier-session.ts';
import { useVerifierStore, type ShownRequest } from './verifier-store.ts';

/** The server's requests wait this long for an answer when it does not say (its default). */
export const SERVER_REQUEST_SECONDS = 600;

let poll: { stop(): void } | null = null;

/** Stop waiting for a server answer (a new request, the desk locked or erased). */
export function stopServerPoll(): void {
  const running = poll;
  poll = null;
  running?.stop();
}

export async function refreshServerFacts(): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  const facts = await deskServerFacts(desk.vault);
  useVerifierStore.setState({ serverUrl: facts?.url ?? null });
}

export const {
  save: saveVerifierServer,
  test: testVerifierServer,
  forget: forgetVerifierServer,
} = deskServerActions(() => getVerifierSession()?.vault, refreshServerFacts);

/**
 * "Show request" with a server: the server signs and hosts the request; the desk shows its URI
 * and starts waiting for the answer. The server asks for the required claims (it has no optional
 * ones), so the request on screen lists those.
 */
export async function showServerRequest(options: {
  needs: RequestNeeds;
  purpose: string | Record<Language, string>;
  language: Language;
  rule?: RuleId;
  declare?: readonly string[];
  month?: string;
}): Promise<MessageKey | null> {
  const desk = getVerifierSession();
  if (!desk) return 'error.unexpected';
  stopServerPoll();
  const purpose =
    typeof options.purpose === 'string' ? options.purpose : options.purpose[options.language];
  const created = await withDeskServer(desk.vault, (server) =>
    createServerRequest(server, {
      type: options.needs.typeId,
      claims: options.needs.required,
      purpose,
      verifierName: desk.profile.name,
      // The rule, the facts to declare and the month (vouch.period: the wallet answers its facts).
      ...(options.rule === undefined ? {} : { rule: options.rule }),
      ...(options.declare === undefined ? {} : { declare: options.declare }),
      ...(options.month === undefined ? {} : { period: options.month }),
    }),
  );
  if (!created.ok) return serverProblemMessage(created.problem);
  const now = new Date();
  const expiresAt =
    created.value.expiresAt ??
    new Date(now.getTime() + SERVER_REQUEST_SECONDS * 1000).toISOString();
  // The server asks as the desk does (core/verifier/request-query.ts): a diploma in either format.
  const { queries } = dcqlForNeeds({ ...options.needs, optional: [] });
  const pending: PendingRequest = {
    id: created.value.id,
    nonce: '',
    queryId: options.needs.typeId,
    ...(queries.length > 1 ? { queries: queries.map((query) => ({ ...query })) } : {}),
    typeId: options.needs.typeId,
    vct: options.needs.vct,
    required: [...options.needs.required],
    optional: [],
    purpose,
    ...(options.rule === undefined ? {} : { rule: options.rule }),
    ...(options.month === undefined ? {} : { month: options.month }),
    createdAt: now.toISOString(),
    expiresAt,
  };
  const { uri } = created.value;
  const shown: ShownRequest = {
    pending,
    frames: { frames: [utf8ToBytes(uri)], animated: false },
    text: uri,
    link: walletLinkOf(uri, globalThis.location.origin),
    online: { id: created.value.id, uri, expiresAt },
  };
  useVerifierStore.setState({
    shownRequest: shown,
    verdict: null,
    verdictFromServer: false,
    onlineState: 'waiting',
    onlineProblem: null,
  });
  startPoll(shown);
  return null;
}

/**
 * The same-device link: the wallet's own https address carrying the request's query
 * (`/?client_id=…&request_uri=…`, which the wallet reads like an `openid4vp://` link), so it
 * opens the wallet page whether or not a protocol handler is registered.
 */
export function walletLinkOf(uri: string, origin: string): string {
  const query = uri.indexOf('?');
  const wallet = new URL(ROLE_URLS.wallet, origin);
  wallet.search = query < 0 ? '' : uri.slice(query);
  wallet.hash = '';
  return wallet.href;
}

/** Problems worth looking again after; the others will not change by waiting. */
const TRANSIENT: ReadonlySet<AdminProblem | 'not-configured'> = new Set([
  'unreachable',
  'server-error',
]);

function startPoll(shown: ShownRequest): void {
  const online = shown.online;
  if (!online) return;
  const stillShown = () => useVerifierStore.getState().shownRequest === shown;
  const read = async (): Promise<PollRead> => {
    const desk = getVerifierSession();
    if (!desk || !stillShown()) return 'stop';
    const result = await withDeskServer(desk.vault, (server) =>
      readServerResult(server, online.id),
    );
    if (!stillShown()) return 'stop';
    if (!result.ok) return lookAgainAfter(result.problem);
    if (result.value.pending) {
      useVerifierStore.setState({ onlineProblem: null });
      return 'pending';
    }
    await showServerVerdict(shown.pending, result.value.verdict);
    return 'done';
  };
  poll = pollResult(
    {
      until: Date.parse(online.expiresAt),
      read,
      onState: (state) => {
        if (!stillShown()) return;
        useVerifierStore.setState({ onlineState: state });
      },
    },
    browserPollEnvironment(),
  );
}

function lookAgainAfter(problem: DeskServerProblem): PollRead {
  useVerifierStore.setState({ onlineProblem: serverProblemMessage(problem) });
  return TRANSIENT.has(problem) ? 'retry' : 'stop';
}

/**
 * A verdict the server reached, kept in the desk's history as an offline answer is (names of
 * claims, never values; of a benefit, the rule, status and amount): online requests and the
 * answers to application links.
 */
export async function keepInHistory(desk: VerifierDesk, verdict: VerifiedResponse): Promise<void> {
  await addHistoryEntry(desk, historyEntryOf(verdict));
}

/** The server's verdict as the desk's own: the verdict view, the benefit rule, the history. */
async function showServerVerdict(
  pending: PendingRequest,
  result: VerificationResult,
): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  const now = new Date();
  const presentations = [{ queryId: pending.queryId, result, nonceState: 'pending' as const }];
  const benefit = runRuleForVerdict({
    request: pending,
    verification: { valid: result.valid, presentations },
    declared: undefined,
    now,
  });
  const verdict: VerifiedResponse = {
    id: pending.id,
    at: now.toISOString(),
    valid: result.valid,
    presentations,
    request: pending,
    ...(benefit ? { benefit } : {}),
    spentNonces: [],
  };
  await keepInHistory(desk, verdict);
  useVerifierStore.setState({
    verdict,
    verdictFromServer: true,
    onlineProblem: null,
    history: await listHistory(desk),
  });
}
