import type { Messages } from './en.ts';

export const nl: Messages = {
  'app.name': 'Vouch',
  'app.tagline': 'Je bewijsstukken op je eigen toestel, alleen getoond voor zover nodig.',
  'app.loading': 'Bezig met laden…',
  'app.crashed.title': 'Er ging iets mis',
  'app.crashed.body':
    'Dit scherm kon niet worden getoond. Je walletgegevens staan veilig op dit toestel.',
  'app.crashed.reload': 'Opnieuw laden',
  'app.offlineReady': 'Vouch werkt nu ook zonder verbinding.',

  'nav.label': 'Rollen',
  'nav.wallet': 'Wallet',
  'nav.issuer': 'Uitgiftebalie',
  'nav.verifier': 'Controleur',
  'language.label': 'Taal',

  'issuer.title': 'Uitgiftebalie',
  'issuer.empty':
    'Werkgevers, artsen, universiteiten en gemeenten geven hier straks bewijsstukken uit. Deze balie is nog niet beschikbaar.',
  'verifier.title': 'Controleur',
  'verifier.empty':
    'Uitkeringsinstanties en werkgevers controleren hier straks presentaties, offline. De controleur is nog niet beschikbaar.',

  'welcome.title': 'Welkom bij Vouch',
  'welcome.body':
    'Vouch bewaart je loonstroken, medische verklaringen en diploma’s versleuteld op dit toestel. Niemand anders heeft je sleutels.',
  'welcome.create': 'Nieuwe wallet maken',
  'welcome.restore': 'Herstellen met 24 woorden',

  'create.words.title': 'Je 24 herstelwoorden',
  'create.words.listLabel': 'Herstelwoorden',
  'create.words.intro':
    'Schrijf deze woorden in deze volgorde op papier en bewaar ze op een veilige plek. Alleen hiermee kun je je wallet herstellen. Wie ze heeft, kan je wallet overnemen.',
  'create.words.once': 'Je krijgt deze woorden niet nog eens te zien.',
  'create.words.written': 'Ik heb alle 24 woorden opgeschreven',
  'create.confirm.title': 'Controleer je woorden',
  'create.confirm.intro': 'Vul de woorden op deze posities in, uit wat je hebt opgeschreven.',
  'create.confirm.wordLabel': 'Woord {n}',
  'create.confirm.mismatch': 'Woord {n} klopt niet. Kijk na wat je hebt opgeschreven.',
  'create.confirm.back': 'Toon de woorden opnieuw',

  'restore.title': 'Je wallet herstellen',
  'restore.intro':
    'Vul je 24 herstelwoorden in de juiste volgorde in. Je kunt ze ook allemaal tegelijk in het eerste veld plakken.',
  'restore.wordLabel': 'Woord {n}',
  'restore.passphrase': 'Extra wachtzin (alleen als je er een hebt ingesteld)',
  'restore.passphraseHint': 'Laat leeg, tenzij je wallet met een BIP39-wachtzin is gemaakt.',
  'restore.unknownWord': 'Woord {n} staat niet in de woordenlijst.',
  'restore.missingWord': 'Woord {n} ontbreekt.',
  'restore.badChecksum':
    'Deze 24 woorden vormen geen geldige herstelzin: minstens één woord is fout of staat op de verkeerde plaats. Het laatste woord is een controlegetal van de andere.',
  'restore.wrongLength': 'Een herstelzin heeft 24 woorden; er zijn er {count} ingevuld.',
  'restore.suggestions': 'Suggesties voor woord {n}',
  'restore.submit': 'Verder',

  'passcode.title': 'Kies een toegangscode',
  'passcode.intro':
    'Met de toegangscode open je je wallet op dit toestel. Gebruik minstens 6 cijfers, of een wachtzin van minstens 8 tekens.',
  'passcode.label': 'Toegangscode',
  'passcode.repeat': 'Herhaal toegangscode',
  'passcode.mismatch': 'De twee toegangscodes zijn niet gelijk.',
  'passcode.tooShortDigits': 'Gebruik minstens 6 cijfers.',
  'passcode.tooShortPassphrase': 'Een wachtzin heeft minstens 8 tekens nodig.',
  'passcode.strength.label': 'Sterkte',
  'passcode.strength.weak': 'Zwak: makkelijk te raden. Langer is beter.',
  'passcode.strength.fair': 'Redelijk.',
  'passcode.strength.strong': 'Sterk.',
  'passcode.strength.none': 'Nog niet ingevuld.',
  'passcode.submit': 'Wallet maken',
  'passcode.working': 'Je wallet wordt versleuteld…',

  'unlock.title': 'Wallet vergrendeld',
  'unlock.intro': 'Vul je toegangscode in om je wallet te openen.',
  'unlock.submit': 'Ontgrendelen',
  'unlock.working': 'Bezig met ontgrendelen…',
  'unlock.wrong': 'Die toegangscode klopt niet. Er is niets veranderd.',
  'unlock.forgot': 'Toegangscode vergeten?',
  'unlock.forgotBody':
    'Een toegangscode kan niet worden achterhaald. Je kunt deze wallet wissen en herstellen met je 24 woorden.',

  'home.title': 'Je wallet',
  'home.identity': 'Wallet-identiteit',
  'home.identityHint':
    'Deze identificatie verlaat je toestel nooit; elke uitgever krijgt een eigen pseudoniem.',
  'home.credentials': 'Bewijsstukken',
  'home.noCredentials':
    'Nog geen bewijsstukken. Ze komen van je werkgever, arts, universiteit of gemeente.',
  'home.lock': 'Vergrendelen',
  'home.settings': 'Instellingen',
  'home.locked': 'Je wallet is vergrendeld.',

  'settings.title': 'Instellingen',
  'settings.back': 'Terug naar wallet',
  'settings.passcode.title': 'Toegangscode wijzigen',
  'settings.passcode.current': 'Huidige toegangscode',
  'settings.passcode.new': 'Nieuwe toegangscode',
  'settings.passcode.repeat': 'Herhaal nieuwe toegangscode',
  'settings.passcode.submit': 'Toegangscode wijzigen',
  'settings.passcode.done': 'Je toegangscode is gewijzigd.',
  'settings.passcode.wrong': 'De huidige toegangscode klopt niet. Er is niets veranderd.',
  'settings.autoLock.label': 'Automatisch vergrendelen na',
  'settings.autoLock.minutes': '{n} min',
  'settings.autoLock.saved': 'Opgeslagen.',
  'settings.storage.title': 'Opslag op dit toestel',
  'settings.storage.persisted':
    'Beschermd: de browser wist je wallet niet om ruimte vrij te maken.',
  'settings.storage.bestEffort':
    'Niet beschermd: de browser kan je wallet wissen als het toestel vol raakt. Bewaar je 24 woorden goed.',
  'settings.storage.unsupported':
    'Deze browser kan opgeslagen gegevens niet tegen wissen beschermen. Bewaar je 24 woorden goed.',
  'settings.storage.request': 'Vraag de browser mijn wallet te bewaren',
  'settings.erase.title': 'Deze wallet wissen',
  'settings.erase.body':
    'Dit verwijdert alle sleutels en bewijsstukken uit deze browser. Alleen je 24 woorden kunnen de wallet terugbrengen.',
  'settings.erase.button': 'Deze wallet wissen…',
  'settings.erase.confirmTitle': 'Deze wallet wissen?',
  'settings.erase.confirmBody':
    'Alles in deze wallet wordt van dit toestel verwijderd. Dit kan niet ongedaan worden gemaakt. Zorg dat je je 24 woorden hebt.',
  'settings.erase.confirm': 'Alles wissen',
  'settings.erase.cancel': 'Annuleren',

  'common.continue': 'Verder',
  'common.back': 'Terug',
  'common.cancel': 'Annuleren',
  'common.close': 'Sluiten',

  'error.vault-corrupt':
    'De walletgegevens op dit toestel konden niet worden gelezen. Er is niets veranderd. Herstel met je 24 woorden als dit blijft gebeuren.',
  'error.storage-unavailable':
    'Deze browser staat niet toe dat gegevens worden bewaard (privémodus of opslag uitgeschakeld). Vouch heeft opslag nodig voor je wallet.',
  'error.unexpected': 'Er ging iets mis. Er is niets veranderd. Probeer het opnieuw.',
};
