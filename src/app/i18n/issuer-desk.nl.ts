import type { issuerDeskEn } from './issuer-desk.en.ts';

export const issuerDeskNl: Record<keyof typeof issuerDeskEn, string> = {
  'issuerDesk.register.birthDate': 'Geboortedatum',
  'issuerDesk.register.birthDateHint':
    'Niet verplicht. Wordt ingevuld op elke verklaring voor deze persoon die erom vraagt.',
  'issuerDesk.register.invalidBirthDate':
    'Vul een geboortedatum in tussen 1 januari 1900 en vandaag, of laat het veld leeg.',
  'issuerDesk.register.editBirthDate': 'Geboortedatum wijzigen',
  'issuerDesk.register.editBirthDateOf': 'Geboortedatum wijzigen van {name}',
  'issuerDesk.register.birthDateOf': 'Geboortedatum van {name}',
  'issuerDesk.register.birthDateEditHint':
    'Laat het veld leeg om de datum te verwijderen. Al uitgegeven bewijsstukken houden de datum waarmee ze zijn uitgegeven.',
  'issuerDesk.register.saveBirthDate': 'Geboortedatum bewaren',
  'issuerDesk.register.birthDateSaved': 'De geboortedatum van {name} is bewaard.',
  'issuerDesk.register.birthDateRemoved': 'De geboortedatum van {name} is verwijderd.',
  'issuerDesk.register.notFound': 'Deze persoon staat niet meer in het register.',
  'issuerDesk.issued.valid': 'Geldig',
  'issuerDesk.issued.validUntil': 'Geldig tot {date}',
  'issuerDesk.issued.expiredOn': 'Verlopen op {date}',
  'issuerDesk.issued.revokedOn': 'Ingetrokken op {date}',
  'issuerDesk.profile.title': 'Profiel publiceren',
  'issuerDesk.profile.intro':
    'Een verificatiebalie die je profiel importeert, vertrouwt de verklaringen die je uitgeeft zonder je identificatie met de hand over te nemen. Toon de QR-code of stuur het bestand.',
  'issuerDesk.profile.publish': 'Profiel publiceren',
  'issuerDesk.profile.again': 'Opnieuw ondertekenen',
  'issuerDesk.profile.done': 'Je profiel is ondertekend met je uitgeverssleutel.',
  'issuerDesk.profile.failed':
    'Het profiel kon niet worden ondertekend. Vergrendel de balie, ontgrendel haar en probeer het opnieuw.',
  'issuerDesk.profile.qrLabel': 'Uitgeversprofiel van {name}',
  'issuerDesk.profile.wordsTitle': 'Vingerafdrukwoorden',
  'issuerDesk.profile.wordsIntro':
    'De verificateur ziet deze woorden bij het importeren. Geef ze door per telefoon of brief, of zet ze op je website, zodat hij kan nagaan dat het profiel echt van jou is.',
  'issuerDesk.profile.download': '{file} downloaden',
  'issuerDesk.profile.text': 'Profiel als tekst',
  'issuerDesk.copies.title': 'Kopieën per bewijs',
  'issuerDesk.copies.intro':
    'Elk bewijs gaat als meerdere kopieën naar de wallet, elk met een eigen sleutel, eigen zouten en een eigen statusplek. De wallet laat elke organisatie een andere kopie zien, zodat twee organisaties niet kunnen zien dat ze hetzelfde bewijs kregen. Met meer kopieën heeft iemand minder vaak nieuwe nodig.',
  'issuerDesk.copies.label': 'Kopieën per bewijs',
  'issuerDesk.copies.hint':
    'Een heel getal van 1 tot 50. Met 1 kopie kunnen organisaties koppelen wat ze te zien krijgen.',
  'issuerDesk.copies.save': 'Kopieën opslaan',
  'issuerDesk.copies.saved': 'Opgeslagen. Nieuwe bewijzen worden in dit aantal kopieën uitgegeven.',
  'issuerDesk.copies.invalid': 'Vul een heel getal van 1 tot 50 in.',
  'issuerDesk.issued.copies': '{count} kopieën',
  'issuerDesk.issued.renews': 'nieuwe kopieën van het bewijs uitgegeven op {date}',
  'issuerDesk.revoke.family':
    'Dit bewijs is later ook als nieuwe kopieën gegeven ({count} reeksen in totaal): elke kopie van elke reeks wordt ingetrokken.',
  'issuerDesk.register.openFile': 'Een bestand openen (.vouch)',
  'issuerDesk.register.tooLarge':
    'Dit bestand of deze tekst is te groot voor een verbindingscode of een aanvraag voor nieuwe kopieën.',
  'issuerDesk.register.wrongKind':
    'Dit is een ander soort code, geen verbindingscode en geen aanvraag voor nieuwe kopieën.',
  'issuerDesk.copiesRequest.answered':
    '{name} vroeg nieuwe kopieën van een bewijs aan. Geef de nieuwe kopieën mee:',
  'issuerDesk.copiesRequest.invalid': 'Dit is geen aanvraag voor kopieën die deze balie kan lezen.',
  'issuerDesk.copiesRequest.unknownPerson':
    'Deze aanvraag voor kopieën komt van een wallet die niet in je register staat.',
  'issuerDesk.copiesRequest.notOurs':
    'Deze aanvraag voor kopieën bevat een bewijs dat deze balie niet aan deze persoon heeft uitgegeven.',
  'issuerDesk.copiesRequest.revoked':
    'Dit bewijs is ingetrokken: er worden geen nieuwe kopieën uitgegeven.',
};
