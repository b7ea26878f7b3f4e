import type { presentEn } from './present.en.ts';

export const presentNl: Record<keyof typeof presentEn, string> = {
  'present.start': 'Bewijsstuk tonen',
  'present.title': 'Bewijsstuk tonen',
  'present.intro':
    'Scan de code die de controleur toont (of upload er een foto van, of plak hem). Je ziet precies wat er gevraagd wordt voordat er iets gedeeld wordt.',
  'present.refused.malformed': 'Dit is geen leesbaar verzoek.',
  'present.refused.invalid':
    'Dit verzoek is niet geldig ondertekend, of het is verlopen. Vraag de controleur om een nieuw verzoek.',
  'present.refused.unsupported': 'Dit verzoek vraagt iets waarop Vouch niet kan antwoorden.',
  'present.asks': '{verifier} vraagt om',
  'present.firstTime': 'Je hebt deze controleur nog nooit iets getoond.',
  'present.seenBefore': 'Je hebt deze controleur al eerder bewijsstukken getoond.',
  'present.purpose': 'Doel',
  'present.verifierId': 'Identificatie van de controleur',
  'present.noMatch': 'Je hebt geen {type} die bij dit verzoek past.',
  'present.whichOne': 'Welke {type}?',
  'present.whatYouShare': 'Wat je deelt',
  'present.required': 'verplicht',
  'present.optional': 'optioneel, je kunt het uitzetten',
  'present.restHidden': 'Al het andere in je bewijsstukken blijft verborgen.',
  'present.cannotAnswer':
    'Je kunt dit verzoek niet beantwoorden: een bewijsstuk dat nodig is, ontbreekt in je wallet.',
  'present.decline': 'Weigeren',
  'present.share': 'Delen',
  'present.failed': 'Het antwoord kon niet worden gemaakt. Er is niets gedeeld.',
  'present.answerTitle': 'Je antwoord',
  'present.answerIntro':
    'Laat {verifier} deze code scannen. Hij werkt één keer, alleen voor dit verzoek.',
  'present.answerLabel': 'Antwoord voor {verifier}',
  'present.answerText': 'Antwoord als tekst',
  'present.done': 'Klaar',
  'present.redirecting': 'Je antwoord gaat terug naar {verifier}…',
  'present.declared.title': 'Gegevens die je zelf opgeeft',
  'present.declared.intro':
    'Je eigen antwoorden uit Uitkeringen en regelingen. De instantie ziet ze als door jou opgegeven, niet gecontroleerd.',
  'present.declared.unanswered':
    '{fact}: niet beantwoord (je kunt het beantwoorden bij Uitkeringen en regelingen).',
  'present.declared.marker': 'door jou opgegeven',
  'history.title': 'Geschiedenis',
  'history.intro':
    'Wat je toonde, aan wie en waarom. Alleen jij ziet dit; het staat versleuteld in je wallet.',
  'history.empty': 'Je hebt nog geen bewijsstuk getoond.',
  'history.export': 'Exporteren als JSON',
  'history.delete': 'De geschiedenis wissen…',
  'history.deleteTitle': 'De hele geschiedenis wissen?',
  'history.deleteBody':
    'Je bewijsstukken blijven; alleen het overzicht van wat je toonde verdwijnt.',
  'history.deleteConfirm': 'Wissen',
};
