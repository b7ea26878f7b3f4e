/**
 * The recovery words during onboarding, held outside React state (so not in devtools or in a
 * store) and cleared as soon as the wallet is created or onboarding is left.
 */
let words: string[] = [];
let passphrase = '';

export function holdWords(next: readonly string[], nextPassphrase = ''): void {
  words = [...next];
  passphrase = nextPassphrase;
}

export function heldWords(): readonly string[] {
  return words;
}

export function heldMnemonic(): { mnemonic: string; passphrase: string } {
  return { mnemonic: words.join(' '), passphrase };
}

export function clearWords(): void {
  words.fill('');
  words = [];
  passphrase = '';
}
