/**
 * Every `vouch` command, by its words and summary; its module is imported only when the command
 * runs or its help is shown, so `vouch --help` loads none of them (issue 12; commands.test.ts
 * checks that each summary here is the command's own). Add new ones here (and their group, if
 * they start a new one).
 */
import type { CommandGroup, CommandSpec, LazyCommand } from '../command.ts';

function lazy(
  path: readonly string[],
  summary: string,
  load: () => Promise<CommandSpec>,
): LazyCommand {
  return { path, summary, load };
}

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  {
    path: ['keys'],
    summary: 'Make a mnemonic and derive wallet keys from it, or a single holder key.',
  },
  { path: ['issuer'], summary: 'Create issuer keys.' },
  { path: ['status'], summary: 'Create, revoke in and publish status lists.' },
  { path: ['qr'], summary: 'QR codes for Vouch payloads.' },
  {
    path: ['registration'],
    summary: 'Registration certificates for verifiers (who asks, in verifier_info).',
  },
  { path: ['backup'], summary: 'Read wallet backup files.' },
  { path: ['ledger'], summary: 'The evidence ledger: double-signed receipts on Hypercore.' },
  { path: ['evidence'], summary: 'Receipts as evidence: check them decades later.' },
];

export const COMMANDS: readonly LazyCommand[] = [
  lazy(
    ['keys', 'new'],
    'Print a fresh 24-word BIP39 mnemonic.',
    async () => (await import('./keys.ts')).keysNew,
  ),
  lazy(
    ['keys', 'derive'],
    'Print the public key, xpub and did:key at a BIP32 path.',
    async () => (await import('./keys.ts')).keysDerive,
  ),
  lazy(
    ['keys', 'holder'],
    'Make a holder key: a private JWK file, its public JWK on stdout.',
    async () => (await import('./keys.ts')).keysHolder,
  ),
  lazy(
    ['issuer', 'new'],
    'Create an issuer key file {"did","alg","publicJwk","privateJwk"}.',
    async () => (await import('./issuer.ts')).issuerNew,
  ),
  lazy(
    ['issue'],
    'Issue an SD-JWT VC or a W3C VC-JWT (or, with --batch, income statements for a payroll CSV).',
    async () => (await import('./issue.ts')).issue,
  ),
  lazy(
    ['status', 'new'],
    'Create an empty status list file.',
    async () => (await import('./status.ts')).statusNew,
  ),
  lazy(
    ['status', 'revoke'],
    'Revoke the credential with a status index.',
    async () => (await import('./status.ts')).statusRevoke,
  ),
  lazy(
    ['status', 'publish'],
    'Print the signed statuslist+jwt to host at the list URI.',
    async () => (await import('./status.ts')).statusPublish,
  ),
  lazy(
    ['inspect'],
    'Decode an SD-JWT, VC-JWT, VP-JWT, JWS/JWT, offer or VOUCH text file as JSON.',
    async () => (await import('./inspect.ts')).inspect,
  ),
  lazy(
    ['qr', 'encode'],
    'Write a one-frame QR PNG for a .vouch file, a presentation (or any text file).',
    async () => (await import('./qr.ts')).qrEncode,
  ),
  lazy(
    ['qr', 'decode'],
    'Print the text a one-frame QR PNG holds, exactly as `qr encode` read it.',
    async () => (await import('./qr.ts')).qrDecode,
  ),
  lazy(
    ['present'],
    'Present an SD-JWT VC (chosen claims, key binding) or a VC-JWT (as a VP-JWT).',
    async () => (await import('./present.ts')).present,
  ),
  lazy(
    ['verify'],
    'Verify a presentation: every check, the verdict and the disclosed claims as JSON.',
    async () => (await import('./verify.ts')).verify,
  ),
  lazy(
    ['eligibility'],
    'Run a benefits rule on declared facts and verified credentials: the result as JSON.',
    async () => (await import('./eligibility.ts')).eligibility,
  ),
  lazy(
    ['serve'],
    "Run the organisation's server: OpenID4VCI issuer, OpenID4VP verifier, status lists.",
    async () => (await import('./serve.ts')).serve,
  ),
  lazy(
    ['offer'],
    'Create an OpenID4VCI credential offer at a vouch serve, or (--issuer) an offline offer of copies.',
    async () => (await import('./offer.ts')).offer,
  ),
  lazy(
    ['request'],
    'Create an OpenID4VP request at a vouch serve; print {"id","uri"}.',
    async () => (await import('./request.ts')).request,
  ),
  lazy(
    ['result'],
    'Print the verdict on the answer to a vouch request (or {"pending": true}).',
    async () => (await import('./result.ts')).result,
  ),
  lazy(
    ['backup', 'inspect'],
    'List what a wallet backup holds (counts, credential types and issuers) as JSON.',
    async () => (await import('./backup.ts')).backupInspect,
  ),
  lazy(
    ['registration', 'issue'],
    'Sign a registration certificate for a verifier DID (rc-rp+jwt).',
    async () => (await import('./registration.ts')).registrationIssue,
  ),
  lazy(
    ['registration', 'verify'],
    'Read a registration certificate and check its signature and dates.',
    async () => (await import('./registration.ts')).registrationVerify,
  ),
  lazy(
    ['ledger', 'serve'],
    "Run an organisation's evidence ledger node (Hypercore), replicating with its peers.",
    async () => (await import('./ledger.ts')).ledgerServe,
  ),
  lazy(
    ['ledger', 'reanchor'],
    "Re-anchor the node's own entries under a new hash, signed by the organisation's key.",
    async () => (await import('./ledger.ts')).ledgerReanchor,
  ),
  lazy(
    ['evidence', 'verify'],
    'Verify a receipt: both signatures, the document, the ledger; {valid, level, checks}.',
    async () => (await import('./evidence.ts')).evidenceVerify,
  ),
];
