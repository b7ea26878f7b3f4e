/**
 * `vouch verify`: the verifier's pipeline (docs/verification.md) on a presentation file, with the
 * verdict as JSON on stdout: {"valid","checks":[{"name","ok","code","message"}],"issuer","vct",
 * "claims","issuerName"?,"status"?,"format"?,"note"?}. Exit 0 when valid, 1 when not, 2 on a
 * usage error. Whatever the presentation file holds, the answer is a verdict, never a stack trace.
 *
 * Two formats (docs/w3c-vc.md): an SD-JWT VC with its key binding JWT, or a W3C VP-JWT around a
 * VC-JWT; a bare VC-JWT (no presentation) is verified too, without holder binding, and the
 * verdict says so in "note".
 */
import { stat } from 'node:fs/promises';
import { bytesToUtf8 } from '../../core/encoding/utf8.ts';
import { parsePublicJwk } from '../../core/jose/index.ts';
import type { PublicJwk } from '../../core/jose/index.ts';
import { verifyTrustList } from '../../core/trust/index.ts';
import type { TrustList } from '../../core/trust/index.ts';
import { readBoundedFile } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import type { HttpFetch } from '../../core/oid4vci/http.ts';
import { isVcJwt } from '../../core/w3c/shape.ts';
import { readJsonFile, readTextFile } from '../shared/inputs.ts';
import { BARE_CREDENTIAL_NOTE, verdictJson as verdict } from '../shared/verdict.ts';
import { jwsCrypto, parseIsoDate } from '../shared/runtime.ts';

/** Larger files are refused unread (a presentation is a few KiB; the parser stops at 64 KiB). */
const MAX_PRESENTATION_FILE_BYTES = 1024 * 1024;

function seconds(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) {
    throw new UsageError(`${flag}: expected a number of seconds, got ${JSON.stringify(text)}`, [
      'verify',
    ]);
  }
  return Number(text);
}

/** did:web documents over HTTPS (only with --did-web): no redirects, the platform's fetch. */
const didWebFetch: HttpFetch = (url, init) => fetch(url, { ...init, redirect: 'error' });

/** The presentation text, or why the file cannot hold one (reported as a bad-encoding verdict). */
async function readPresentation(path: string): Promise<{ text: string } | { problem: string }> {
  const bytes = await readBoundedFile(path, MAX_PRESENTATION_FILE_BYTES);
  if (!bytes.ok) {
    if (bytes.reason === 'too-large') {
      return { problem: `This is not a credential presentation: ${bytes.detail.message}` };
    }
    throw new CommandFailure(`--presentation: ${bytes.detail.message}`);
  }
  const text = bytesToUtf8(bytes.value);
  return text.ok
    ? { text: text.value }
    : { problem: 'This is not a credential presentation: the file is not text (not UTF-8)' };
}

async function readIssuerJwk(path: string): Promise<PublicJwk> {
  const json = await readJsonFile(path, '--issuer-jwk');
  // An issuer key file ({did, alg, publicJwk, privateJwk}) is fine too: only its public key is used.
  const candidate =
    typeof json === 'object' && json !== null && 'publicJwk' in json
      ? (json as { publicJwk: unknown }).publicJwk
      : json;
  const parsed = parsePublicJwk(candidate);
  if (!parsed.ok) throw new CommandFailure(`--issuer-jwk: ${path}: ${parsed.detail.message}`);
  return parsed.value;
}

async function readTrustList(path: string, now: Date): Promise<TrustList> {
  const jwt = await readTextFile(path, '--trust');
  const verified = await verifyTrustList(jwt, { crypto: jwsCrypto(), now });
  if (!verified.ok) {
    throw new CommandFailure(
      `--trust: ${path} is not a usable trust list (${verified.reason}): ${verified.detail.message}`,
    );
  }
  return verified.value;
}

