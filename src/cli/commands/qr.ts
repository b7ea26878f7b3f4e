/**
 * `vouch qr encode` and `vouch qr decode` (docs/cli.md): a file's text ⇄ one QR PNG, exactly.
 *
 * "Exactly": `qr decode` prints, byte for byte, what `qr encode --in` read from the file.
 * - A file that is VOUCH text in its canonical form — `VOUCH1:<base64url>` and one "\n", as Vouch
 *   writes .vouch files — goes into the QR as its binary frame (byte mode, what wallets and desks
 *   scan; a quarter smaller than the text). Decoding turns the frame back into that same line.
 * - A bare presentation (what `vouch present` prints: an SD-JWT VC with key binding, or a VP-JWT)
 *   goes in as the response a wallet sends, packed into one frame: the verifier desk scans it like
 *   a wallet's answer. Decoding gives back the presentation and one newline, as `present` wrote it.
 * - Any other UTF-8 text (an issuance SD-JWT, a JSON file, VOUCH text without its newline…) goes
 *   into the QR as its bytes, unchanged, and comes back unchanged.
 */
import { writeFile } from 'node:fs/promises';
import { decodeBase64Url, encodeBase64Url } from '../../core/encoding/base64url.ts';
import { bytesToUtf8 } from '../../core/encoding/utf8.ts';
import {
  decodeFromText,
  encodeForQr,
  FORMAT_VERSION,
  parseFrame,
  presentationOfResponse,
  QR_BYTES_V22_M,
  responseForPresentation,
  TEXT_PREFIX,
} from '../../core/transport/index.ts';
import { readBoundedFile } from '../../platform/node/files.ts';
import { renderQrPng } from '../../platform/node/qr-png.ts';
import { decodeQrPng } from '../../platform/node/qr-png-decode.ts';
import { CommandFailure, EXIT_OK } from '../command.ts';
import type { CommandSpec } from '../command.ts';

const MAX_TEXT_FILE_BYTES = 1024 * 1024;
const MAX_PNG_FILE_BYTES = 32 * 1024 * 1024;
const MAGIC_V = 0x56;

async function readFileBytes(path: string, flag: string, maxBytes: number): Promise<Uint8Array> {
  const bytes = await readBoundedFile(path, maxBytes);
  if (!bytes.ok) throw new CommandFailure(`${flag}: ${bytes.detail.message}`);
  return bytes.value;
}

/** The frame of a canonical VOUCH text file (`VOUCH1:<base64url>\n`), else undefined. */
function canonicalVouchFrame(text: string): Uint8Array | undefined {
  if (!text.startsWith(TEXT_PREFIX) || !text.endsWith('\n')) return undefined;
  const body = text.slice(0, -1);
  const frame = decodeBase64Url(body.slice(TEXT_PREFIX.length));
  if (!frame.ok || `${TEXT_PREFIX}${encodeBase64Url(frame.value)}` !== body) return undefined;
  return frame.value;
}

