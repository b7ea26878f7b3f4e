import type { consentEn } from './consent.en.ts';

export const consentNl: Record<keyof typeof consentEn, string> = {
  'consent.remove': 'Verwijderen',
  'consent.asks.notVerified': 'Een controleur die zich “{name}” noemt, vraagt om',
  'consent.asks.unnamed': 'Een controleur die geen naam geeft, vraagt om',
  'consent.standing.registered.title': 'Geverifieerd via een registratie',
  'consent.standing.registered.body':
    '{name} is geregistreerd door een instantie die je wallet vertrouwt.',
  'consent.standing.listed.title': 'Geverifieerd via een vertrouwenslijst',
  'consent.standing.listed.body':
    '{name} staat op de lijst “{list}”, ondertekend door een instantie die je wallet vertrouwt.',
  'consent.standing.notVerified.title': 'Niet geverifieerd',
  'consent.standing.notVerified.body':
    'Geen instantie die je wallet vertrouwt, staat in voor deze controleur. Deel alleen als je weet wie het vraagt.',
  'consent.standing.unsigned':
    'Dit verzoek is niet ondertekend: het zegt alleen waar het antwoord heen gaat ({host}).',
  'consent.technical': 'Technische details',
  'consent.authority': 'Registratie-instantie',
  'consent.facts.answerHere':
    'Nog niet beantwoord. Beantwoord het hier; het wordt ook bij je antwoorden in Uitkeringen en regelingen bewaard.',
  'consent.optionalCredential.add': 'Ook delen: {type} (optioneel, staat uit tot je het aanzet)',
  'consent.optionalCredential.why':
    '{verifier} vraagt ook om je {type}. Je mag het weglaten; de aanvraag is ook zonder compleet.',
  'consent.facts.forMonth': '{fact} in {month}',
  'consent.facts.saveFailed': 'Je antwoorden konden niet worden bewaard. Er is niets gedeeld.',
  'consent.incomplete.title': 'Deze aanvraag is onvolledig',
  'consent.incomplete.missingCredential': 'Ontbreekt: {type}.',
  'consent.incomplete.missingFact': 'Niet beantwoord: {fact}.',
  'consent.incomplete.body':
    'De instantie kan misschien niet beslissen zonder. Je kunt toch delen wat je hebt.',
  'consent.incomplete.confirmTitle': 'Een onvolledige aanvraag delen?',
  'consent.incomplete.confirmBody':
    '{verifier} ziet dat er iets ontbreekt en kan je er later om vragen.',
  'consent.incomplete.shareAnyway': 'Toch delen',
  'consent.incomplete.goBack': 'Terug',
  'consent.authorities.title': 'Vertrouwde instanties',
  'consent.authorities.intro':
    'Instanties die controleurs registreren. Toont een controleur een registratie van een van hen, of staat hij op een lijst die een van hen ondertekende, dan zegt je wallet dat hij geverifieerd is.',
  'consent.authorities.none':
    'Nog geen instantie: elke controleur wordt als niet geverifieerd getoond.',
  'consent.authorities.fromBuild': 'ingebouwd in deze wallet',
  'consent.authorities.words': 'Vingerafdrukwoorden',
  'consent.authorities.didLabel': 'Identificatie van de instantie (did:key…)',
  'consent.authorities.didHint':
    'Vergelijk de vingerafdrukwoorden met wat de instantie publiceert voordat je erop vertrouwt.',
  'consent.authorities.add': 'Instantie toevoegen',
  'consent.authorities.added': 'Instantie toegevoegd.',
  'consent.authorities.remove': 'Instantie {words} verwijderen',
  'consent.authorities.notADid': 'Dat is geen did:key- of did:jwk-identificatie.',
  'consent.authorities.already': 'Deze instantie wordt al vertrouwd.',
  'consent.authorities.tooMany': 'Je kunt hoogstens 20 instanties vertrouwen.',
  'consent.lists.title': 'Lijsten van controleurs',
  'consent.lists.intro':
    'Een lijst van controleurs, ondertekend door een vertrouwde instantie (een bestand, of een link ernaar).',
  'consent.lists.none': 'Nog geen lijst van controleurs.',
  'consent.lists.file': 'Bestand met de lijst',
  'consent.lists.link': 'Of een link naar de lijst',
  'consent.lists.add': 'Lijst toevoegen',
  'consent.lists.added': 'Lijst toegevoegd.',
  'consent.lists.summary': '{name}: {count} controleurs, geldig tot {date}',
  'consent.lists.notCounting':
    'Telt niet mee: verlopen, of de instantie wordt niet meer vertrouwd.',
  'consent.lists.remove': 'Lijst {name} verwijderen',
  'consent.lists.malformed': 'Dit is geen leesbare lijst van controleurs.',
  'consent.lists.badSignature': 'Deze lijst is niet geldig ondertekend.',
  'consent.lists.expired': 'Deze lijst is verlopen.',
  'consent.lists.untrusted':
    'Deze lijst is ondertekend door een instantie die je niet vertrouwt. Voeg eerst de instantie toe.',
  'consent.lists.noVerifiers': 'Deze lijst noemt geen controleurs.',
  'consent.lists.already': 'Je hebt deze lijst al.',
  'consent.lists.tooMany': 'Je kunt hoogstens 20 lijsten bewaren.',
  'consent.lists.unreachable':
    'De lijst kon niet worden opgehaald. Controleer de link en je verbinding.',
  'consent.lists.badLink':
    'Die link kan niet worden gebruikt (alleen https, van een toegestaan adres).',
  'consent.lists.empty': 'Kies een bestand of plak een link.',
  'consent.desk.optionalCredentials': 'De aanvrager kan toevoegen',
  'consent.desk.optionalCredential': '{type}: {claims}',
  'consent.desk.claim.householdType': 'type huishouden',
  'consent.desk.claim.adultCoResidents': 'volwassenen die bij de aanvrager wonen',
  'consent.desk.claim.validOn': 'peildatum',
  'consent.desk.claim.municipality': 'gemeente',
  'consent.desk.title': 'Registratiecertificaat',
  'consent.desk.intro':
    'Een certificaat van een registratie-instantie vertelt wallets wie deze balie is. De balie voegt het aan elk verzoek toe.',
  'consent.desk.none': 'Geen certificaat: wallets tonen deze balie als niet geverifieerd.',
  'consent.desk.file': 'Certificaatbestand',
  'consent.desk.paste': 'Of plak het certificaat',
  'consent.desk.add': 'Certificaat bewaren',
  'consent.desk.saved': 'Certificaat bewaard. Elk nieuw verzoek draagt het mee.',
  'consent.desk.current': 'Geregistreerd als {name} tot {date}',
  'consent.desk.remove': 'Certificaat verwijderen',
  'consent.desk.removed': 'Certificaat verwijderd.',
  'consent.desk.malformed': 'Dit is geen leesbaar registratiecertificaat.',
  'consent.desk.badSignature': 'Dit certificaat is niet geldig ondertekend.',
  'consent.desk.expired': 'Dit certificaat is verlopen. Vraag je instantie om een nieuw.',
  'consent.desk.notYetValid': 'Dit certificaat is nog niet geldig.',
  'consent.desk.otherVerifier':
    'Dit certificaat registreert een andere controleur, niet deze balie.',
  'consent.desk.empty': 'Kies een bestand of plak het certificaat.',
};
