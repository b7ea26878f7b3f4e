import type { ReactNode } from 'react';

/** A line saying how an action went: success is read out politely, an error at once. */
export type Notice = { kind: 'success' | 'error'; text: string } | null;

export function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p className={notice.kind} role={notice.kind === 'success' ? 'status' : 'alert'}>
      {notice.text}
    </p>
  );
}

/**
 * "Do these words match what the publisher told you?": a key's fingerprint words for the clerk to
 * compare with those given by phone, letter or site, then confirm or cancel. The same layout for an
 * issuer's profile (trust the issuer) and a trust list's signer (import the list); what is being
 * confirmed goes in `children`, above the words, and `after` below the hint.
 */
export function FingerprintConfirm(props: {
  /** Prefix of the section's ids (`<id>-title`, `<id>-question`). */
  id: string;
  title: string;
  words: readonly string[];
  wordsLabel: string;
  question: string;
  hint: string;
  confirm: string;
  cancel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <section
      className="confirm-signer"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-question`}
    >
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {props.children}
      <ol className="recovery-words fingerprint-words" aria-label={props.wordsLabel}>
        {props.words.map((word, index) => (
          <li key={index}>{word}</li>
        ))}
      </ol>
      <p id={`${props.id}-question`}>
        <strong>{props.question}</strong>
      </p>
      <p className="hint">{props.hint}</p>
      {props.after}
      <div className="actions">
        <button type="button" className="primary" onClick={props.onConfirm} disabled={props.busy}>
          {props.confirm}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          {props.cancel}
        </button>
      </div>
    </section>
  );
}
