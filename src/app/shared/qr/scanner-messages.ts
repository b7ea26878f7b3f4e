/**
 * Reason codes from the camera, the picture reader and the transport decoder, as message keys.
 * The one place where the scanner's failures become words (src/app/i18n).
 */
import type { PayloadKind, TransportProblem } from '../../../core/transport/index.ts';
import type { CameraProblem, QrImageProblem } from '../../composition.ts';
import type { MessageKey } from '../../i18n/index.ts';

export interface ScannerMessage {
  key: MessageKey;
  /** A second sentence, e.g. what the wrongly scanned code is for. */
  more?: MessageKey;
}

export const cameraMessage = (problem: CameraProblem): ScannerMessage => ({
  key: `qr.camera.${problem}`,
});

export const imageMessage = (problem: QrImageProblem): ScannerMessage => ({
  key: `qr.upload.${problem}`,
});

export const transportMessage = (problem: TransportProblem): ScannerMessage => ({
  key: `qr.problem.${problem}`,
});

/** "This code is not a credential offer. It is a verifier's request, to be scanned by a wallet." */
export function wrongKindMessage(
  accept: readonly PayloadKind[],
  actual: PayloadKind,
): ScannerMessage {
  const [only] = accept;
  return {
    key: accept.length === 1 && only ? `qr.expected.${only}` : 'qr.problem.wrong-kind',
    more: `qr.is.${actual}`,
  };
}
