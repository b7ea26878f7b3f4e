import { useT, type MessageKey } from '../i18n/index.ts';
import type { OnlineMessage } from './online-request.ts';

/**
 * Before the wallet contacts anyone for a scanned, pasted or opened link: name the host and ask.
 * (A link can be opened by any page; the citizen's "Contact" is the action the fetch answers.)
 */
export function OnlineContact({
  kind,
  host,
  busy,
  onContact,
  onCancel,
}: {
  kind: 'offer' | 'request';
  host: string | undefined;
  busy: boolean;
  onContact: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const name = host ?? t('online.contact.unknownHost');
  return (
    <section aria-labelledby="online-contact-title">
      <h2 id="online-contact-title">{t('online.contact.title', { host: name })}</h2>
      <p>
        {t(kind === 'offer' ? 'online.contact.offer' : 'online.contact.request', { host: name })}
      </p>
      {busy ? <p role="status">{t('online.contacting', { host: name })}</p> : null}
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('online.contact.cancel')}
        </button>
        <button type="button" className="primary" onClick={onContact} disabled={busy} autoFocus>
          {t('online.contact.go')}
        </button>
      </div>
    </section>
  );
}

/** One error line of an online flow (the message names a host or a verifier, nothing else). */
export function OnlineError({ message }: { message: OnlineMessage | MessageKey }) {
  const t = useT();
  const { key, params } =
    typeof message === 'string' ? { key: message, params: undefined } : message;
  return (
    <p className="error" role="alert">
      {t(key, params)}
    </p>
  );
}
