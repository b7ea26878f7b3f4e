import { useEffect, useState, type FormEvent } from 'react';
import { AUTO_LOCK_CHOICES } from '../../core/holder/index.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import {
  readStoragePersistence,
  requestStoragePersistence,
  type StoragePersistence,
} from '../composition.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { Field } from '../shared/Field.tsx';
import { LanguageSwitcher } from '../shared/LanguageSwitcher.tsx';
import { PasscodeFields, readPasscodeFields } from '../shared/PasscodeFields.tsx';
import { openView } from './credential-actions.ts';
import { registerWalletProtocol, type RegisterOutcome } from './protocol-handler.ts';
import { TrustedAuthorities } from './TrustedAuthorities.tsx';
import { CopyPolicySetting } from './CopyPolicySetting.tsx';
import { BackupSection } from './BackupSection.tsx';
import {
  changePasscode,
  disableDeviceUnlock,
  enableDeviceUnlock,
  eraseWallet,
  readDeviceUnlockState,
  saveAutoLock,
  type DeviceUnlockState,
} from './wallet-actions.ts';
import type { DeviceUnlockSupport } from '../composition.ts';
import { useWalletStore } from './wallet-store.ts';

export function Settings() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="settings-title">
      <div className="title-row">
        <h1 id="settings-title">{t('settings.title')}</h1>
        <button type="button" onClick={() => openView('home')}>
          {t('settings.back')}
        </button>
      </div>
      <ChangePasscode />
      <DeviceUnlock />
      <AutoLock />
      <CopyPolicySetting />
      <LinkHandler />
      <TrustedAuthorities />
      <section aria-labelledby="settings-language">
        <h2 id="settings-language">{t('language.label')}</h2>
        <LanguageSwitcher />
      </section>
      <StorageStatus />
      <BackupSection />
      <EraseWallet />
    </section>
  );
}

function ChangePasscode() {
  const t = useT();
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const current = String(new FormData(form).get('passcode-current') ?? '');
    const next = readPasscodeFields(form);
    if (!next.ok) return setMessage(next.message);
    setBusy(true);
    const outcome = await changePasscode(current, next.passcode);
    setBusy(false);
    setMessage(outcome);
    if (outcome === 'settings.passcode.done') setFormKey((key) => key + 1);
  };

  const fieldMessage =
    message === 'settings.passcode.done' || message === 'settings.passcode.wrong' ? null : message;
  return (
    <section aria-labelledby="settings-passcode">
      <h2 id="settings-passcode">{t('settings.passcode.title')}</h2>
      <form key={formKey} onSubmit={submit} noValidate>
        <Field
          label={t('settings.passcode.current')}
          name="passcode-current"
          type="password"
          autoComplete="current-password"
          error={message === 'settings.passcode.wrong' ? t(message) : null}
        />
        <PasscodeFields
          newLabel={t('settings.passcode.new')}
          repeatLabel={t('settings.passcode.repeat')}
          error={fieldMessage}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('settings.passcode.submit')}
        </button>
      </form>
      {message === 'settings.passcode.done' ? <p role="status">{t(message)}</p> : null}
    </section>
  );
}

const DEVICE_SUPPORT_TEXT: Record<Exclude<DeviceUnlockSupport, 'available'>, MessageKey> = {
  'no-webauthn': 'settings.device.noWebauthn',
  'no-platform-authenticator': 'settings.device.noAuthenticator',
  'prf-unsupported': 'settings.device.noPrf',
};

