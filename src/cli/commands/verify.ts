/**
 * `vouch verify`: the verifier's pipeline (docs/verification.md) on a presentation file, with the
 * verdict as JSON on stdout: {"valid","checks":[{"name","ok","code","message"}],"issuer","vct",
 * "claims","issuerName"?,"status"?}. Exit 0 when valid, 1 when not, 2 on a usage error.
 * Whatever the presentation file holds, the answer is a verdict, never a stack trace.
 */
import { stat } from 'node:fs/promises';
import { bytesToUtf8 } from '../../core/encoding/utf8.ts';
import { parsePublicJwk } from '../../core/jose/index.ts';
import type { PublicJwk } from '../../core/jose/index.ts';
import { verifyTrustList } from '../../core/trust/index.ts';
import type { TrustList } from '../../core/trust/index.ts';
import { verifyPresentation } from '../../core/verification/index.ts';
import type { VerificationResult } from '../../core/verification/index.ts';
import { readBoundedFile } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { readJsonFile, readTextFile } from '../shared/inputs.ts';
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

function verdict(result: VerificationResult): string {
  const { valid, checks, issuer, vct, claims, issuerName, status } = result;
  const ordered = {
    valid,
    checks: checks.map(({ name, ok, code, message }) => ({ name, ok, code, message })),
    issuer: issuer ?? null,
    vct: vct ?? null,
    claims,
    ...(issuerName === undefined ? {} : { issuerName }),
    ...(status === undefined ? {} : { status }),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

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
    '"claims"} (then "issuerName" and "status" when known) as JSON. Exit 0 when valid, 1 when not.',
    'The issuer must be trusted: pin its key with --issuer-jwk, or give a signed trust list with',
    '--trust; with neither, the verdict is untrusted-issuer. With --status-list the status is',
    'checked and a missing, bad or stale list fails; without it a credential with a status entry',
    'passes with a "warning" (status not checked), unless --require-status makes that a failure.',
  ].join('\n'),
  flags: [
    {
      name: 'presentation',
      kind: 'string',
      valueName: 'file',
      required: true,
      description: 'The presentation (issuer JWT ~ disclosures ~ KB-JWT).',
    },
    {
      name: 'aud',
      kind: 'string',
      valueName: 'id',
      required: true,
      description: 'This verifier: the KB-JWT aud.',
    },
    {
      name: 'nonce',
      kind: 'string',
      valueName: 'nonce',
      required: true,
      description: "This request's nonce.",
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
      valueName: 'statuslist+jwt file',
      description: "The issuer's status list.",
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
  ],
  examples: [
    'vouch verify --presentation answer.txt --aud did:key:zDn… --nonce 3q2-7wE… --trust trust.jwt --status-list status.jwt',
    'vouch verify --presentation answer.txt --aud did:key:zDn… --nonce 3q2-7wE… --issuer-jwk issuer.public.jwk',
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
    const audience = flags.string('aud') as string;
    const nonce = flags.string('nonce') as string;
    if (audience === '') throw usage('--aud: the verifier id is empty');
    if (nonce === '') throw usage('--nonce: the nonce is empty');
    const maxAgeSeconds = seconds(flags.string('max-age'), '--max-age');
    const statusMaxAge = seconds(flags.string('status-max-age'), '--status-max-age');

    const presentation = await readPresentation(flags.string('presentation') as string);
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
    const result = await verifyPresentation(presentation.text, {
      crypto: jwsCrypto(),
      now,
      audience,
      nonce,
      ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }),
      ...(issuerKey === undefined ? {} : { issuerKey }),
      trustLists,
      statusList: () => statusJwt,
      statusPolicy: {
        whenUnavailable: strict ? 'reject' : 'warn',
        ...(statusMaxAge === undefined ? {} : { maxAgeSeconds: statusMaxAge }),
      },
    });
    io.stdout(verdict(result));
    return result.valid ? EXIT_OK : EXIT_FAILURE;
  },
};
