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
  'present.optional': 'optioneel, staat uit tot je het aanzet',
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
  // issue 10: W3C credentials in the wallet
  'wallet.w3c.note': 'W3C-bewijsstuk: wie je het toont, ziet elk veld.',
  'wallet.w3c.format': 'Formaat',
  'wallet.w3c.formatW3c': 'W3C Verifiable Credential (VC-JWT)',
  'wallet.w3c.formatSdJwt': 'SD-JWT VC (jij kiest welke velden je toont)',
  'present.w3c.everyField':
    'Dit is een W3C-bewijsstuk: het kan geen enkel veld verbergen. {verifier} ziet elk veld hieronder, niet alleen wat gevraagd wordt.',
  'present.w3c.fieldsLabel': 'Elk veld dat {verifier} ziet',
  'present.w3c.asked': 'gevraagd',
  'present.w3c.notAsked': 'niet gevraagd, toch getoond',
  'present.w3c.othersHidden': 'Je andere bewijsstukken blijven verborgen.',
  'receive.w3c.hint':
    'Een W3C-bewijsstuk (een .jwt-bestand, of de tekst ervan hierboven geplakt) kun je hier ook ontvangen.',
  'present.copies.none':
    'Elke kopie van dit bewijs is al aan andere organisaties getoond. Nog een keer tonen zou ze laten koppelen wat ze zagen, dus de wallet deelt het niet. Vraag eerst nieuwe kopieën aan bij {issuer}.',
  'present.copies.few':
    'Er zijn nog maar {count} ongebruikte kopieën van dit bewijs. Vraag binnenkort nieuwe kopieën aan bij {issuer}.',
  'present.copies.getNew': 'Nieuwe kopieën aanvragen',
  'present.copies.noneShort':
    'Elke kopie van dit bewijs is al aan andere organisaties getoond. Vraag eerst nieuwe kopieën aan.',
};
