/**
 * The wallet's protocol handler: browsers let a page register only `web+<lower-case letters>`
 * schemes (HTML §8.9.1.3), so `openid4vp:` and `openid-credential-offer:` cannot be claimed by a
 * web app. `web+vouch:` carries either whole: `web+vouch:openid4vp%3A%2F%2F%3Fclient_id%3D…`.
 * The browser opens `/#link=%s` with the escaped URL in place of %s; pending-link.ts takes it from
 * there (a fragment, so it never reaches a server's logs). The manifest declares the same handler
 * (`protocol_handlers`) for an installed wallet. See docs/wallet-online.md.
 */
import { HANDLER_FRAGMENT } from './pending-link.ts';
import { WALLET_PROTOCOL } from './incoming-link.ts';

/** The handler URL template, relative to the wallet's origin. */
export const HANDLER_URL_TEMPLATE = `/${HANDLER_FRAGMENT}%s`;

export type RegisterOutcome = 'asked' | 'unsupported';

interface ProtocolHandlerHost {
  registerProtocolHandler?: (scheme: string, url: string) => void;
}

/** Ask the browser to open `web+vouch:` links here (call from the citizen's button). */
export function registerWalletProtocol(
  host: ProtocolHandlerHost | undefined = globalThis.navigator as ProtocolHandlerHost | undefined,
  origin: string = globalThis.location?.origin ?? '',
): RegisterOutcome {
  if (!host || typeof host.registerProtocolHandler !== 'function') return 'unsupported';
  try {
    host.registerProtocolHandler(WALLET_PROTOCOL, `${origin}${HANDLER_URL_TEMPLATE}`);
    return 'asked';
  } catch {
    return 'unsupported';
  }
}

/** A `web+vouch:` link for an online offer or request (for a page that links to the wallet). */
export function walletLinkFor(uri: string): string {
  return `${WALLET_PROTOCOL}:${encodeURIComponent(uri)}`;
}
