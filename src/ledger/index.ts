/**
 * The evidence ledger (issue 14; Node only): receipts on Hypercore, one core per organisation,
 * replicated between organisations. docs/evidence.md.
 */
export { checkAnchorAndReanchorInDir, checkAnchorAtUrl, checkAnchorInDir } from './anchor-check.ts';
export type { ReanchorSearch } from './reanchor-check.ts';
export { makeInclusionProof, verifyInclusionProof } from './inclusion-proof.ts';
export type { InclusionProblem } from './inclusion-proof.ts';
export { KnownOrganisations, parseKnownOrganisations } from './known-orgs.ts';
export type { KnownOrganisation } from './known-orgs.ts';
export { ledgerHttpServer, MAX_ENTRY_BODY } from './ledger-http.ts';
export {
  DEFAULT_REANCHOR_BATCH,
  HEADS_PROTOCOL,
  LEDGER_STATE_FILE,
  LedgerNode,
  MAX_REANCHOR_BATCH,
} from './ledger-node.ts';
export type {
  Appended,
  AppendProblem,
  LedgerEvent,
  LedgerNodeOptions,
  ReanchorOptions,
  ReanchorResult,
} from './ledger-node.ts';
export { REPLAY_INDEX_DIR, ReplayIndex } from './replay-index.ts';
export { signedHeadOf, verifySignedHead } from './signed-head.ts';
export type { SignedHead } from './signed-head.ts';
export { parsePeer, startLedger } from './start-ledger.ts';
export type { LedgerPeer, RunningLedger, StartLedgerOptions } from './start-ledger.ts';
export { verifyOnlyCrypto } from './crypto.ts';
export { verifyEvidence, WITHDRAWABLE_ALGORITHMS } from './verify-evidence.ts';
export type { VerifyEvidenceOptions } from './verify-evidence.ts';
