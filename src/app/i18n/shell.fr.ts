import type { shellEn } from './shell.en.ts';

export const shellFr: Record<keyof typeof shellEn, string> = {
  'shell.pin.label': 'Code PIN',
  'shell.pin.repeat': 'Répétez le code PIN',
  'shell.pin.intro':
    'Votre code PIN ouvre votre portefeuille sur cet appareil. Choisissez au moins 6 chiffres difficiles à deviner.',
  'shell.pin.digitsOnly':
    'Un code PIN ne contient que des chiffres. Pour des lettres, utilisez une phrase secrète.',
  'shell.pin.usePassphrase': 'Utiliser plutôt une phrase secrète',
  'shell.passphrase.label': 'Phrase secrète',
  'shell.passphrase.repeat': 'Répétez la phrase secrète',
  'shell.passphrase.intro':
    'Votre phrase secrète ouvre votre portefeuille sur cet appareil. Utilisez au moins 8 caractères, par exemple quelques mots.',
  'shell.passphrase.usePin': 'Utiliser plutôt un code PIN',
  'shell.unlock.introPin': 'Saisissez votre code PIN pour ouvrir votre portefeuille.',
  'shell.unlock.forgotPin': 'Code PIN oublié ?',
  'shell.waiting.offer': 'Une attestation vous attend. Déverrouillez pour la recevoir.',
  'shell.waiting.request':
    'Quelqu’un vous demande de montrer quelque chose. Déverrouillez pour voir qui demande quoi.',
  'shell.nav.issuerShort': 'Émetteur',
  'shell.nav.verifierShort': 'Vérificateur',
  'shell.copies.title': 'Copies de vos attestations',
  'shell.copies.intro':
    'Beaucoup d’attestations arrivent en plusieurs copies. Le portefeuille montre à chaque organisation sa propre copie : les organisations ne peuvent pas relier ce que vous leur avez montré. Une organisation qui redemande voit la copie qu’elle a déjà vue.',
  'shell.copies.fresh': 'Utiliser une nouvelle copie à chaque partage',
  'shell.copies.saved': 'Enregistré.',
};
