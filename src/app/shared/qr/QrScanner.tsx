import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  createQrAssembler,
  decodeFromText,
  type PayloadKind,
  type QrAssembler,
} from '../../../core/transport/index.ts';
import { decodeQrImageFile, startQrCameraScan } from '../../composition.ts';
import { useT } from '../../i18n/index.ts';
import {
  cameraMessage,
  imageMessage,
  transportMessage,
  wrongKindMessage,
  type ScannerMessage,
} from './scanner-messages.ts';

export interface QrScannerLabels {
  /** Accessible name of the scanner region. Default "Scan a code". */
  title?: string;
  /** The sentence above the controls. Default: scan, upload or paste. */
  intro?: string;
}

export interface QrScannerProps {
  /** The kinds this screen can use; any other Vouch code is refused with a message saying what it is. */
  accept: readonly PayloadKind[];
  /** Called once, with a complete payload of an accepted kind. Remount (change `key`) to scan again. */
  onPayload: (kind: PayloadKind, payload: Uint8Array) => void;
  labels?: QrScannerLabels;
  /** Start the camera on mount instead of waiting for "Scan with camera". Default false. */
  autoStartCamera?: boolean;
  /**
   * Text that is not a Vouch code — a QR code or pasted text holding e.g. an `openid4vp://` link:
   * return true when the screen takes it (the scanner is then done), false to refuse it as before.
   */
  onText?: (text: string) => boolean;
}

type Camera = 'off' | 'starting' | 'on';
type Progress = { received: number; expected: number };

const sameBytes = (a: Uint8Array | null, b: Uint8Array) =>
  a !== null && a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Reads a Vouch code three ways: the camera (animated codes too, with "Read k of n parts"), a
 * picture of the code, or its text pasted. All scanning state lives here; the camera is released
 * on unmount, on "Stop camera" and as soon as a code is read.
 */
