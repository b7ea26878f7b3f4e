import type { benefitsEn } from './benefits.en.ts';

export const benefitsNl: Record<keyof typeof benefitsEn, string> = {
  'benefits.title': 'Uitkeringen en regelingen',
  'benefits.open': 'Uitkeringen en regelingen',
  'benefits.intro':
    'Waar je mogelijk recht op hebt, berekend uit de verklaringen in je wallet en de antwoorden die je hieronder geeft.',
  'benefits.privacy':
    'Alles op dit scherm wordt op dit apparaat berekend. Je verklaringen en antwoorden worden nergens heen gestuurd; er verlaat niets je wallet tot je besluit aan te vragen en op het volgende scherm toestemming geeft.',
  'benefits.loading': 'Je regelingen worden berekend…',
  'benefits.failed':
    'Je regelingen konden niet worden berekend. Je gegevens in de wallet zijn veilig.',
  'benefits.jurisdiction.NL': 'Nederland',
  'benefits.jurisdiction.BE': 'België',

  'benefits.facts.title': 'Een paar vragen',
  'benefits.facts.intro':
    'Sommige regelingen hangen af van dingen die in geen enkele verklaring staan. Beantwoord wat je wilt en sla over wat je niet weet. Je antwoorden worden versleuteld in deze wallet bewaard en je kunt ze altijd wijzigen.',
  'benefits.facts.notAnswered': 'Niet beantwoord',
  'benefits.facts.yes': 'Ja',
  'benefits.facts.no': 'Nee',
  'benefits.facts.euroHint': 'In euro, bijvoorbeeld 1250 of 1250,50.',
  'benefits.facts.save': 'Antwoorden bewaren',
  'benefits.facts.skip': 'Nu overslaan',
  'benefits.facts.edit': 'Antwoorden wijzigen',
  'benefits.facts.answer': 'Vragen beantwoorden',
  'benefits.facts.none': 'Je hebt nog geen vragen beantwoord.',
  'benefits.facts.yours': 'Je antwoorden',
  'benefits.facts.saved': 'Je antwoorden zijn bewaard. De uitkomsten hieronder gebruiken ze.',
  'benefits.facts.invalid': 'Dit antwoord kan niet worden gebruikt: {field}.',
  'benefits.facts.badAmount': 'Vul een bedrag in euro in, bijvoorbeeld 1250,50.',
  'benefits.facts.badNumber': 'Vul een heel getal in, 0 of meer.',
  'benefits.facts.partnerPerMonth': 'Netto-inkomen van je partner per maand',
  'benefits.facts.partnerPerMonthHint':
    'Eén bedrag voor elke maand met een uitkomst hieronder, in euro (bijvoorbeeld 1250 of 1250,50). Laat een maand leeg als je het niet weet.',
  'benefits.facts.monthAmount': '{month}: {amount}',
  'benefits.facts.adults': '{count} volwassenen in de woning',
  'benefits.facts.fromMunicipality':
    'Huishouden: {household}. Dit komt uit de verklaring van je gemeente, dus dit wordt je niet gevraagd.',
  'benefits.facts.fromMunicipalityAt':
    'Huishouden: {household}. Dit komt uit de verklaring van je gemeente ({source}), dus dit wordt je niet gevraagd.',

  'benefits.status.eligible': 'Je hebt recht',
  'benefits.status.likely-eligible': 'Je hebt waarschijnlijk recht — de instantie beslist',
  'benefits.status.not-eligible': 'Je hebt geen recht',
  'benefits.status.needs-evidence': 'Er is meer informatie nodig',
  'benefits.status.unknown':
    'Nog niet te berekenen: de bedragen voor deze periode zijn niet gepubliceerd',

  'benefits.month.none':
    'Er staan nog geen inkomensverklaringen in je wallet. Zodra je werkgever er een stuurt, zie je hier of je over die maand recht hebt op een aanvulling.',
  'benefits.month.amount': 'Betaling deze maand',
  'benefits.month.holiday': 'Gereserveerd vakantiegeld (betaald in juni)',
  'benefits.month.norm': 'Bijstandsnorm',
  'benefits.month.counted': 'Meegeteld inkomen',
  'benefits.month.income': 'Netto-inkomen',
  'benefits.amount': 'Bedrag',
  'benefits.amountUnpublished': 'Het bedrag voor dit jaar is nog niet gepubliceerd',
  'benefits.monthly': 'Per maand',
  'benefits.scheme': 'Regeling',
  'benefits.scheme.TAS': 'TAS — Tegemoetkoming Asbestslachtoffers (werknemers)',
  'benefits.scheme.TNS': 'TNS — Tegemoetkoming Niet-beroepsgebonden Slachtoffers',
  'benefits.scheme.TSB': 'TSB — Tegemoetkoming Stoffengerelateerde Beroepsziekten (longkanker)',
  'benefits.scheme.AFA': 'AFA — Asbestfonds (België)',
  'benefits.route': 'Zo vraag je het aan',

  'benefits.why': 'Waarom?',
  'benefits.why.input': 'Gegeven',
  'benefits.why.fromCredential': 'uit je verklaring',
  'benefits.why.declared': 'door jou opgegeven',
  'benefits.why.figure': 'Gebruikt bedrag',
  'benefits.why.notPublished': 'niet gepubliceerd',
  'benefits.why.validFrom': 'geldig vanaf {date}',
  'benefits.why.derived': 'Afgeleid',
  'benefits.why.source': 'Bron',
  'benefits.why.legalBasis': 'Wettelijke grondslag',

  'benefits.chart.title': 'Netto-inkomen tegenover de bijstandsnorm',
  'benefits.chart.income': 'Netto-inkomen',
  'benefits.chart.topUp': 'Aanvulling',
  'benefits.chart.norm': 'Norm',
  'benefits.chart.summary': '{month}: netto-inkomen {income}, aanvulling {topUp}, norm {norm}.',
  'benefits.chart.unpublished': 'niet gepubliceerd',

  'benefits.apply': 'Aanvragen',
  'benefits.apply.close': 'Sluiten',
  'benefits.apply.title': 'Aanvragen: wat je zou laten zien',
  'benefits.apply.intro':
    'Om aan te vragen laat je de instantie deze gegevens uit je verklaringen zien. De instantie controleert ze en past dezelfde regel toe.',
  'benefits.apply.to': 'Aan',
  'benefits.apply.why': 'Waarom',
  'benefits.apply.claims': 'Gegevens die je laat zien',
  'benefits.apply.from': 'Van: {issuers}',
  'benefits.apply.missing': 'Je hebt deze verklaring nog niet. Vraag haar aan bij de uitgever.',
  'benefits.apply.noEvidence': 'Voor deze uitkomst hoef je geen verklaring te laten zien.',
  'benefits.apply.declared': 'Wat je zelf opgeeft (door niemand gecontroleerd)',
  'benefits.apply.noDeclared': 'Er gaan geen antwoorden van jou mee met deze aanvraag.',
  'benefits.apply.consent':
    'Er wordt nog niets verstuurd. De instantie publiceert een aanvraaglink met een QR-code, op haar website of aan de balie. Scan de code of plak de link: het volgende scherm toont precies wat de instantie vraagt, en jij beslist.',
  'benefits.apply.scan': 'QR-code van de aanvraag scannen',
  'benefits.apply.paste': 'Aanvraaglink van de instantie plakken',
  'benefits.apply.link': 'Aanvraaglink',
  'benefits.apply.linkHint':
    'Hij begint met openid4vp:// of https://. De wallet vraagt het je voordat hij contact opneemt met de instantie.',
  'benefits.apply.open': 'Aanvraag openen',
  'benefits.apply.linkEmpty': 'Plak eerst de aanvraaglink.',
  'benefits.apply.linkTooLarge': 'Deze tekst is te lang voor een aanvraaglink.',
  'benefits.apply.linkUnknown':
    'Dit is geen aanvraaglink. Kopieer de hele link van de website van de instantie en probeer het opnieuw.',

  'benefits.changes.title': 'Nieuws over je regelingen',
  'benefits.changes.open': 'Bekijk je regelingen',
  'benefits.changes.dismiss': 'Verbergen',
  'benefits.change.eligibleAmount': '{subject}: je hebt recht op {amount}',
  'benefits.change.eligible': '{subject}: je hebt recht',
  'benefits.change.likelyAmount': '{subject}: je hebt waarschijnlijk recht op {amount}',
  'benefits.change.likely': '{subject}: je hebt waarschijnlijk recht',
  'benefits.change.notEligible': '{subject}: je hebt geen recht meer',
  'benefits.change.needsEvidence': '{subject}: er is meer informatie nodig',
  'benefits.change.unknown': '{subject}: dit is nog niet te berekenen',
  'benefits.change.amount': '{subject}: je bedrag is gewijzigd van {previous} in {amount}',
};
