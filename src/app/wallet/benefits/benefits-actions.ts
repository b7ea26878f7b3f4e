/**
 * The Benefits use cases: evaluate every rule on the device, keep the questionnaire's answers,
 * and the "what changed" cards on home. Results stay in the Benefits screen's own state; only the
 * pending changes (cleared on lock) go into the wallet store.
 */
import {
  acknowledgeBenefitChanges,
  evaluateBenefits,
  findBenefitChanges,
  readDeclaredFactsRecord,
  saveDeclaredFacts,
  type BenefitsEvaluation,
  type CredentialSummary,
  type DeclaredFactIssue,
  type DeclaredFactsRecord,
  type MonthlyFacts,
} from '../../../core/holder/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { getSession } from '../session.ts';
import { useWalletStore } from '../wallet-store.ts';

export interface BenefitsView {
  readonly evaluation: BenefitsEvaluation;
  readonly declared: DeclaredFactsRecord;
}

export type LoadOutcome = { ok: true; value: BenefitsView } | { ok: false; message: MessageKey };

export async function loadBenefits(): Promise<LoadOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected' };
  try {
    const [evaluation, declared] = await Promise.all([
      evaluateBenefits(wallet, { now: new Date() }),
      readDeclaredFactsRecord(wallet),
    ]);
    return { ok: true, value: { evaluation, declared } };
  } catch {
    return { ok: false, message: 'benefits.failed' };
  }
}

export type SaveOutcome =
  { ok: true; value: BenefitsView } | { ok: false; message: MessageKey; issue?: DeclaredFactIssue };

/**
 * Save the answers (and the per-month ones, when given) and evaluate again. The citizen is looking at the new results on the Benefits
 * screen, so the changes the answers made are acknowledged: they do not come back as cards on home.
 */
export async function saveAnswers(
  answers: Record<string, unknown>,
  monthly?: MonthlyFacts,
): Promise<SaveOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected' };
  try {
    const saved = await saveDeclaredFacts(wallet, answers, {
      now: new Date(),
      ...(monthly === undefined ? {} : { monthly }),
    });
    if (!saved.ok) return { ok: false, message: 'benefits.facts.invalid', issue: saved.detail };
    const { evaluation, changes } = await findBenefitChanges(wallet, { now: new Date() });
    await acknowledgeBenefitChanges(wallet, changes);
    useWalletStore.setState({ benefitChanges: [] });
    return { ok: true, value: { evaluation, declared: saved.value } };
  } catch {
    return { ok: false, message: 'benefits.failed' };
  }
}

/**
 * Evaluate and put what changed since the last acknowledged results on home. Runs after unlock
 * and whenever the credentials change (received, deleted, status checked), over the credentials
 * the caller just listed (so they are not listed twice). Never throws: a failed evaluation leaves
 * the cards as they were.
 */
export async function refreshBenefitChanges(
  credentials?: readonly CredentialSummary[],
): Promise<void> {
  const wallet = getSession();
  if (!wallet) return;
  try {
    const { changes } = await findBenefitChanges(wallet, {
      now: new Date(),
      ...(credentials === undefined ? {} : { credentials }),
    });
    if (getSession() === wallet) useWalletStore.setState({ benefitChanges: changes });
  } catch {
    // The Benefits screen reports its own failure when opened; home simply shows no card.
  }
}

/** The citizen dismissed a card: take that result into the snapshot so it is no longer news. */
export async function dismissBenefitChange(key: string): Promise<void> {
  const wallet = getSession();
  const change = useWalletStore.getState().benefitChanges.find((c) => c.key === key);
  if (!wallet || !change) return;
  useWalletStore.setState((s) => ({
    benefitChanges: s.benefitChanges.filter((c) => c.key !== key),
  }));
  await acknowledgeBenefitChanges(wallet, [change]);
}
