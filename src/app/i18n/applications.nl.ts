import type { applicationsEn } from './applications.en.ts';

export const applicationsNl: Record<keyof typeof applicationsEn, string> = {
  'applications.open': 'Aanvraaglinks',
  'applications.title': 'Aanvraaglinks',
  'applications.intro':
    'Een aanvraaglink vraagt naar een van de verzoeksjablonen van de balie. Elke burger die hem opent, krijgt van de server een eigen verzoek; de antwoorden lees je hier.',
  'applications.offline':
    'Aanvraaglinks hebben een server nodig: stel er een in bij Instellingen van de verificateur.',
  'applications.publish.title': 'Een aanvraaglink publiceren',
  'applications.publish.template': 'Verzoeksjabloon',
  'applications.publish.name': 'Naam van de link',
  'applications.publish.nameHint': 'Voor jou en je collega’s, bijv. “Aanvulling 2027”.',
  'applications.publish.submit': 'Publiceren',
  'applications.publish.nameMissing': 'Geef de link een naam (tot 100 tekens).',
  'applications.publish.done': 'De aanvraaglink is gepubliceerd.',
  'applications.purpose.income-supplement':
    'Aanvulling (Participatiewet) aanvragen met de loonstrook van de maand waarvoor je aanvraagt',
  'applications.list.title': 'Gepubliceerde links',
  'applications.list.refresh': 'Lijst vernieuwen',
  'applications.list.empty': 'Er is nog geen aanvraaglink gepubliceerd.',
  'applications.list.loading': 'De links worden gelezen…',
  'applications.item.qrLabel': 'Aanvraaglink: {name}',
  'applications.item.link': 'Aanvraaglink “{name}”',
  'applications.item.linkHint': 'Zet deze link of de QR-code op je site.',
  'applications.item.downloadLink': 'Link downloaden',
  'applications.item.published': 'Gepubliceerd {date}',
  'applications.item.answers': 'Antwoorden op “{name}” ({count})',
  'applications.withdraw.button': '“{name}” intrekken',
  'applications.withdraw.title': '“{name}” intrekken?',
  'applications.withdraw.body':
    'De link werkt meteen niet meer: burgers die hem openden en nog niet antwoordden, kunnen niet meer antwoorden, en de antwoorden staan hier niet meer.',
  'applications.withdraw.confirm': 'Link intrekken',
  'applications.withdraw.cancel': 'Behouden',
  'applications.withdraw.done': 'De link is ingetrokken.',
  'applications.answers.title': 'Antwoorden op “{name}”',
  'applications.answers.refresh': 'Antwoorden vernieuwen',
  'applications.answers.close': 'Antwoorden sluiten',
  'applications.answers.empty': 'Nog geen antwoorden.',
  'applications.answers.pending': 'Wordt gecontroleerd',
  'applications.answers.show': 'Antwoord van {date} tonen',
  'applications.answers.back': 'Terug naar de antwoorden',
};
