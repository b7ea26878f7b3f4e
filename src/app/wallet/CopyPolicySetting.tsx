import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { saveFreshCopyEveryTime } from './wallet-actions.ts';
import { useWalletStore } from './wallet-store.ts';

/**
 * Settings: one copy per verifier (the default), or a new copy for every presentation (issue 13,
 * docs/credentials.md §Copies).
 */
export function CopyPolicySetting() {
  const t = useT();
  const stored = useWalletStore((s) => s.freshCopyEveryTime);
  // The switch follows the tap at once; the stored setting follows when saved (else it goes back).
  const [on, setOn] = useState(stored);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="settings-copies">
      <h2 id="settings-copies">{t('shell.copies.title')}</h2>
      <p>{t('shell.copies.intro')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          onChange={async (event) => {
            const next = event.target.checked;
            setOn(next);
            setSaved(false);
            const done = await saveFreshCopyEveryTime(next);
            if (!done) setOn(!next);
            setSaved(done);
          }}
        />
        <span>{t('shell.copies.fresh')}</span>
      </label>
      {saved ? <p role="status">{t('shell.copies.saved')}</p> : null}
    </section>
  );
}
