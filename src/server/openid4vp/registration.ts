/**
 * The server's registration certificate (docs/ux.md "Registration certificate", docs/server.md
 * "Registration certificate"): `vouch serve --registration <file>` reads one `rc-rp+jwt` at start,
 * checks it (signature, fields, valid now, and `sub` = the client_id of this server's requests),
 * and every request object the server signs then carries it in `verifier_info` (OpenID4VP 1.0
 * §5.1) while it is valid; once expired it is no longer sent (the server keeps answering).
 * Whether a wallet trusts the certificate's authority is the wallet's business.
 */
import type { JwsCrypto } from '../../core/jose/index.ts';
import type { VerifierInfoEntry } from '../../core/protocol/request.ts';
import { failedWith, ok } from '../../core/result.ts';
import type { Result } from '../../core/result.ts';
import { readRegistrationCertificate } from '../../core/trust/index.ts';
import type { RegistrationCertificate, RegistrationProblem } from '../../core/trust/index.ts';
import type { SigningKey } from '../context.ts';
import { readSetupFile, ServerSetupError } from '../data-dir.ts';
import { clientIdOf } from './admin.ts';

/** A certificate this server signs into its requests. */
export interface ServerRegistration {
  /** The certificate as given (compact JWS). */
  readonly jwt: string;
  readonly certificate: RegistrationCertificate;
}

export type ServerRegistrationProblem = RegistrationProblem | 'other-verifier';

/**
 * Checks a certificate for this server's verifier key: it must verify, be valid at `now` and
 * register this server's client_id (`decentralized_identifier:<verifier DID>`).
 */
export async function checkServerRegistration(
  jwt: string,
  opts: { verifier: SigningKey; crypto: JwsCrypto; now: Date },
): Promise<Result<ServerRegistration, ServerRegistrationProblem, { message: string }>> {
  const text = jwt.trim();
  const read = await readRegistrationCertificate(text, { crypto: opts.crypto, now: opts.now });
  if (!read.ok) return read;
  if (read.value.verifier !== opts.verifier.did) {
    return failedWith('other-verifier', {
      message:
        `the certificate registers decentralized_identifier:${read.value.verifier}, but this ` +
        `server's requests have client_id ${clientIdOf(opts.verifier)} (the --verifier key)`,
    });
  }
  return ok({ jwt: text, certificate: read.value });
}

const ADVICE: Partial<Record<ServerRegistrationProblem, string>> = {
  expired: '; ask the registration authority for a new one',
  'not-yet-valid': '; check this machine’s clock',
  'other-verifier': '; ask for a certificate for this server’s verifier DID',
};

/** `--registration <file>` at start: the checked certificate, or a ServerSetupError (exit 1). */
export async function loadRegistrationFile(
  path: string,
  opts: { verifier: SigningKey; crypto: JwsCrypto; now: Date },
): Promise<ServerRegistration> {
  const text = await readSetupFile(path, '--registration');
  if (text === undefined) throw new ServerSetupError(`--registration: ${path} does not exist`);
  const checked = await checkServerRegistration(text, opts);
  if (!checked.ok) {
    throw new ServerSetupError(
      `--registration: ${path} is refused: ${checked.detail.message}${ADVICE[checked.reason] ?? ''}`,
    );
  }
  return checked.value;
}

/** The `verifier_info` of a request signed at `now`: the certificate while it is valid. */
export function verifierInfoAt(
  registration: ServerRegistration | undefined,
  now: Date,
): VerifierInfoEntry[] | undefined {
  if (registration === undefined) return undefined;
  const seconds = now.getTime() / 1000;
  const { iat, exp } = registration.certificate;
  // The wallet's window (core/trust/verifier-registration.ts): iat - 60 s ≤ now < exp.
  if (seconds >= exp || seconds < iat - 60) return undefined;
  return [{ format: 'jwt', data: registration.jwt }];
}
