/** English strings of the shell.* keys (issue 11); nl and fr are typed against this file. */
export const shellEn = {
  'shell.pin.label': 'PIN',
  'shell.pin.repeat': 'Repeat PIN',
  'shell.pin.intro':
    'Your PIN unlocks your wallet on this device. Choose at least 6 digits that are not easy to guess.',
  'shell.pin.digitsOnly': 'A PIN has digits only. For letters, use a passphrase instead.',
  'shell.pin.usePassphrase': 'Use a passphrase instead',
  'shell.passphrase.label': 'Passphrase',
  'shell.passphrase.repeat': 'Repeat passphrase',
  'shell.passphrase.intro':
    'Your passphrase unlocks your wallet on this device. Use at least 8 characters, for example a few words.',
  'shell.passphrase.usePin': 'Use a PIN instead',
  'shell.unlock.introPin': 'Enter your PIN to open your wallet.',
  'shell.unlock.forgotPin': 'Forgot your PIN?',
  'shell.waiting.offer': 'A credential is waiting for you. Unlock to receive it.',
  'shell.waiting.request': 'Someone asks you to show something. Unlock to see who asks and what.',
  'shell.nav.issuerShort': 'Issuer',
  'shell.nav.verifierShort': 'Verifier',
  'shell.copies.title': 'Copies of your credentials',
  'shell.copies.intro':
    'Many credentials come as several copies. The wallet shows each organisation its own copy, so organisations cannot link what you showed them. An organisation that asks again sees the copy it saw before.',
  'shell.copies.fresh': 'Use a new copy for every presentation',
  'shell.copies.saved': 'Saved.',
} as const;
