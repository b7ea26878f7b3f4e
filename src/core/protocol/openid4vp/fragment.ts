/**
 * Response mode `fragment` (OpenID4VP 1.0 §5.6, OAuth 2.0 Multiple Response Type Encoding
 * Practices): the wallet redirects to `redirect_uri` with the response parameters form-encoded in
 * the fragment — `https://verifier.example/cb#vp_token=%7B…%7D&state=…&vouch=%7B…%7D` — the same
 * parameters as a direct_post body (direct-post.ts), so any conformant verifier reads them.
 */
import { failedWith, ok } from '../../result.ts';
import type { Result } from '../../result.ts';
import type { PresentationRequest } from '../request.ts';
import type { PresentationResponse } from '../response.ts';
import { encodeDirectPostBody, readDirectPostBody } from './direct-post.ts';
import type { DirectPostBody } from './direct-post.ts';
import { isSafeHttpUrl } from './url.ts';

/**
 * The URL to send the citizen to for a `fragment` request: `redirect_uri#<response parameters>`
 * (any fragment the redirect_uri had is replaced). Throws for another mode or an unsafe address
 * (a bug: the request parser accepts only https, or http to localhost).
 */
export function fragmentResponseUrl(
  request: Pick<PresentationRequest, 'responseMode' | 'redirectUri'>,
  response: PresentationResponse,
): string {
  const { responseMode, redirectUri } = request;
  if (responseMode !== 'fragment' || redirectUri === undefined || !isSafeHttpUrl(redirectUri)) {
    throw new TypeError('fragmentResponseUrl: the request is not a fragment request to a safe URL');
  }
  const hash = redirectUri.indexOf('#');
  const base = hash === -1 ? redirectUri : redirectUri.slice(0, hash);
  return `${base}#${encodeDirectPostBody(response)}`;
}

/**
 * Reads the fragment a verifier page was opened with (`location.hash`, with or without "#"):
 * a response, or an error response; total, with the caps and checks of readDirectPostBody. An
 * encrypted `response=` is returned as such (fragment.jwt is not a mode Vouch asks for).
 */
export function readFragmentResponse(
  hash: string,
): Result<DirectPostBody, 'malformed', { message: string }> {
  if (typeof hash !== 'string') return failedWith('malformed', { message: 'expected text' });
  const read = readDirectPostBody(hash.startsWith('#') ? hash.slice(1) : hash);
  return read.ok ? ok(read.value) : read;
}
