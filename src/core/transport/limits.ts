/** Size caps of transport format v1: inputs beyond them are refused as 'too-large'. */

/** Largest payload (after inflating) any frame or text may carry. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;
/** Largest single frame (= the message a fountain reassembles). Deflate never grows data much. */
export const MAX_MESSAGE_BYTES = MAX_PAYLOAD_BYTES + 1024;
/** Most fragments an animated code may be cut into. */
export const MAX_SEQ_LEN = 1024;
/** Longest text `decodeFromText` reads (base64url of MAX_MESSAGE_BYTES plus a prefix or link). */
export const MAX_TEXT_CHARS = Math.ceil((MAX_MESSAGE_BYTES * 4) / 3) + 4096;

/** Byte-mode capacities at error-correction level M (ISO/IEC 18004:2015 Table 7). */
export const QR_BYTES_V12_M = 287;
export const QR_BYTES_V22_M = 779;
/** One static code: version 22 at level M (the SMART Health Cards ceiling for phone scanning). */
export const DEFAULT_MAX_FRAME_BYTES = QR_BYTES_V22_M;
/** Each frame of an animated code: version 12 at level M. */
export const DEFAULT_ANIMATED_FRAME_BYTES = QR_BYTES_V12_M;