export const qrEncode: CommandSpec = {
  path: ['qr', 'encode'],
  summary: 'Write a one-frame QR PNG for a .vouch file, a presentation (or any text file).',
  description: [
    'A .vouch file (one line "VOUCH1:…" and a newline) goes into the QR as its binary frame',
    "(byte mode, level M); a presentation from `vouch present` goes in as a wallet's answer (one",
    'packed frame the verifier desk scans); any other UTF-8 text goes in unchanged. `vouch qr',
    'decode` gives back the file (a presentation with one newline after it). One QR holds',
    `${QR_BYTES_V22_M} bytes (version 22, level M): a Vouch`,
    'payload that needs more exits 1 saying how many animated frames it would take; plain text',
    'that needs more exits 1 too.',
  ].join('\n'),
  flags: [
    { name: 'in', kind: 'string', valueName: 'file', required: true, description: 'Input file.' },
    { name: 'out', kind: 'string', valueName: 'png', required: true, description: 'Output PNG.' },
  ],
  examples: [
    'vouch qr encode --in alice.vouch --out alice.png',
    'vouch qr encode --in presentation.txt --out answer.png',
  ],
  async run({ flags, io }) {
    const path = flags.string('in') as string;
    const bytes = await readFileBytes(path, '--in', MAX_TEXT_FILE_BYTES);
    const text = bytesToUtf8(bytes);
    if (!text.ok) throw new CommandFailure(`--in: ${path} is not UTF-8 text`);
    if (bytes.length === 0) throw new CommandFailure(`--in: ${path} is empty`);
    let frame = canonicalVouchFrame(text.value);
    let presentation: Uint8Array | undefined;
    if (frame !== undefined) {
      const decoded = decodeFromText(text.value);
      if (!decoded.ok) {
        throw new CommandFailure(
          `--in: not readable Vouch text (${decoded.reason}): ${decoded.detail.message}`,
        );
      }
      if (frame.length > QR_BYTES_V22_M) {
        const qr = encodeForQr(decoded.value.kind, decoded.value.payload);
        if (qr.animated) {
          throw new CommandFailure(
            `the payload needs ${qr.frames.length} animated frames (version 12, level M); it does not fit one QR of ${QR_BYTES_V22_M} bytes (its frame is ${frame.length} bytes)`,
          );
        }
        frame = qr.frames[0] as Uint8Array; // re-encoded smaller by this version's codec
      }
    } else if ((presentation = responseForPresentation(text.value)) !== undefined) {
      // A bare presentation (`vouch present`): as the response a wallet sends, packed (codec 2).
      const qr = encodeForQr('response', presentation);
      if (qr.animated) {
        throw new CommandFailure(
          `the presentation needs ${qr.frames.length} animated frames (version 12, level M); it does not fit one QR of ${QR_BYTES_V22_M} bytes`,
        );
      }
      frame = qr.frames[0] as Uint8Array;
    } else {
      if (text.value.startsWith('VOUCH') && decodeFromText(text.value).ok) {
        io.stderr(
          'vouch: note: VOUCH text not in its one-line form (one "\\n" at the end): encoded as plain text\n',
        );
      }
      if (bytes.length > QR_BYTES_V22_M) {
        throw new CommandFailure(
          `the text is ${bytes.length} bytes; one QR holds at most ${QR_BYTES_V22_M} (version 22, level M), and only Vouch payloads can be animated`,
        );
      }
      frame = bytes;
    }
    const { png, version } = renderQrPng(frame);
    await writeFile(flags.string('out') as string, png);
    io.stdout(`${JSON.stringify({ out: flags.string('out'), bytes: frame.length, version })}\n`);
    return EXIT_OK;
  },
};

export const qrDecode: CommandSpec = {
  path: ['qr', 'decode'],
  summary: 'Print the text a one-frame QR PNG holds, exactly as `qr encode` read it.',
  description: [
    'A Vouch frame comes out as its one-line VOUCH text ("VOUCH1:…" and a newline); any other',
    'code comes out as its bytes, unchanged (they must be UTF-8 text). One frame of an animated',
    'code, damaged Vouch frames, images without a readable code: exit 1.',
  ].join('\n'),
  flags: [
    { name: 'in', kind: 'string', valueName: 'png', required: true, description: 'Input PNG.' },
  ],
  examples: ['vouch qr decode --in alice.png > alice.vouch'],
  async run({ flags, io }) {
    const path = flags.string('in') as string;
    const png = await readFileBytes(path, '--in', MAX_PNG_FILE_BYTES);
    const scanned = decodeQrPng(png);
    if (!scanned.ok) throw new CommandFailure(`--in: ${path}: ${scanned.detail.message}`);
    const bytes = scanned.value;
    if (bytes[0] === MAGIC_V && bytes[1] === FORMAT_VERSION) {
      const frame = parseFrame(bytes);
      if (!frame.ok) {
        throw new CommandFailure(`--in: the Vouch code is not readable: ${frame.detail.message}`);
      }
      if (frame.value.type === 'part') {
        const { seqNum, seqLen } = frame.value.part;
        throw new CommandFailure(
          `--in: this is one frame (part ${seqNum} of ${seqLen}) of an animated code, not a whole payload`,
        );
      }
      const { kind, payload } = frame.value;
      const presentation = kind === 'response' ? presentationOfResponse(payload) : undefined;
      io.stdout(
        presentation === undefined
          ? `${TEXT_PREFIX}${encodeBase64Url(bytes)}\n`
          : `${presentation}\n`,
      );
      return EXIT_OK;
    }
    const text = bytesToUtf8(bytes);
    if (!text.ok) throw new CommandFailure('--in: the code holds binary data that is not Vouch');
    io.stdout(text.value);
    return EXIT_OK;
  },
};
