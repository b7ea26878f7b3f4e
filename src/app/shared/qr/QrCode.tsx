import { useEffect, useMemo, useReducer, useState } from 'react';
import type { QrFrames } from '../../../core/transport/index.ts';
import { grayToRgba, loadQrEncoder, qrMatrixToGray, type QrMatrix } from '../../composition.ts';
import { useT } from '../../i18n/index.ts';
import { frameCycleReducer, startFrameCycle } from './frame-cycle.ts';
import { qrDisplayWidth, qrSvgPath, qrViewBoxSide } from './qr-svg.ts';

export interface QrCodeProps {
  /** QR byte-mode payloads from encodeForQr; several frames are shown in turn. */
  frames: QrFrames;
  /** The accessible name of the code (role img), e.g. "Credential offer for Jan". */
  label: string;
  /** Largest width in CSS pixels; the code shrinks to fit narrower screens. Default 360. */
  maxSize?: number;
  /**
   * Smallest module (dot) size in CSS pixels: a dense code is drawn wider than `maxSize` so that
   * each module gets at least this many pixels, as far as the screen allows. Default: none.
   */
  minModulePx?: number;
  /** Speed of an animated code. Default 5 frames per second. */
  framesPerSecond?: number;
  /** When set (single-frame codes only), offers "Download as image" with this file name. */
  downloadName?: string;
}

interface Encoded {
  source: QrFrames;
  matrices: readonly QrMatrix[];
}

/**
 * A QR code drawn as SVG (crisp at any size, white quiet zone of 4 modules). Several frames cycle
 * at ~5 frames per second with "Frame i of n", pause/play and previous/next; with reduced motion
 * it starts paused. The encoder library loads on first use.
 */
export function QrCode({
  frames,
  label,
  maxSize = 360,
  minModulePx,
  framesPerSecond = 5,
  downloadName,
}: QrCodeProps) {
  const t = useT();
  const [encoded, setEncoded] = useState<Encoded | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setFailed(false);
    loadQrEncoder()
      .then(({ encodeQrMatrix }) => {
        if (current)
          setEncoded({ source: frames, matrices: frames.frames.map((f) => encodeQrMatrix(f)) });
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [frames]);

  if (failed)
    return (
      <p className="error" role="alert">
        {t('qr.drawFailed')}
      </p>
    );
  if (!encoded || encoded.source !== frames) return <p role="status">{t('qr.preparing')}</p>;
  return (
    // A new set of frames unmounts this (via "preparing") and so starts again at frame 1.
    <QrSymbols
      matrices={encoded.matrices}
      label={label}
      maxSize={maxSize}
      minModulePx={minModulePx}
      framesPerSecond={framesPerSecond}
      downloadName={downloadName}
    />
  );
}

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

interface QrSymbolsProps {
  matrices: readonly QrMatrix[];
  label: string;
  maxSize: number;
  minModulePx: number | undefined;
  framesPerSecond: number;
  downloadName: string | undefined;
}

function QrSymbols(props: QrSymbolsProps) {
  const { matrices, label, maxSize, minModulePx, framesPerSecond, downloadName } = props;
  const t = useT();
  const [cycle, dispatch] = useReducer(frameCycleReducer, matrices.length, (count) =>
    startFrameCycle(count, { reducedMotion: prefersReducedMotion() }),
  );
  const paths = useMemo(() => matrices.map((m) => qrSvgPath(m)), [matrices]);
  const animated = matrices.length > 1;

  useEffect(() => {
    if (!cycle.playing) return;
    const timer = setInterval(() => dispatch({ type: 'tick' }), 1000 / framesPerSecond);
    return () => clearInterval(timer);
  }, [cycle.playing, framesPerSecond]);

  const matrix = matrices[cycle.index] ?? matrices[0];
  if (!matrix) return null;
  const side = qrViewBoxSide(matrix);
  const width = qrDisplayWidth({ side, maxSize, ...(minModulePx ? { minModulePx } : {}) });
  return (
    <figure className="qr-code" style={{ margin: 0, maxWidth: width }}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${side} ${side}`}
        shapeRendering="crispEdges"
        style={{ display: 'block', width: '100%', height: 'auto', background: '#fff' }}
      >
        <rect width={side} height={side} fill="#fff" />
        <path d={paths[cycle.index]} fill="#000" />
      </svg>
      {animated ? (
        <figcaption>
          <p className="hint">{t('qr.animatedHint', { n: matrices.length })}</p>
          <p aria-live={cycle.playing ? 'off' : 'polite'}>
            {t('qr.frameOf', { i: cycle.index + 1, n: matrices.length })}
          </p>
          <div className="actions">
            <button type="button" onClick={() => dispatch({ type: 'previous' })}>
              {t('qr.previous')}
            </button>
            <button type="button" onClick={() => dispatch({ type: 'toggle' })}>
              {cycle.playing ? t('qr.pause') : t('qr.play')}
            </button>
            <button type="button" onClick={() => dispatch({ type: 'next' })}>
              {t('qr.next')}
            </button>
          </div>
        </figcaption>
      ) : downloadName ? (
        <figcaption className="actions">
          <button type="button" onClick={() => downloadPng(matrix, downloadName)}>
            {t('qr.download')}
          </button>
        </figcaption>
      ) : null}
    </figure>
  );
}

/** Saves the code as a PNG at 8 pixels per module, for printing or sending on. */
function downloadPng(matrix: QrMatrix, fileName: string): void {
  const image = qrMatrixToGray(matrix, { moduleSize: 8 });
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.putImageData(new ImageData(grayToRgba(image), image.width, image.height), 0, 0);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName.endsWith('.png') ? fileName : `${fileName}.png`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }, 'image/png');
}
