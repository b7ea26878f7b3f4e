/**
 * Why a transport input was refused. Stable codes; the UI turns them into words.
 * - not-vouch: not one of our codes (another QR, random text)
 * - unsupported-version: ours, but a format version this build does not read
 * - corrupt: ours and the right version, but damaged (checksum, truncation, bad deflate, bad part)
 * - too-large: over a size cap (text, frame, message or inflated payload)
 * - wrong-kind: a kind the caller did not ask for (or one this version does not know)
 */
export type TransportProblem =
  'not-vouch' | 'unsupported-version' | 'corrupt' | 'too-large' | 'wrong-kind';

export type TransportFailureDetail = { message: string };
