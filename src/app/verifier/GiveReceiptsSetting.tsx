import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { setGiveReceipts } from './desk-receipts-actions.ts';
import { useVerifierStore } from './verifier-store.ts';

/**
 * Settings: "Give signed receipts" (issue 14). On: the desk's requests ask the wallet for its half
 * of a receipt, and the desk countersigns every application it accepts.
 */
export function GiveReceiptsSetting() {
  const t = useT();
  const stored = useVerifierStore((s) => s.giveReceipts);
  // The switch follows the tap at once; it goes back only if saving fails.
  const [on, setOn] = useState(stored);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="give-receipts-title">
      <h2 id="give-receipts-title">{t('deskReceipts.setting.title')}</h2>
      <p>{t('deskReceipts.setting.intro')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          onChange={async (event) => {
            const next = event.target.checked;
            setOn(next);
            setSaved(false);
            const done = await setGiveReceipts(next);
            if (!done) setOn(!next);
            setSaved(done);
          }}
        />
        <span>{t('deskReceipts.setting.give')}</span>
      </label>
      {saved ? <p role="status">{t('deskReceipts.setting.saved')}</p> : null}
    </section>
  );
}
