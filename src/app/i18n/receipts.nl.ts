import type { receiptsEn } from './receipts.en.ts';

export const receiptsNl: Record<keyof typeof receiptsEn, string> = {
  'receipts.promise': 'Je krijgt een ondertekend ontvangstbewijs.',
  'receipts.promiseBody':
    'Als {verifier} je aanvraag aanneemt, ondertekent die een ontvangstbewijs dat jij ook ondertekent. Het bevat alleen hashes: het bewijst dat je een aanvraag deed en wanneer, zonder te tonen wat je deelde.',
  'receipts.kept': 'Je kreeg een ondertekend ontvangstbewijs. Het staat in je geschiedenis.',
  'receipts.none': '{verifier} gaf geen ondertekend ontvangstbewijs voor dit antwoord.',
  'receipts.title': 'Ondertekende ontvangstbewijzen',
  'receipts.intro':
    'Elk ontvangstbewijs is ondertekend door jou en door de organisatie. Bewaar een bewijsbestand om later te tonen dat je een aanvraag deed, en wanneer.',
  'receipts.empty': 'Nog geen ondertekende ontvangstbewijzen.',
  'receipts.application': 'Aanvraag ontvangen door {verifier}',
  'receipts.signedBoth': 'Ondertekend door jou en door {party}',
  'receipts.onLedger': 'Ook vastgelegd in het gedeelde register van de organisaties',
  'receipts.received': 'Bewijsstuk ontvangen van {party}',
  'receipts.issued': 'Bewijsstuk aan jou uitgegeven door {party}',
  'receipts.prove': 'Bewijs',
  'receipts.proveLabel': 'Bewijs: het ontvangstbewijs van {party}, {date}',
  'receipts.export': 'Ontvangstbewijzen exporteren',
  'receipts.scan.title': 'Een ontvangstbewijs scannen',
  'receipts.scan.intro':
    'Toont een balie je zijn ondertekende ontvangstbewijs als code, scan het dan hier om het te bewaren.',
  'receipts.scan.afterAnswer':
    'Je antwoord bevat jouw helft van een ondertekend ontvangstbewijs. Als {verifier} je aanvraag aanneemt, toont die het ontvangstbewijs als code: scan het hier.',
  'receipts.scan.how': 'Scan de code met de camera, open er een foto van of plak de tekst.',
  'receipts.scan.file': 'Een bestand met een ontvangstbewijs openen',
  'receipts.scan.checking': 'Het ontvangstbewijs wordt gecontroleerd…',
  'receipts.scan.kept':
    'Ontvangstbewijs bewaard: ondertekend door jou en door {party}. Het staat in je geschiedenis.',
  'receipts.scan.keptPair':
    'Ontvangstbewijzen bewaard: het bewijsstuk uitgegeven en ontvangen, ondertekend door jou en door {party}. Ze staan in je geschiedenis.',
  'receipts.scan.noPending':
    'Dit ontvangstbewijs is niet voor deze wallet, of je bewaarde het al. Er is niets veranderd.',
  'receipts.scan.malformed':
    'Dit is geen leesbaar ontvangstbewijs: het is beschadigd, te lang of iets anders. Er is niets veranderd.',
  'receipts.scan.invalid':
    'Dit ontvangstbewijs klopt niet: het is niet wat je wallet ondertekende, of een handtekening is fout. Er is niets veranderd.',
  'receipts.give.title': 'Geef de balie je ontvangstbewijs',
  'receipts.give.body':
    'Laat de balie deze code scannen. Die ondertekent samen met jou het ontvangstbewijs van dit bewijsstuk en toont het terug; scan dat in Geschiedenis → Ondertekende ontvangstbewijzen.',
  'receipts.give.qr': 'Je ontvangstbewijs voor {party} om te scannen',
  'deskReceipts.copy': 'Ontvangstbewijs kopiëren',
  'deskReceipts.download': 'Ontvangstbewijs downloaden',
  'deskReceipts.text': 'Ontvangstbewijs als tekst',
  'deskReceipts.handOver.title': 'Ondertekend ontvangstbewijs',
  'deskReceipts.handOver.body': 'Laat de burger dit ontvangstbewijs scannen.',
  'deskReceipts.handOver.qr': 'Ondertekend ontvangstbewijs voor de burger',
  'deskReceipts.refused.notValid': 'Geen ondertekend ontvangstbewijs: het antwoord is niet geldig.',
  'deskReceipts.refused.stale':
    'Geen ondertekend ontvangstbewijs: de helft van de wallet is te lang geleden gemaakt. Het oordeel blijft.',
  'deskReceipts.refused.mismatch':
    'Geen ondertekend ontvangstbewijs: de helft van de wallet gaat niet over dit antwoord of deze balie. Het oordeel blijft.',
  'deskReceipts.refused.signature':
    'Geen ondertekend ontvangstbewijs: de handtekening van de wallet op haar helft is niet geldig. Het oordeel blijft.',
  'deskReceipts.refused.malformed':
    'Geen ondertekend ontvangstbewijs: de helft van de wallet is onleesbaar. Het oordeel blijft.',
  'deskReceipts.refused.notIssued':
    'Geen ondertekend ontvangstbewijs: deze balie gaf dat bewijsstuk niet uit.',
  'deskReceipts.list.title': 'Ondertekende ontvangstbewijzen',
  'deskReceipts.list.intro':
    'Elk ontvangstbewijs dat deze balie met de wallet van een burger ondertekende: wanneer, wat, en de sleutel van de wallet als vingerafdruk (geen naam). De export is wat “vouch evidence verify” controleert.',
  'deskReceipts.list.empty': 'Nog geen ondertekende ontvangstbewijzen.',
  'deskReceipts.list.when': 'Wanneer',
  'deskReceipts.list.action': 'Wat',
  'deskReceipts.list.wallet': 'Sleutel van de wallet',
  'deskReceipts.list.export': 'Ontvangstbewijzen exporteren',
  'deskReceipts.action.ACKNOWLEDGE': 'Aanvraag bevestigd',
  'deskReceipts.action.ISSUE': 'Bewijsstuk uitgegeven',
  'deskReceipts.action.RECEIVE': 'Bewijsstuk ontvangen',
  'deskReceipts.action.PRESENT': 'Aanvraag ingediend',
  'deskReceipts.setting.title': 'Ondertekende ontvangstbewijzen',
  'deskReceipts.setting.intro':
    'De verzoeken van de balie vragen de wallet om haar helft van een ontvangstbewijs; de balie ondertekent een ontvangstbewijs van elke aanvraag die ze aanneemt en toont het als code.',
  'deskReceipts.setting.give': 'Ondertekende ontvangstbewijzen geven',
  'deskReceipts.setting.saved': 'Bewaard.',
  'deskReceipts.scan.title': 'Het ontvangstbewijs van een burger scannen',
  'deskReceipts.scan.intro':
    'Na het bewaren van een bewijsstuk van deze balie toont de wallet een code. Scan ze, open er een foto van of plak de tekst: de balie ondertekent het ontvangstbewijs van dat bewijsstuk.',
  'deskReceipts.scan.done': 'Ontvangstbewijs ondertekend: {type} voor {name}.',
  'receipts.give.waiting':
    'Een bewijsstuk van {party}, bewaard op {date}, wacht tot de balie het ontvangstbewijs ondertekent. Laat de balie deze code scannen en scan daarna hieronder haar ontvangstbewijs.',
};
