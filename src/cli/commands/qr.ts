/** `vouch qr encode`: a file's VOUCH text (or any text) → a QR PNG (docs/cli.md, docs/transport.md). */
import { writeFile } from 'node:fs/promises';
import { decodeFromText, encodeForQr, QR_BYTES_V22_M } from '../../core/transport/index.ts';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import { renderQrPng } from '../../platform/node/qr-png.ts';
import { CommandFailure, EXIT_OK } from '../command.ts';
import type { CommandGroup, CommandSpec } from '../command.ts';
import { readTextFile } from '../shared/inputs.ts';

export const qrGroup: CommandGroup = { path: ['qr'], summary: 'QR codes for Vouch payloads.' };

export const qrEncode: CommandSpec = {
  path: ['qr', 'encode'],
  summary: 'Write a one-frame QR PNG for a .vouch file (or any text file).',
  description: [
    'For VOUCH text the QR holds the binary frame (byte mode, level M); other text is encoded as is.',
    `When the payload does not fit one frame of ${QR_BYTES_V22_M} bytes (QR version 22, level M),`,
    'it exits 1 saying how many animated frames it would take.',
  ].join('\n'),
  flags: [
    { name: 'in', kind: 'string', valueName: 'file', required: true, description: 'Input file.' },
    { name: 'out', kind: 'string', valueName: 'png', required: true, description: 'Output PNG.' },
  ],
  examples: ['vouch qr encode --in alice.vouch --out alice.png'],
  async run({ flags, io }) {
    const text = (await readTextFile(flags.string('in') as string, '--in', 1024 * 1024)).trim();
    let frame: Uint8Array;
    if (text.startsWith('VOUCH')) {
      const decoded = decodeFromText(text);
      if (!decoded.ok)
        throw new CommandFailure(
          `--in: not readable Vouch text (${decoded.reason}): ${decoded.detail.message}`,
        );
      const qr = encodeForQr(decoded.value.kind, decoded.value.payload);
      if (qr.animated) {
        throw new CommandFailure(
          `the payload needs ${qr.frames.length} animated frames (version 12, level M); it does not fit one QR of ${QR_BYTES_V22_M} bytes`,
        );
      }
      frame = qr.frames[0] as Uint8Array;
    } else {
      frame = utf8ToBytes(text);
      if (frame.length > QR_BYTES_V22_M)
        throw new CommandFailure(
          `the text is ${frame.length} bytes; one QR holds at most ${QR_BYTES_V22_M}`,
        );
    }
    const { png, version } = renderQrPng(frame);
    await writeFile(flags.string('out') as string, png);
    io.stdout(`${JSON.stringify({ out: flags.string('out'), bytes: frame.length, version })}\n`);
    return EXIT_OK;
  },
};
