import { useT } from '../i18n/index.ts';
import { SwitchSetting } from '../shared/SwitchSetting.tsx';
import { saveFreshCopyEveryTime } from './wallet-actions.ts';
import { useWalletStore } from './wallet-store.ts';

/**
 * Settings: one copy per verifier (the default), or a new copy for every presentation (issue 13,
 * docs/credentials.md §Copies).
 */
export function CopyPolicySetting() {
  const t = useT();
  const stored = useWalletStore((s) => s.freshCopyEveryTime);
  return (
    <SwitchSetting
      id="settings-copies"
      title={t('shell.copies.title')}
      intro={t('shell.copies.intro')}
      label={t('shell.copies.fresh')}
      savedText={t('shell.copies.saved')}
      stored={stored}
      save={saveFreshCopyEveryTime}
    />
  );
}