export function QrScanner({
  accept,
  onPayload,
  labels,
  autoStartCamera = false,
  onText,
}: QrScannerProps) {
  const t = useT();
  const ids = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const assemblerRef = useRef<QrAssembler | null>(null);
  const lastRefusedRef = useRef<Uint8Array | null>(null);
  const doneRef = useRef(false);
  const [camera, setCamera] = useState<Camera>(autoStartCamera ? 'starting' : 'off');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ScannerMessage | null>(null);
  const [notice, setNotice] = useState<'stopped' | 'reading' | 'done' | null>(null);
  const [text, setText] = useState('');

  // The latest props, for callbacks that outlive a render (the camera loop).
  const latest = useRef({ accept, onPayload, onText });
  useEffect(() => {
    latest.current = { accept, onPayload, onText };
  });

  /** Offer text to the screen's `onText`; true when it was taken (the scanner is done). */
  const takeText = useCallback((value: string): boolean => {
    if (doneRef.current) return true;
    const take = latest.current.onText;
    if (!take || !take(value)) return false;
    doneRef.current = true;
    setError(null);
    setProgress(null);
    setCamera('off');
    setNotice('done');
    return true;
  }, []);

  const finish = useCallback((kind: PayloadKind, payload: Uint8Array): boolean => {
    if (doneRef.current) return true;
    const { accept: kinds, onPayload: deliver } = latest.current;
    if (!kinds.includes(kind)) {
      setError(wrongKindMessage(kinds, kind));
      return false;
    }
    doneRef.current = true;
    setError(null);
    setProgress(null);
    setCamera('off');
    setNotice('done');
    deliver(kind, payload);
    return true;
  }, []);

  /** One QR symbol's bytes, from the camera or a picture. */
  const handleFrame = useCallback(
    (bytes: Uint8Array) => {
      if (doneRef.current || sameBytes(lastRefusedRef.current, bytes)) return;
      // Vouch frames start with "V"; anything else may be a plain text code (a link).
      if (bytes[0] !== 0x56 && latest.current.onText) {
        let decoded: string | null;
        try {
          decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          decoded = null;
        }
        if (decoded !== null && takeText(decoded.trim())) return;
      }
      assemblerRef.current ??= createQrAssembler();
      const step = assemblerRef.current.push(bytes);
      if (step.state === 'collecting') {
        setProgress((old) =>
          old?.received === step.received && old.expected === step.expected
            ? old
            : { received: step.received, expected: step.expected },
        );
      } else if (step.state === 'failed') {
        lastRefusedRef.current = bytes;
        setError(transportMessage(step.reason));
      } else if (!finish(step.kind, step.payload)) {
        lastRefusedRef.current = bytes;
      }
    },
    [finish, takeText],
  );

  // Starting → on must not restart the camera: only whether it is wanted matters.
  const cameraWanted = camera !== 'off';
  useEffect(() => {
    if (!cameraWanted) return;
    const video = videoRef.current;
    if (!video) return;
    let cancelled = false;
    let stop: (() => void) | undefined;
    void startQrCameraScan({
      video,
      onCode: handleFrame,
      onEnded: () => {
        setCamera('off');
        setNotice('stopped');
      },
    }).then((started) => {
      if (!started.ok) {
        if (!cancelled) {
          setError(cameraMessage(started.reason));
          setCamera('off');
        }
        return;
      }
      if (cancelled) return started.value.stop();
      stop = started.value.stop;
      // Unless a code was already read (or Stop pressed) in the meantime.
      setCamera((current) => (current === 'starting' ? 'on' : current));
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [cameraWanted, handleFrame]);

  const startCamera = () => {
    setError(null);
    setNotice(null);
    setCamera('starting');
  };

  const onPicture = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNotice('reading');
    const read = await decodeQrImageFile(file);
    setNotice((old) => (old === 'reading' ? null : old));
    if (!read.ok) return setError(imageMessage(read.reason));
    lastRefusedRef.current = null; // a deliberate upload is always answered
    handleFrame(read.value);
  };

  const onPaste = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!text.trim()) return setError({ key: 'qr.paste.empty' });
    if (takeText(text.trim())) return;
    const decoded = decodeFromText(text.trim());
    if (!decoded.ok) return setError(transportMessage(decoded.reason));
    finish(decoded.value.kind, decoded.value.payload);
  };

  const status =
    notice === 'done'
      ? t('qr.done')
      : notice === 'reading'
        ? t('qr.upload.reading')
        : progress
          ? t('qr.progress', progress)
          : camera === 'starting'
            ? t('qr.camera.starting')
            : camera === 'on'
              ? t('qr.camera.aim')
              : notice === 'stopped'
                ? t('qr.camera.stopped')
                : '';

  return (
    <section className="qr-scanner" aria-label={labels?.title ?? t('qr.scanner.label')}>
      <p>{labels?.intro ?? t('qr.scanner.intro')}</p>
      {notice !== 'done' ? (
        <div className="actions">
          {camera === 'off' ? (
            <button type="button" className="primary" onClick={startCamera}>
              {t('qr.camera.start')}
            </button>
          ) : (
            <button type="button" onClick={() => setCamera('off')}>
              {t('qr.camera.stop')}
            </button>
          )}
        </div>
      ) : null}
      <video
        ref={videoRef}
        aria-label={t('qr.camera.view')}
        hidden={camera === 'off'}
        muted
        playsInline
        style={{ display: camera === 'off' ? 'none' : 'block', width: '100%', maxWidth: 480 }}
      />
      <p role="status">{status}</p>
      {progress && notice !== 'done' ? (
        <progress
          aria-label={t('qr.progressLabel')}
          max={progress.expected}
          value={Math.min(progress.received, progress.expected)}
        />
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {t(error.key)}
          {error.more ? ` ${t(error.more)}` : null}
        </p>
      ) : null}
      {notice !== 'done' ? (
        <>
          <div className="field">
            <label htmlFor={`${ids}-picture`}>{t('qr.upload.label')}</label>
            <input
              id={`${ids}-picture`}
              type="file"
              accept="image/*"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                void onPicture(file);
              }}
            />
          </div>
          <form onSubmit={onPaste}>
            <div className="field">
              <label htmlFor={`${ids}-text`}>{t('qr.paste.label')}</label>
              <textarea
                id={`${ids}-text`}
                rows={3}
                spellCheck={false}
                autoComplete="off"
                value={text}
                onChange={(event) => setText(event.target.value)}
              />
            </div>
            <button type="submit">{t('qr.paste.submit')}</button>
          </form>
        </>
      ) : null}
    </section>
  );
}