/** "Unlock with this device": a second wrap of the data key under a WebAuthn PRF secret. */
function DeviceUnlock() {
  const t = useT();
  const [state, setState] = useState<DeviceUnlockState | null>(null);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void readDeviceUnlockState().then((value) => live && setState(value));
    return () => {
      live = false;
    };
  }, []);

  const enable = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const passcode = String(new FormData(form).get('device-passcode') ?? '');
    setBusy(true);
    setMessage(null);
    const outcome = await enableDeviceUnlock(passcode);
    setBusy(false);
    setMessage(outcome);
    if (outcome === 'settings.device.enabled') setState({ enabled: true });
    // The authenticator cannot do it: say so instead of offering the button again.
    else if (outcome === 'settings.device.noPrf') {
      setState({ enabled: false, support: 'prf-unsupported' });
    } else {
      const input = form.elements.namedItem('device-passcode');
      if (input instanceof HTMLInputElement) input.value = '';
    }
  };

  const disable = async () => {
    setBusy(true);
    const done = await disableDeviceUnlock();
    setBusy(false);
    if (!done) return setMessage('settings.device.failed');
    setState(await readDeviceUnlockState());
    setMessage('settings.device.disabled');
  };

  const unsupported =
    state && !state.enabled && state.support !== 'available' ? state.support : null;
  return (
    <section aria-labelledby="settings-device">
      <h2 id="settings-device">{t('settings.device.title')}</h2>
      <p>{t('settings.device.intro')}</p>
      {state?.enabled ? (
        <>
          <p>{t('settings.device.on')}</p>
          <button type="button" onClick={() => void disable()} disabled={busy}>
            {t('settings.device.disable')}
          </button>
        </>
      ) : null}
      {unsupported ? <p role="status">{t(DEVICE_SUPPORT_TEXT[unsupported])}</p> : null}
      {state && !state.enabled && !unsupported ? (
        <form onSubmit={enable} noValidate>
          <Field
            label={t('settings.device.passcode')}
            name="device-passcode"
            type="password"
            autoComplete="current-password"
            error={message === 'settings.device.wrong' ? t(message) : null}
          />
          <button type="submit" className="primary" disabled={busy}>
            {t('settings.device.enable')}
          </button>
          {busy ? <p role="status">{t('settings.device.working')}</p> : null}
        </form>
      ) : null}
      {message && message !== 'settings.device.wrong' && message !== 'settings.device.noPrf' ? (
        <p role="status">{t(message)}</p>
      ) : null}
    </section>
  );
}

function AutoLock() {
  const t = useT();
  const minutes = useWalletStore((s) => s.autoLockMinutes);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="settings-autolock">
      <h2 id="settings-autolock">{t('settings.autoLock.label')}</h2>
      <select
        aria-labelledby="settings-autolock"
        value={minutes}
        onChange={async (event) => {
          setSaved(false);
          setSaved(await saveAutoLock(Number(event.target.value)));
        }}
      >
        {AUTO_LOCK_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t('settings.autoLock.minutes', { n: choice })}
          </option>
        ))}
      </select>
      {saved ? <p role="status">{t('settings.autoLock.saved')}</p> : null}
    </section>
  );
}

function EraseWallet() {
  const t = useT();
  return (
    <section aria-labelledby="settings-erase">
      <h2 id="settings-erase">{t('settings.erase.title')}</h2>
      <p>{t('settings.erase.body')}</p>
      <EraseWalletButton />
    </section>
  );
}

/** "Erase this wallet…" behind its confirmation (also offered on the lock screen). */
export function EraseWalletButton() {
  const t = useT();
  return (
    <ConfirmButton
      label={t('settings.erase.button')}
      title={t('settings.erase.confirmTitle')}
      confirmLabel={t('settings.erase.confirm')}
      cancelLabel={t('settings.erase.cancel')}
      onConfirm={() => void eraseWallet()}
    >
      <p>{t('settings.erase.confirmBody')}</p>
    </ConfirmButton>
  );
}

const PERSISTENCE_TEXT: Record<StoragePersistence, MessageKey> = {
  persisted: 'settings.storage.persisted',
  'best-effort': 'settings.storage.bestEffort',
  unsupported: 'settings.storage.unsupported',
};

function StorageStatus() {
  const t = useT();
  const [state, setState] = useState<StoragePersistence | null>(null);
  useEffect(() => {
    let live = true;
    void readStoragePersistence().then((value) => live && setState(value));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('settings.storage.title')}</h2>
      {state ? <p>{t(PERSISTENCE_TEXT[state])}</p> : null}
      {state === 'best-effort' ? (
        <button type="button" onClick={async () => setState(await requestStoragePersistence())}>
          {t('settings.storage.request')}
        </button>
      ) : null}
    </section>
  );
}

/** Let the browser open web+vouch: links (online offers and requests) in this wallet. */
function LinkHandler() {
  const t = useT();
  const [outcome, setOutcome] = useState<RegisterOutcome | null>(null);
  return (
    <section aria-labelledby="settings-handler">
      <h2 id="settings-handler">{t('settings.handler.title')}</h2>
      <p>{t('settings.handler.intro')}</p>
      <button type="button" onClick={() => setOutcome(registerWalletProtocol())}>
        {t('settings.handler.register')}
      </button>
      {outcome ? (
        <p role="status">
          {t(outcome === 'asked' ? 'settings.handler.done' : 'settings.handler.unsupported')}
        </p>
      ) : null}
    </section>
  );
}
