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
};
