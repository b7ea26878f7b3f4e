import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import type { DeskServerProblem, SaveOutcome } from './desk-server.ts';
import { serverProblemMessage } from './desk-server.ts';
import { Field } from './Field.tsx';
import type { ServerInfo } from './server-admin.ts';

export interface ServerSettingsSectionProps {
  /** The saved server URL (public), or null when the desk works offline. */
  savedUrl: string | null;
  /** The issuer desk's own DID: a server signing with another key gets a warning. */
  ownIssuerDid?: string | null;
  onSave(url: string, token: string): Promise<SaveOutcome>;
  onTest(): Promise<{ ok: true; value: ServerInfo } | { ok: false; problem: DeskServerProblem }>;
  onForget(): Promise<void>;
}

type Shown =
  | { kind: 'message'; key: MessageKey; error: boolean }
  | { kind: 'info'; info: ServerInfo; saved: boolean };

/**
 * Settings → Server, for both desks: the address and the admin token (a password field the form
 * only reads on submit and then clears: the token goes to the vault, not to React state), Test
 * connection, Forget. What the server says about itself (its DIDs) is public and shown.
 */
export function ServerSettingsSection({
  savedUrl,
  ownIssuerDid,
  onSave,
  onTest,
  onForget,
}: ServerSettingsSectionProps) {
  const t = useT();
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const url = String(data.get('server-url') ?? '');
    const token = String(data.get('server-token') ?? '');
    setBusy(true);
    const outcome = await onSave(url, token).catch((): SaveOutcome => ({
      ok: false,
      message: 'error.unexpected',
    }));
    setBusy(false);
    const tokenInput = form.elements.namedItem('server-token');
    if (tokenInput instanceof HTMLInputElement) tokenInput.value = '';
    if (!outcome.ok) return setShown({ kind: 'message', key: outcome.message, error: true });
    setShown(
      outcome.info.ok
        ? { kind: 'info', info: outcome.info.value, saved: true }
        : { kind: 'message', key: serverProblemMessage(outcome.info.problem), error: true },
    );
  };

  const test = async () => {
    setBusy(true);
    const result = await onTest().catch(() => ({ ok: false, problem: 'unreachable' }) as const);
    setBusy(false);
    setShown(
      result.ok
        ? { kind: 'info', info: result.value, saved: false }
        : { kind: 'message', key: serverProblemMessage(result.problem), error: true },
    );
  };

  const forget = async () => {
    await onForget();
    setShown({ kind: 'message', key: 'deskServer.forgotten', error: false });
  };

  return (
    <section aria-labelledby="desk-server-title">
      <h2 id="desk-server-title">{t('deskServer.title')}</h2>
      <p>{t('deskServer.intro')}</p>
      <p>{savedUrl ? t('deskServer.current', { url: savedUrl }) : t('deskServer.none')}</p>
      <form onSubmit={save} noValidate key={savedUrl ?? 'none'}>
        <Field
          label={t('deskServer.url')}
          hint={t('deskServer.urlHint')}
          name="server-url"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2048}
          defaultValue={savedUrl ?? ''}
        />
        <Field
          label={t('deskServer.token')}
          hint={
            savedUrl
              ? `${t('deskServer.tokenHint')} ${t('deskServer.tokenKeep')}`
              : t('deskServer.tokenHint')
          }
          name="server-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={512}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('deskServer.save')}
          </button>
          {savedUrl ? (
            <>
              <button type="button" onClick={() => void test()} disabled={busy}>
                {t('deskServer.test')}
              </button>
              <button type="button" onClick={() => void forget()} disabled={busy}>
                {t('deskServer.forget')}
              </button>
            </>
          ) : null}
        </div>
      </form>
      {busy ? <p role="status">{t('deskServer.testing')}</p> : null}
      {shown?.kind === 'message' ? (
        <p className={shown.error ? 'error' : 'success'} role={shown.error ? 'alert' : 'status'}>
          {t(shown.key)}
        </p>
      ) : null}
      {shown?.kind === 'info' ? (
        <ServerFacts info={shown.info} saved={shown.saved} ownIssuerDid={ownIssuerDid} />
      ) : null}
    </section>
  );
}

function ServerFacts({
  info,
  saved,
  ownIssuerDid,
}: {
  info: ServerInfo;
  saved: boolean;
  ownIssuerDid: string | null | undefined;
}) {
  const t = useT();
  const differs =
    ownIssuerDid !== undefined && info.issuer !== null && info.issuer !== ownIssuerDid;
  const same = ownIssuerDid !== undefined && info.issuer !== null && info.issuer === ownIssuerDid;
  return (
    <div>
      <p className="success" role="status">
        {saved ? `${t('deskServer.saved')} ${t('deskServer.answers')}` : t('deskServer.answers')}
      </p>
      <dl className="facts">
        <dt>{t('deskServer.issuer')}</dt>
        <dd>
          <code className="did" aria-label={t('deskServer.issuer')}>
            {info.issuer ?? t('deskServer.noKey')}
          </code>
        </dd>
        <dt>{t('deskServer.verifier')}</dt>
        <dd>
          <code className="did" aria-label={t('deskServer.verifier')}>
            {info.verifier ?? t('deskServer.noKey')}
          </code>
        </dd>
        {info.statusList ? (
          <>
            <dt>{t('deskServer.statusList')}</dt>
            <dd>
              <code className="did">{info.statusList}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {differs ? (
        <p className="error" role="alert">
          {t('deskServer.issuerDiffers', { did: ownIssuerDid ?? '' })}
        </p>
      ) : null}
      {same ? <p>{t('deskServer.issuerSame')}</p> : null}
    </div>
  );
}
