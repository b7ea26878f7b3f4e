import type { onlineEn } from './online.en.ts';

export const onlineNl: Record<keyof typeof onlineEn, string> = {
  'online.contact.title': 'Contact opnemen met {host}?',
  'online.contact.offer':
    'Deze code vraagt je wallet een aanbod voor een bewijsstuk op te halen bij {host}. Er verlaat niets je wallet voordat je verdergaat.',
  'online.contact.request':
    'Deze code vraagt je wallet het verzoek van een controleur op te halen bij {host}. {host} ziet dat een wallet het vroeg. Er wordt niets gedeeld zonder je toestemming.',
  'online.contact.unknownHost': 'de server die in de code staat',
  'online.contact.go': 'Contact opnemen',
  'online.contact.cancel': 'Annuleren',
  'online.contacting': 'Contact met {host}…',
  'online.badAddress': 'De code noemt een adres dat geen webadres is. Er is niets verstuurd.',
  'online.insecure':
    '{host} gebruikt geen beveiligde verbinding (https), dus je wallet neemt er geen contact mee op. Er is niets verstuurd.',
  'online.notAllowed':
    'Deze wallet mag geen contact opnemen met {host}: hij praat alleen met de servers die zijn beheerder toestond. Er is niets verstuurd. Vraag liever de offline code (een QR-code of een bestand).',
  'online.tooLarge': 'Het antwoord van {host} is te groot om echt te zijn. Er is niets bewaard.',
  'online.offline':
    'Je wallet kon {host} niet bereiken. Controleer je verbinding en probeer opnieuw; er is niets verloren.',

  'online.offer.title': 'Aanbod van een bewijsstuk',
  'online.offer.from': 'Van',
  'online.offer.what': 'Bewijsstuk',
  'online.offer.issuerAddress': 'Adres van de uitgever',
  'online.offer.nameUnverified':
    'Dit is de naam die de uitgever zichzelf geeft. Controleer het adres als je dit aanbod niet verwachtte.',
  'online.offer.txCode': 'Transactiecode',
  'online.offer.txCodeHint': 'De uitgever stuurde je deze code apart (per brief, e-mail of sms).',
  'online.offer.txCodeLength': 'De uitgever stuurde je deze code apart; ze heeft {length} tekens.',
  'online.offer.accept': 'Aannemen en bewaren',
  'online.offer.decline': 'Weigeren',
  'online.offer.receiving': 'Je bewijsstuk wordt opgehaald bij {issuer}…',
  'online.offer.open': 'Kaart tonen',
  'online.offer.home': 'Terug naar mijn wallet',
  'online.offer.expired':
    'Dit aanbod is niet meer geldig (al gebruikt of verlopen). Vraag de uitgever om een nieuw.',
  'online.offer.txCodeRequired': 'Typ de transactiecode die de uitgever je stuurde.',
  'online.offer.txCodeWrong':
    'De uitgever aanvaardde deze transactiecode niet. Controleer ze en probeer opnieuw; er is niets verloren.',
  'online.offer.issuerError':
    'De server van de uitgever antwoordde met een fout. Er is niets bewaard; probeer het later opnieuw.',
  'online.offer.badOffer': 'Dit aanbod is niet geldig. Er is niets bewaard.',
  'online.offer.badMetadata':
    'De server van de uitgever beschrijft zichzelf niet correct, dus je wallet kan hem niet gebruiken. Er is niets bewaard.',
  'online.offer.unsupported':
    'Dit aanbod vraagt iets wat Vouch niet kan ontvangen. Er is niets bewaard.',
  'online.offer.badCredential':
    'De uitgever stuurde een bewijsstuk dat de controles niet doorstond. Er is niets bewaard.',

  'online.copies.get': 'Nieuwe kopieën ophalen',
  'online.copies.getting': 'Nieuwe kopieën vragen aan de uitgever…',
  'online.copies.got': '{count} nieuwe kopieën bewaard bij deze kaart.',
  'online.copies.explain':
    'Je wallet toont elke controleur een andere kopie, zodat controleurs je bezoeken niet aan elkaar kunnen koppelen. De uitgever ziet dat je nieuwe kopieën vraagt, niet waar je ze gebruikt.',
  'online.copies.refused':
    'De uitgever vernieuwt dit bewijsstuk niet meer (het is ingetrokken, of de vernieuwing is verlopen). Vraag de uitgever om een nieuw bewijsstuk.',

  'online.request.unreachable':
    'Je wallet kon het verzoek van de controleur niet ophalen. Controleer je verbinding, of vraag de controleur om een nieuwe code.',
  'online.verifier.unverifiedName':
    '“{verifier}” is de naam die de controleur zichzelf geeft; die is niet geverifieerd.',
  'online.verifier.notOnTrustList':
    'Het verzoek is ondertekend met de identificatie hieronder, maar geen lijst die je wallet vertrouwt zegt wie dat is.',
  'online.verifier.redirectUri':
    'Niet geverifieerd: dit verzoek is niet ondertekend. Iedereen kan het sturen; het zegt alleen dat het antwoordt aan {host}.',
  'online.answer.sending': 'Je antwoord gaat naar {verifier}…',
  'online.answer.sent': 'Verstuurd naar {verifier}',
  'online.answer.sentBody': 'Je antwoord is afgeleverd. Het staat in je geschiedenis.',
  'online.answer.redirecting': 'Verstuurd naar {verifier}. Je gaat terug naar {verifier}…',
  'online.answer.rejected':
    '{verifier} aanvaardde het antwoord niet. Vraag de controleur om een nieuw verzoek.',
  'online.answer.unreachable':
    'Je wallet kon {verifier} niet bereiken om het antwoord af te leveren. Controleer je verbinding en probeer opnieuw.',

  'settings.handler.title': 'Links openen in deze wallet',
  'settings.handler.intro':
    'Laat deze browser aanbiedingen en verzoeken van controleurs (web+vouch:-links) in deze wallet openen.',
  'settings.handler.register': 'web+vouch:-links hier openen',
  'settings.handler.done':
    'De browser vraagt je dit te bevestigen. Daarna openen web+vouch:-links in deze wallet.',
  'settings.handler.unsupported': 'Deze browser laat een webpagina geen eigen soort links openen.',
};
