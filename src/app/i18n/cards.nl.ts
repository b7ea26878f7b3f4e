import type { cardsEn } from './cards.en.ts';

export const cardsNl: Record<keyof typeof cardsEn, string> = {
  'cards.saved': 'Bewaard in je wallet: {type} van {issuer}',
  'cards.showMore': 'Nog {count} tonen',
  'cards.state.suspended': 'Geschorst',
  'cards.state.couldNotCheck': 'Controle mislukt',
  'cards.status.valid': 'Geldig — gecontroleerd op {when}',
  'cards.status.revoked': 'Ingetrokken — gecontroleerd op {when}',
  'cards.status.suspended': 'Geschorst — gecontroleerd op {when}',
  'cards.status.couldNotCheck': 'Controle mislukt: {reason} ({when}).',
  'cards.status.reason.unreachable': 'de lijst van de uitgever was niet bereikbaar',
  'cards.status.reason.notAllowed':
    'deze wallet mag het adres van de lijst van de uitgever niet benaderen',
  'cards.status.reason.invalidList': 'de lijst van de uitgever kwam niet door de controles',
  'cards.tech.title': 'Technische details',
  'cards.tech.issuerDid': 'Identificatie van de uitgever (DID)',
  'cards.tech.pseudonym': 'Jouw pseudoniem voor deze uitgever (relatiesleutel)',
  'cards.tech.pseudonymValue': 'relatie {relationship}, sleutel {child}',
  'cards.tech.vct': 'Type (vct)',
  'cards.tech.w3cTypes': 'W3C-types',
  'cards.tech.statusList': 'Statuslijst',
  'cards.tech.statusIndex': 'Positie in de statuslijst',
  'cards.tech.statusRaw': 'Intrekkingsstatus',
  'cards.tech.listIssuedAt': 'lijst van {when}',
  'cards.tech.noStatusYet': 'nog geen',
  'cards.tech.lastFailure': 'Laatste mislukte controle',
};
