import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { useUpdateStore } from './update-store.ts';

/** "A new version is available — Reload": shown when a new service worker waits to take over. */
export function UpdatePrompt() {
  const t = useT();
  const apply = useUpdateStore((s) => s.apply);
  const [reloading, setReloading] = useState(false);
  if (!apply) return null;
  return (
    <section className="card update-prompt" role="status" aria-label={t('app.update.label')}>
      <p>{t('app.update.available')}</p>
      <button
        type="button"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          apply();
        }}
      >
        {reloading ? t('app.update.reloading') : t('app.update.reload')}
      </button>
    </section>
  );
}