export const verify: CommandSpec = {
  path: ['verify'],
  summary: 'Verify a presentation: every check, the verdict and the disclosed claims as JSON.',
  description: [
    'Runs the verifier pipeline of docs/verification.md and prints {"valid","checks","issuer","vct",',
    '"claims"} (then "issuerName", "status", "format" and "note" when known) as JSON. Exit 0 when',
    'valid, 1 when not.',
    'The issuer must be trusted: pin its key with --issuer-jwk, or give a signed trust list with',
    '--trust; with neither, the verdict is untrusted-issuer. With --status-list the status is',
    'checked and a missing, bad or stale list fails; without it a credential with a status entry',
    'passes with a "warning" (status not checked), unless --require-status makes that a failure.',
    'W3C: a VP-JWT is verified like an SD-JWT presentation (same checks and codes, "format":',
    '"jwt_vc_json"; --status-list is then the BitstringStatusListCredential). A bare VC-JWT needs',
    'no --aud or --nonce: its holder binding is not checked, and "note" in the verdict says so.',
    'did:web issuers and holders are resolved over HTTPS only with --did-web.',
  ].join('\n'),
  flags: [
    {
      name: 'presentation',
      kind: 'string',
      valueName: 'file',
      required: true,
      description:
        'The presentation (SD-JWT ~ disclosures ~ KB-JWT, or a VP-JWT), or a bare VC-JWT.',
    },
    {
      name: 'aud',
      kind: 'string',
      valueName: 'id',
      description: 'This verifier: the KB-JWT or VP-JWT aud (required, except for a bare VC-JWT).',
    },
    {
      name: 'nonce',
      kind: 'string',
      valueName: 'nonce',
      description: "This request's nonce (required, except for a bare VC-JWT).",
    },
    {
      name: 'issuer-jwk',
      kind: 'string',
      valueName: 'file',
      description: "Pin the issuer's public JWK (or its key file): trusted for this call.",
    },
    {
      name: 'trust',
      kind: 'string',
      valueName: 'trust list file',
      description: 'A signed trust list (vouch-trust-list+jwt).',
    },
    {
      name: 'status-list',
      kind: 'string',
      valueName: 'file',
      description:
        "The issuer's status list (statuslist+jwt; for a VC-JWT its BitstringStatusListCredential).",
    },
    {
      name: 'require-status',
      kind: 'boolean',
      description: 'Fail (status-unavailable) when the status cannot be checked.',
    },
    {
      name: 'status-max-age',
      kind: 'string',
      valueName: 'seconds',
      description: 'Oldest status list accepted.',
      defaultText: "the list's ttl, else 86400",
    },
    {
      name: 'max-age',
      kind: 'string',
      valueName: 'seconds',
      description: 'Oldest key binding (answer) accepted.',
      defaultText: '300',
    },
    {
      name: 'now',
      kind: 'string',
      valueName: 'ISO date-time',
      description: 'The clock.',
      defaultText: 'now',
    },
    {
      name: 'did-web',
      kind: 'boolean',
      description: 'Resolve did:web issuers and holders of W3C VCs over HTTPS (else never).',
    },
  ],
  examples: [
    'vouch verify --presentation answer.txt --aud did:key:zDn… --nonce 3q2-7wE… --trust trust.jwt --status-list status.jwt',
    'vouch verify --presentation answer.txt --aud did:key:zDn… --nonce 3q2-7wE… --issuer-jwk issuer.public.jwk',
    'vouch verify --presentation diploma.jwt --trust trust.jwt --status-list status.w3c.jwt',
  ],
  async run({ flags, io }) {
    const usage = (message: string) => new UsageError(message, ['verify']);
    const nowText = flags.string('now');
    const now = nowText === undefined ? new Date() : parseIsoDate(nowText);
    if (now === undefined) {
      throw usage(
        `--now: expected an ISO date-time such as 2026-03-02T09:30:00Z, got ${JSON.stringify(nowText)}`,
      );
    }
    const audience = flags.string('aud');
    const nonce = flags.string('nonce');
    if (audience === '') throw usage('--aud: the verifier id is empty');
    if (nonce === '') throw usage('--nonce: the nonce is empty');
    const maxAgeSeconds = seconds(flags.string('max-age'), '--max-age');
    const statusMaxAge = seconds(flags.string('status-max-age'), '--status-max-age');

    // Only a bare VC-JWT is verified without --aud and --nonce: read the file first to tell.
    const presentationPath = flags.string('presentation') as string;
    const early = audience === undefined || nonce === undefined;
    const presentation = await readPresentation(presentationPath).catch((error: unknown) => {
      if (early && error instanceof CommandFailure) return { problem: error.message };
      throw error;
    });
    // A cheap shape test (src/core/w3c/shape.ts): did-jwt-vc is loaded only for a W3C credential.
    const bare = 'text' in presentation && isVcJwt(presentation.text.trim());
    if (!bare && audience === undefined) throw usage('missing required flag --aud <id>');
    if (!bare && nonce === undefined) throw usage('missing required flag --nonce <nonce>');
    const issuerJwkPath = flags.string('issuer-jwk');
    const issuerKey = issuerJwkPath === undefined ? undefined : await readIssuerJwk(issuerJwkPath);
    const trustPath = flags.string('trust');
    const trustLists = trustPath === undefined ? [] : [await readTrustList(trustPath, now)];
    const statusPath = flags.string('status-list');
    let statusJwt: { jwt: string; fetchedAt: Date } | undefined;
    if (statusPath !== undefined) {
      const jwt = (await readTextFile(statusPath, '--status-list')).trim();
      statusJwt = { jwt, fetchedAt: (await stat(statusPath)).mtime };
    }
    const strict = statusPath !== undefined || flags.boolean('require-status');

    if ('problem' in presentation) {
      io.stdout(
        verdict({
          valid: false,
          checks: [
            { name: 'encoding', ok: false, code: 'bad-encoding', message: presentation.problem },
          ],
          claims: {},
        }),
      );
      return EXIT_FAILURE;
    }
    const statusPolicy = {
      whenUnavailable: strict ? ('reject' as const) : ('warn' as const),
      ...(statusMaxAge === undefined ? {} : { maxAgeSeconds: statusMaxAge }),
    };
    const text = presentation.text.trim();
    // Through the Vouch agent (src/agent), as the issue asks: one path for integrators and the
    // CLI. Loaded here only, so `vouch --help` and the other commands never load Veramo.
    const { createVouchAgent } = await import('../../agent/index.ts');
    const agent = await createVouchAgent({
      crypto: jwsCrypto(),
      now: () => now,
      // The one file given serves whichever list the credential names (IETF or its .w3c twin).
      statusList: () => statusJwt,
      ...(flags.boolean('did-web') ? { didWebFetch } : {}),
    });
    const shared = {
      trustLists: [...trustLists],
      now,
      statusPolicy,
      ...(issuerKey === undefined ? {} : { issuerKey }),
    };
    if (bare) {
      const result = await agent.verifyVouchCredential({ credential: text, ...shared });
      io.stdout(verdict(result, BARE_CREDENTIAL_NOTE));
      return result.valid ? EXIT_OK : EXIT_FAILURE;
    }
    // Either format: an SD-JWT VC + KB-JWT, or a VP-JWT (core loads src/core/w3c for it).
    const result = await agent.verifyVouchPresentation({
      presentation: presentation.text,
      audience: audience as string,
      nonce: nonce as string,
      ...shared,
      ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }),
    });
    io.stdout(verdict(result));
    return result.valid ? EXIT_OK : EXIT_FAILURE;
  },
};
