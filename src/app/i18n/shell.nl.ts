import type { shellEn } from './shell.en.ts';

export const shellNl: Record<keyof typeof shellEn, string> = {
  'shell.pin.label': 'Pincode',
  'shell.pin.repeat': 'Herhaal pincode',
  'shell.pin.intro':
    'Met je pincode open je je wallet op dit toestel. Kies minstens 6 cijfers die niet makkelijk te raden zijn.',
  'shell.pin.digitsOnly':
    'Een pincode heeft alleen cijfers. Wil je letters, kies dan een wachtzin.',
  'shell.pin.usePassphrase': 'Liever een wachtzin',
  'shell.passphrase.label': 'Wachtzin',
  'shell.passphrase.repeat': 'Herhaal wachtzin',
  'shell.passphrase.intro':
    'Met je wachtzin open je je wallet op dit toestel. Gebruik minstens 8 tekens, bijvoorbeeld een paar woorden.',
  'shell.passphrase.usePin': 'Liever een pincode',
  'shell.unlock.introPin': 'Vul je pincode in om je wallet te openen.',
  'shell.unlock.forgotPin': 'Pincode vergeten?',
  'shell.waiting.offer': 'Er wacht een bewijsstuk op je. Ontgrendel om het te ontvangen.',
  'shell.waiting.request': 'Iemand vraagt je iets te tonen. Ontgrendel om te zien wie wat vraagt.',
  'shell.nav.issuerShort': 'Uitgifte',
  'shell.nav.verifierShort': 'Controleur',
  'shell.copies.title': 'Kopieën van je bewijzen',
  'shell.copies.intro':
    'Veel bewijzen komen als meerdere kopieën. De wallet laat elke organisatie een eigen kopie zien, zodat organisaties niet kunnen koppelen wat je ze liet zien. Een organisatie die opnieuw vraagt, ziet de kopie die ze eerder zag.',
  'shell.copies.fresh': 'Gebruik voor elke keer delen een nieuwe kopie',
  'shell.copies.saved': 'Opgeslagen.',
};
