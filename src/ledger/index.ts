/**
 * The evidence ledger (issue 14; Node only): receipts on Hypercore, one core per organisation,
 * replicated between organisations. docs/evidence.md.
 */
export { checkAnchorAtUrl, checkAnchorInDir } from './anchor-check.ts';
export { makeInclusionProof, verifyInclusionProof } from './inclusion-proof.ts';
export type { InclusionProblem } from './inclusion-proof.ts';
export { KnownOrganisations, parseKnownOrganisations } from './known-orgs.ts';
export type { KnownOrganisation } from './known-orgs.ts';
export { ledgerHttpServer, MAX_ENTRY_BODY } from './ledger-http.ts';
export { HEADS_PROTOCOL, LEDGER_STATE_FILE, LedgerNode } from './ledger-node.ts';
export type { Appended, AppendProblem, LedgerEvent, LedgerNodeOptions } from './ledger-node.ts';
export { signedHeadOf, verifySignedHead } from './signed-head.ts';
export type { SignedHead } from './signed-head.ts';
export { parsePeer, startLedger } from './start-ledger.ts';
export type { LedgerPeer, RunningLedger, StartLedgerOptions } from './start-ledger.ts';
export { verifyOnlyCrypto } from './crypto.ts';
export { verifyEvidence } from './verify-evidence.ts';
export type { VerifyEvidenceOptions } from './verify-evidence.ts';
