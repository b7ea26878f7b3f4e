import { useT } from '../i18n/index.ts';
import { SwitchSetting } from '../shared/SwitchSetting.tsx';
import { setGiveReceipts } from './desk-receipts-actions.ts';
import { useVerifierStore } from './verifier-store.ts';

/**
 * Settings: "Give signed receipts" (issue 14). On: the desk's requests ask the wallet for its half
 * of a receipt, and the desk countersigns every application it accepts.
 */
export function GiveReceiptsSetting() {
  const t = useT();
  const stored = useVerifierStore((s) => s.giveReceipts);
  return (
    <SwitchSetting
      id="give-receipts-title"
      title={t('deskReceipts.setting.title')}
      intro={t('deskReceipts.setting.intro')}
      label={t('deskReceipts.setting.give')}
      savedText={t('deskReceipts.setting.saved')}
      stored={stored}
      save={setGiveReceipts}
    />
  );
}
