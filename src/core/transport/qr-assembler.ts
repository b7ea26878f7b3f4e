/**
 * Frames (from a camera, in any order, with repeats) → payload. A single frame finishes at once;
 * fountain parts are fed to a BC-UR decoder until the message is complete.
 *
 * A `failed` answer concerns the frame just pushed (damaged, not ours, wrong kind): the assembler
 * keeps what it has, so a scanner may simply go on reading. A part from a different animated code
 * (another checksum or length) starts over with that code. After `done`, frames of the same code
 * keep answering `done`.
 */
import { createFountainDecoder } from './fountain-decoder.ts';
import type { FountainDecoder } from './fountain-decoder.ts';
import { parseFrame } from './frame.ts';
import type { PayloadKind } from './payload-kind.ts';
import type { TransportProblem } from './transport-problem.ts';

export type QrAssemblyProgress =
  | { state: 'collecting'; received: number; expected: number }
  | { state: 'done'; kind: PayloadKind; payload: Uint8Array }
  | { state: 'failed'; reason: TransportProblem; message: string };

/** Ignores duplicates, accepts any order. */
export interface QrAssembler {
  push(frame: Uint8Array): QrAssemblyProgress;
}

export interface QrAssemblerOptions {
  /** Kinds the caller expects; anything else is `failed` with 'wrong-kind'. Default: all. */
  accept?: readonly PayloadKind[];
}

export function createQrAssembler(opts: QrAssemblerOptions = {}): QrAssembler {
  let decoder: FountainDecoder | undefined;
  let finished: QrAssemblyProgress | undefined;

  const finish = (kind: PayloadKind, payload: Uint8Array): QrAssemblyProgress => {
    if (opts.accept && !opts.accept.includes(kind)) {
      return {
        state: 'failed',
        reason: 'wrong-kind',
        message: `this code holds a ${kind}, expected ${opts.accept.join(' or ')}`,
      };
    }
    return { state: 'done', kind, payload };
  };

  return {
    push(frame) {
      const parsed = parseFrame(frame);
      if (!parsed.ok) {
        return { state: 'failed', reason: parsed.reason, message: parsed.detail.message };
      }
      if (parsed.value.type === 'single') return finish(parsed.value.kind, parsed.value.payload);
      const { part } = parsed.value;
      if (!decoder || !decoder.matches(part)) {
        decoder = createFountainDecoder(part);
        finished = undefined;
      }
      if (finished) return finished;
      const step = decoder.receive(part);
      if (!step.ok) {
        decoder = undefined;
        return { state: 'failed', reason: step.reason, message: step.detail.message };
      }
      if (step.value.state === 'collecting') {
        return { state: 'collecting', received: step.value.solved, expected: step.value.seqLen };
      }
      const message = parseFrame(step.value.message);
      if (!message.ok) {
        decoder = undefined;
        return { state: 'failed', reason: message.reason, message: message.detail.message };
      }
      if (message.value.type !== 'single') {
        decoder = undefined;
        return {
          state: 'failed',
          reason: 'corrupt',
          message: 'an animated code must carry a single frame',
        };
      }
      finished = finish(message.value.kind, message.value.payload);
      return finished;
    },
  };
}
