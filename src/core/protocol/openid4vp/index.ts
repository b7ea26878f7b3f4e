export {
  MAX_AUTHORIZATION_REQUEST_URI_LENGTH,
  MAX_REQUEST_PARAMETERS,
  parseAuthorizationRequestUri,
  REQUEST_OBJECT_MEDIA_TYPE,
  resolvePresentationRequest,
  VOUCH_WALLET_METADATA,
} from './authorization-request.ts';
export type {
  AuthorizationRequestUri,
  ResolveOptions,
  ResolveProblem,
} from './authorization-request.ts';
export {
  decryptPresentationResponse,
  encodeDirectPostBody,
  encodeResponseBody,
  encryptPresentationResponse,
  FORM_MEDIA_TYPE,
  generateResponseEncryptionKey,
  MAX_DIRECT_POST_BODY_LENGTH,
  readDirectPostBody,
  submitErrorResponse,
  submitPresentationResponse,
} from './direct-post.ts';
export type { DirectPostBody, ResponseDecryptionKey, SubmitProblem } from './direct-post.ts';
export { readCappedText } from './http.ts';
export type { FetchLike, HttpRequestInit, HttpResponseLike } from './http.ts';
export { formDecode, formEncode, isSafeHttpUrl, parseUrl, queryOf } from './url.ts';
export type { ParsedUrl } from './url.ts';
export { fragmentResponseUrl, readFragmentResponse } from './fragment.ts';
