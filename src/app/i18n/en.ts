/** English strings. The other languages are typed against this file, so a missing key fails to compile. */
export const en = {
  'app.name': 'Vouch',
  'app.tagline': 'Your credentials, on your device, shown only as far as needed.',
  'app.loading': 'Loading…',
  'app.crashed.title': 'Something went wrong',
  'app.crashed.body': 'The screen could not be shown. Your wallet data is safe on this device.',
  'app.crashed.reload': 'Reload',
  'app.offlineReady': 'Vouch now also works without a connection.',

  'nav.label': 'Roles',
  'nav.wallet': 'Wallet',
  'nav.issuer': 'Issuer desk',
  'nav.verifier': 'Verifier',
  'language.label': 'Language',

  'issuer.title': 'Issuer desk',
  'issuer.empty':
    'Employers, doctors, universities and municipalities will issue credentials here. This desk is not available yet.',
  'verifier.title': 'Verifier',
  'verifier.empty':
    'Benefit agencies and employers will check presentations here, offline. The verifier is not available yet.',

  'welcome.title': 'Welcome to Vouch',
  'welcome.body':
    'Vouch keeps your income statements, medical attestations and diplomas on this device, encrypted. Nobody else holds your keys.',
  'welcome.create': 'Create a new wallet',
  'welcome.restore': 'Restore from 24 words',

  'create.words.title': 'Your 24 recovery words',
  'create.words.listLabel': 'Recovery words',
  'create.words.intro':
    'Write these words down on paper, in this order, and keep them somewhere safe. They are the only way to restore your wallet. Anyone who has them can take it over.',
  'create.words.once': 'You will not be shown these words again.',
  'create.words.written': 'I have written down all 24 words',
  'create.confirm.title': 'Check your words',
  'create.confirm.intro': 'Enter the words at these positions from what you wrote down.',
  'create.confirm.wordLabel': 'Word {n}',
  'create.confirm.mismatch': 'Word {n} does not match. Check what you wrote down.',
  'create.confirm.back': 'Show the words again',

  'restore.title': 'Restore your wallet',
  'restore.intro':
    'Enter your 24 recovery words in order. You can also paste all of them into the first field.',
  'restore.wordLabel': 'Word {n}',
  'restore.passphrase': 'Extra passphrase (only if you set one)',
  'restore.passphraseHint': 'Leave empty unless your wallet was created with a BIP39 passphrase.',
  'restore.unknownWord': 'Word {n} is not in the word list.',
  'restore.missingWord': 'Word {n} is missing.',
  'restore.badChecksum':
    'These 24 words are not a valid recovery phrase: at least one word is wrong or out of order. The last word is a checksum of the others.',
  'restore.wrongLength': 'A recovery phrase has 24 words; {count} were entered.',
  'restore.suggestions': 'Suggestions for word {n}',
  'restore.submit': 'Continue',

  'passcode.title': 'Choose a passcode',
  'passcode.intro':
    'The passcode unlocks your wallet on this device. Use at least 6 digits, or a passphrase of at least 8 characters.',
  'passcode.label': 'Passcode',
  'passcode.repeat': 'Repeat passcode',
  'passcode.mismatch': 'The two passcodes are not the same.',
  'passcode.tooShortDigits': 'Use at least 6 digits.',
  'passcode.tooShortPassphrase': 'A passphrase needs at least 8 characters.',
  'passcode.strength.label': 'Strength',
  'passcode.strength.weak': 'Weak: easy to guess. Longer is better.',
  'passcode.strength.fair': 'Fair.',
  'passcode.strength.strong': 'Strong.',
  'passcode.strength.none': 'Not yet entered.',
  'passcode.submit': 'Create wallet',
  'passcode.working': 'Encrypting your wallet…',

  'unlock.title': 'Wallet locked',
  'unlock.intro': 'Enter your passcode to open your wallet.',
  'unlock.submit': 'Unlock',
  'unlock.working': 'Unlocking…',
  'unlock.wrong': 'That passcode is not right. Nothing was changed.',
  'unlock.forgot': 'Forgot your passcode?',
  'unlock.forgotBody':
    'A passcode cannot be recovered. You can erase this wallet and restore it from your 24 words.',

  'home.title': 'Your wallet',
  'home.identity': 'Wallet identity',
  'home.identityHint':
    'This identifier never leaves your device; issuers get a separate pseudonym each.',
  'home.credentials': 'Credentials',
  'home.noCredentials':
    'No credentials yet. They arrive from your employer, doctor, university or municipality.',
  'home.lock': 'Lock',
  'home.settings': 'Settings',
  'home.locked': 'Your wallet was locked.',

  'settings.title': 'Settings',
  'settings.back': 'Back to wallet',
  'settings.passcode.title': 'Change passcode',
  'settings.passcode.current': 'Current passcode',
  'settings.passcode.new': 'New passcode',
  'settings.passcode.repeat': 'Repeat new passcode',
  'settings.passcode.submit': 'Change passcode',
  'settings.passcode.done': 'Your passcode was changed.',
  'settings.passcode.wrong': 'The current passcode is not right. Nothing was changed.',
  'settings.autoLock.label': 'Lock automatically after',
  'settings.autoLock.minutes': '{n} min',
  'settings.autoLock.saved': 'Saved.',
  'settings.storage.title': 'Storage on this device',
  'settings.storage.persisted':
    'Protected: the browser will not clear your wallet to free up space.',
  'settings.storage.bestEffort':
    'Not protected: the browser may clear your wallet when the device runs out of space. Keep your 24 words safe.',
  'settings.storage.unsupported':
    'This browser cannot protect stored data from being cleared. Keep your 24 words safe.',
  'settings.storage.request': 'Ask the browser to keep my wallet',
  'settings.erase.title': 'Erase this wallet',
  'settings.erase.body':
    'This removes every key and credential from this browser. Only your 24 words can bring the wallet back.',
  'settings.erase.button': 'Erase this wallet…',
  'settings.erase.confirmTitle': 'Erase this wallet?',
  'settings.erase.confirmBody':
    'Everything in this wallet will be deleted from this device. This cannot be undone. Make sure you have your 24 words.',
  'settings.erase.confirm': 'Erase everything',
  'settings.erase.cancel': 'Cancel',

  'common.continue': 'Continue',
  'common.back': 'Back',
  'common.cancel': 'Cancel',
  'common.close': 'Close',

  'error.vault-corrupt':
    'The wallet data on this device could not be read. Nothing was changed. Restore from your 24 words if this persists.',
  'error.storage-unavailable':
    'This browser does not allow storing data (private mode or storage disabled). Vouch needs storage to keep your wallet.',
  'error.unexpected': 'Something went wrong. Nothing was changed. Please try again.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
