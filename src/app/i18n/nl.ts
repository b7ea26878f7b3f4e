import type { Messages } from './en.ts';
import { benefitsNl } from './benefits.nl.ts';
import { onlineNl } from './online.nl.ts';
import { presentNl } from './present.nl.ts';
import { verifierNl } from './verifier.nl.ts';
import { deskServerNl } from './desk-server.nl.ts';
import { shellNl } from './shell.nl.ts';
import { cardsNl } from './cards.nl.ts';
import { consentNl } from './consent.nl.ts';
import { applicationsNl } from './applications.nl.ts';
import { issuerDeskNl } from './issuer-desk.nl.ts';
import { receiptsNl } from './receipts.nl.ts';
import { backupNl } from './backup.nl.ts';

export const nl: Messages = {
  ...verifierNl,
  ...presentNl,
  ...onlineNl,
  ...benefitsNl,
  ...deskServerNl,
  ...shellNl,
  ...cardsNl,
  ...consentNl,
  ...applicationsNl,
  ...issuerDeskNl,
  ...receiptsNl,
  ...backupNl,
  'app.name': 'Vouch',
  'app.tagline': 'Je bewijsstukken op je eigen toestel, alleen getoond voor zover nodig.',
  'app.loading': 'Bezig met laden…',
  'app.crashed.title': 'Er ging iets mis',
  'app.crashed.body':
    'Dit scherm kon niet worden getoond. Je walletgegevens staan veilig op dit toestel.',
  'app.crashed.reload': 'Opnieuw laden',
  'app.offlineReady': 'Vouch werkt nu ook zonder verbinding.',
  'app.update.label': 'Update',
  'app.update.available': 'Er is een nieuwe versie van Vouch.',
  'app.update.reload': 'Opnieuw laden',
  'app.update.reloading': 'Opnieuw laden…',

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

  'desk.sections': 'Onderdelen van de balie',
  'desk.tab.register': 'Register',
  'desk.tab.issue': 'Uitgeven',
  'desk.tab.issued': 'Uitgegeven en intrekken',
  'desk.tab.settings': 'Instellingen van de balie',
  'desk.kind.employer': 'Werkgever',
  'desk.kind.pulmonologist': 'Longarts',
  'desk.kind.university': 'Universiteit',
  'desk.kind.municipality': 'Gemeente',
  'desk.locked.title': 'Uitgiftebalie vergrendeld',
  'desk.setup.title': 'De uitgiftebalie instellen',
  'desk.setup.intro':
    'De balie ondertekent bewijsstukken met de eigen sleutel van je organisatie. De sleutel blijft versleuteld in deze browser, onder de toegangscode van de balie; exporteer hem als sleutelbestand voor een reservekopie.',
  'desk.setup.name': 'Naam van de organisatie',
  'desk.setup.kind': 'Soort uitgever',
  'desk.setup.registration': 'Registratienummer',
  'desk.setup.registrationHint':
    'KvK of KBO voor werkgevers, BIG voor artsen, BRIN voor onderwijsinstellingen.',
  'desk.setup.alg': 'Handtekeningalgoritme',
  'desk.setup.algHint':
    'ES256 verwachten Europese controleurs en het is hier het snelst; EdDSA en ES256K aanvaarden Vouch-controleurs ook.',
  'desk.setup.statusUri': 'Adres van de statuslijst',
  'desk.setup.statusUriHint':
    'Het https-adres waar je je intrekkingslijst publiceert. Wallets en controleurs halen hem daar op.',
  'desk.setup.passcodeTitle': 'Toegangscode van de balie',
  'desk.setup.passcode': 'Toegangscode van de balie',
  'desk.setup.passcodeRepeat': 'Herhaal de toegangscode van de balie',
  'desk.setup.submit': 'Balie instellen',
  'desk.setup.invalidProfile': 'Vul de naam van de organisatie in.',
  'desk.setup.invalidStatusUri': 'Het adres van de statuslijst moet een https-adres zijn.',
  'desk.import.title': 'Een bestaand sleutelbestand gebruiken',
  'desk.import.file': 'Sleutelbestand',
  'desk.import.passphrase': 'Wachtzin van het sleutelbestand',
  'desk.import.submit': 'Sleutelbestand lezen',
  'desk.import.noFile': 'Kies een sleutelbestand.',
  'desk.import.malformed': 'Dit is geen sleutelbestand van een Vouch-uitgever.',
  'desk.import.wrongPassphrase':
    'Deze wachtzin opent dit sleutelbestand niet. Er is niets veranderd.',
  'desk.import.done': 'Sleutelbestand gelezen: {did}. Rond hieronder het instellen af.',
  'desk.register.title': 'Register',
  'desk.register.empty':
    'Er staat nog niemand in het register. Scan hieronder een verbindingscode uit de wallet van een burger.',
  'desk.register.name': 'Naam',
  'desk.register.number': 'Nummer',
  'desk.register.numberHint': 'Personeels-, patiënt- of studentnummer (optioneel).',
  'desk.register.connectedAt': 'Verbonden op',
  'desk.register.actions': 'Acties',
  'desk.register.issue': 'Bewijsstuk uitgeven',
  'desk.register.issueTo': 'Bewijsstuk uitgeven aan {name}',
  'desk.register.connectTitle': 'Een nieuwe persoon verbinden',
  'desk.register.connectIntro':
    'Vraag de persoon in de wallet “Verbinden met een uitgever” te openen, en scan dan de code, upload er een foto van of plak de tekst.',
  'desk.register.addressedTo': 'De wallet maakte deze code voor: {name}.',
  'desk.register.add': 'Aan het register toevoegen',
  'desk.register.added': '{name} is aan het register toegevoegd.',
  'desk.register.already': 'Deze wallet staat al in het register als {name}.',
  'desk.register.invalid': 'Dit is geen geldige verbindingscode.',
  'desk.register.badSignature':
    'De handtekening van de verbindingscode is niet geldig. Misschien is hij gewijzigd.',
  'desk.register.stale':
    'Deze verbindingscode is te oud (of in de toekomst gedateerd). Vraag een nieuwe.',
  'desk.register.invalidName': 'Vul de naam van de persoon in (hoogstens 200 tekens).',
  'desk.issue.title': 'Bewijsstuk uitgeven',
  'desk.issue.noSubjects':
    'Zet eerst iemand in het register: het bewijsstuk wordt gebonden aan de sleutel van diens wallet voor jouw organisatie.',
  'desk.issue.subject': 'Uitgeven aan',
  'desk.issue.type': 'Bewijsstuk',
  'desk.issue.advanced': 'Geavanceerde opties',
  'desk.issue.decoys': 'Lokdigests',
  'desk.issue.decoysHint':
    'Verbergt hoeveel gegevens het bewijsstuk bevat. Elke lokdigest maakt het bewijsstuk en elke presentatie ervan ongeveer 45 tekens langer.',
  'desk.issue.submit': 'Ondertekenen en uitgeven',
  'desk.issue.invalidClaims': 'Sommige velden kloppen niet. Er is niets uitgegeven.',
  'desk.issue.listFull': 'De statuslijst is vol. Er is niets uitgegeven.',
  'desk.issue.unknownSubject': 'Deze persoon staat niet meer in het register.',
  'desk.issue.done': '{type} uitgegeven aan {name}',
  'desk.issue.handOver':
    'Laat de persoon deze code met de wallet scannen, of stuur het bestand of de link. Het bewijsstuk werkt alleen in diens wallet.',
  'desk.issue.qrLabel': 'Aanbod van een bewijsstuk voor {name}',
  'desk.issue.download': 'Als bestand downloaden',
  'desk.issue.copyLink': 'Link kopiëren',
  'desk.issue.link': 'Link',
  'desk.issue.text': 'Aanbod als tekst',
  'desk.issue.another': 'Nog een bewijsstuk uitgeven',
  'desk.issued.title': 'Uitgegeven bewijsstukken',
  'desk.issued.empty': 'Nog niets uitgegeven.',
  'desk.issued.summary': 'Samenvatting',
  'desk.issued.issuedAt': 'Uitgegeven op',
  'desk.issued.status': 'Status',
  'desk.revoke.button': 'Intrekken…',
  'desk.revoke.buttonFor': 'Het bewijsstuk van {name} ({summary}) intrekken',
  'desk.revoke.confirmTitle': 'Het bewijsstuk van {name} intrekken?',
  'desk.revoke.body':
    'Intrekken kan niet ongedaan worden gemaakt. Het geldt voor wallets en controleurs zodra je de statuslijst opnieuw publiceert.',
  'desk.revoke.reason': 'Reden (wordt in het logboek van de balie bewaard)',
  'desk.revoke.confirm': 'Intrekken',
  'desk.revoke.reasonMissing': 'Geef een reden op voor het logboek.',
  'desk.revoke.failed': 'Dit bewijsstuk kon niet worden ingetrokken.',
  'desk.revoke.done':
    'Het bewijsstuk van {name} is ingetrokken. Publiceer de statuslijst om het bekend te maken.',
  'desk.publish.title': 'De statuslijst publiceren',
  'desk.publish.intro':
    'De ondertekende lijst omvat elk bewijsstuk dat deze balie uitgaf (minstens 100.000 plaatsen, zodat niemand leert wie er gecontroleerd werd). Zet het bestand op het adres van de statuslijst.',
  'desk.publish.button': 'Statuslijst ondertekenen',
  'desk.publish.done': 'Ondertekend. Zet dit bestand op {uri}.',
  'desk.publish.download': 'Statuslijst downloaden',
  'desk.publish.jwt': 'Statuslijst (statuslist+jwt)',
  'desk.settings.profile': 'Profiel van de uitgever',
  'desk.settings.did': 'Identificatie van de uitgever (DID)',
  'desk.export.title': 'Het sleutelbestand exporteren',
  'desk.export.intro':
    'Een reservekopie van de sleutel en het profiel van de uitgever, versleuteld met een wachtzin. Wie het bestand en de wachtzin heeft, kan ondertekenen namens je organisatie.',
  'desk.export.passphrase': 'Wachtzin voor het sleutelbestand',
  'desk.export.hint': 'Minstens 10 tekens. Hij kan niet worden achterhaald.',
  'desk.export.repeat': 'Herhaal de wachtzin',
  'desk.export.submit': 'Sleutelbestand exporteren',
  'desk.export.weak': 'Gebruik een wachtzin van minstens 10 tekens.',
  'desk.export.done': 'Het sleutelbestand is gedownload. Bewaar het en de wachtzin apart.',
  'desk.erase.title': 'De balie wissen',
  'desk.erase.body':
    'Dit verwijdert de sleutel van de uitgever, het register en het logboek uit deze browser. Zonder geëxporteerd sleutelbestand kunnen al uitgegeven bewijsstukken niet meer worden ingetrokken.',
  'desk.erase.button': 'De balie wissen…',
  'desk.erase.confirmTitle': 'De uitgiftebalie wissen?',

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
  'unlock.device': 'Ontgrendel met dit toestel (vingerafdruk/gezicht)',
  'unlock.deviceWorking': 'Wachten op je toestel…',
  'unlock.device.cancelled':
    'Ontgrendelen met dit toestel is afgebroken of duurde te lang. Probeer opnieuw, of gebruik je toegangscode.',
  'unlock.device.rejected':
    'Dit toestel kon de wallet niet openen. Gebruik je toegangscode; in Instellingen kun je ontgrendelen met dit toestel opnieuw aanzetten.',
  'unlock.device.noPrf':
    'Dit toestel kan de wallet niet meer ontgrendelen. Gebruik je toegangscode.',
  'unlock.device.failed':
    'Het toestel antwoordde niet. Probeer opnieuw, of gebruik je toegangscode.',
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

  'home.receive': 'Bewijsstuk ontvangen',
  'home.connect': 'Verbinden met een uitgever',
  'home.incomeChart': 'Netto-inkomen per maand',
  'home.incomeChart.month': 'Maand',
  'home.incomeChart.net': 'Netto-inkomen',

  'credential.state.valid': 'Geldig',
  'credential.state.expired': 'Verlopen',
  'credential.state.revoked': 'Ingetrokken',
  'credential.state.unknown': 'Nog niet gecontroleerd',
  'credential.missing': 'Dit bewijsstuk staat niet meer in je wallet.',
  'credential.claims': 'Wat erin staat',
  'credential.about': 'Over dit bewijsstuk',
  'credential.issuer': 'Uitgegeven door',
  'credential.issuedAt': 'Uitgegeven op',
  'credential.expiresAt': 'Geldig tot',
  'credential.receivedAt': 'Ontvangen op',
  'credential.yourName': 'Jouw naam voor deze uitgever',
  'credential.card.yourName': 'Jouw naam: {label}',
  'credential.status.title': 'Status',
  'credential.status.lastChecked': 'Laatst gecontroleerd {when}.',
  'credential.status.never':
    'Nog niet gecontroleerd. Vouch controleert alleen als je deze kaart opent of erom vraagt.',
  'credential.status.checkNow': 'Nu controleren',
  'credential.status.openFile': 'Lijst van de uitgever als bestand openen',
  'credential.status.checking': 'Bezig met controleren…',
  'credential.status.privacy':
    'Bij controleren wordt de hele lijst van de uitgever opgehaald, met veel mensen erop, zodat de uitgever niet ziet welk bewijsstuk je controleerde.',
  'credential.status.none': 'Dit bewijsstuk kan niet worden ingetrokken.',
  'credential.status.unreachable':
    'De lijst van de uitgever was niet bereikbaar. Er is niets veranderd; probeer het later opnieuw of open de lijst als bestand.',
  'credential.status.notAllowed':
    'Deze wallet mag het adres van de statuslijst niet benaderen, dus er is niets opgehaald. Open de lijst als bestand.',
  'credential.status.invalidList':
    'Dat is geen geldige lijst van de uitgever van dit bewijsstuk. Er is niets veranderd.',
  'credential.delete.title': 'Verwijderen',
  'credential.delete.button': 'Dit bewijsstuk verwijderen…',
  'credential.delete.confirmTitle': 'Dit bewijsstuk verwijderen?',
  'credential.delete.confirmBody':
    'De {type} van {issuer} wordt uit deze wallet verwijderd. Alleen de uitgever kan je het opnieuw geven.',
  'credential.delete.confirm': 'Verwijderen',

  'connect.title': 'Verbinden met een uitgever',
  'connect.intro':
    'Je werkgever, arts, universiteit of gemeente heeft eenmalig een code van je nodig voordat ze iets aan je wallet kunnen uitgeven. Elke uitgever krijgt een andere code voor jou, zodat ze je niet aan elkaar kunnen koppelen.',
  'connect.issuerName': 'Naam van de uitgever',
  'connect.issuerNameHint':
    'Bijvoorbeeld je werkgever. De uitgever ziet deze naam en je wallet onthoudt hem.',
  'connect.create': 'Verbindingscode maken',
  'connect.badName': 'Vul de naam van de uitgever in (hoogstens 200 tekens).',
  'connect.codeTitle': 'Verbindingscode voor {issuer}',
  'connect.codeIntro':
    'Laat de uitgever deze code scannen, of stuur de tekst hieronder. Hij is 10 minuten geldig.',
  'connect.codeLabel': 'Verbindingscode voor {issuer}',
  'connect.codeText': 'Verbindingscode als tekst',
  'connect.copy': 'Tekst kopiëren',
  'connect.copied': 'Gekopieerd.',
  'connect.existing': 'Uitgevers waarmee je verbonden bent',

  'receive.title': 'Bewijsstuk ontvangen',
  'receive.intro':
    'Scan de code die de uitgever toont, upload er een foto van, plak hem, of open het bestand dat je kreeg.',
  'receive.checking': 'Het bewijsstuk wordt gecontroleerd…',
  'receive.nothingStored': 'Er is niets opgeslagen.',
  'receive.fileTitle': 'Uit een bestand',
  'receive.openFile': 'Een .vouch-bestand openen',
  'receive.types': 'Vouch aanvaardt: {types}.',
  'receive.refused.malformed': 'Dit is geen leesbaar aanbod van een bewijsstuk.',
  'receive.refused.unknownRelationship':
    'Dit bewijsstuk is voor een verbinding die deze wallet niet kent. Verbind eerst vanuit deze wallet met de uitgever.',
  'receive.refused.invalid':
    'De handtekening van de uitgever op dit bewijsstuk is niet geldig, of het bewijsstuk is gewijzigd.',
  'receive.refused.notBound': 'Dit bewijsstuk is niet gebonden aan een sleutel van deze wallet.',
  'receive.refused.unknownType': 'Dit soort bewijsstuk wordt niet ondersteund.',
  'receive.refused.invalidClaims': 'De inhoud van het bewijsstuk past niet bij zijn soort.',
  'receive.refused.alreadyStored': 'Dit bewijsstuk staat al in je wallet.',
  'receive.refused.notACode': 'Dit is geen Vouch-code.',
  'receive.refused.notAnOffer': 'Deze code is geen aanbod van een bewijsstuk.',
  'receive.refused.tooLarge': 'Dit bestand is te groot voor een bewijsstuk.',
  'receive.refused.issuerChanged':
    'Dit bewijsstuk komt van een andere uitgever dan de eerdere via deze verbinding.',
  'receive.issuerChanged.title': 'Let op: een andere uitgever',
  'receive.issuerChanged.body':
    'Tot nu toe kwam wat je via “{relationship}” ontving van één uitgever. Dit bewijsstuk is ondertekend door een andere.',
  'receive.issuerChanged.pinned': 'Uitgever tot nu toe',
  'receive.issuerChanged.offered': 'Uitgever van dit bewijsstuk',
  'receive.issuerChanged.statedName': 'In het bewijsstuk noemt die zich “{name}”.',
  'receive.issuerChanged.advice':
    'Weiger het, tenzij de uitgever je liet weten dat er iets veranderd is. Iemand kan zich voordoen als jouw uitgever.',
  'receive.issuerChanged.refuse': 'Dit bewijsstuk weigeren',
  'receive.issuerChanged.trust': 'Ik vertrouw deze nieuwe uitgever',
  'receive.issuerChanged.refused': 'Geweigerd. Er is niets opgeslagen.',

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
  'settings.device.title': 'Ontgrendelen met dit toestel',
  'settings.device.intro':
    'Open je wallet met je vingerafdruk, gezicht of schermvergrendeling in plaats van je toegangscode te typen. Een sleutel in de beveiligingschip van het toestel vergrendelt je wallet dan ook; je toegangscode blijft werken.',
  'settings.device.passcode': 'Je toegangscode, ter bevestiging',
  'settings.device.enable': 'Ontgrendel met dit toestel (vingerafdruk/gezicht)',
  'settings.device.working': 'Volg de vraag op je toestel…',
  'settings.device.on': 'Ontgrendelen met dit toestel staat aan. Je toegangscode werkt ook.',
  'settings.device.enabled': 'Klaar: voortaan kun je ontgrendelen met dit toestel.',
  'settings.device.disable': 'Zet ontgrendelen met dit toestel uit',
  'settings.device.disabled':
    'Ontgrendelen met dit toestel staat uit. Alleen je toegangscode opent de wallet.',
  'settings.device.wrong': 'Die toegangscode klopt niet. Er is niets veranderd.',
  'settings.device.noWebauthn':
    'Deze browser kan niet ontgrendelen met vingerafdruk of gezicht. Gebruik gewoon je toegangscode.',
  'settings.device.noAuthenticator':
    'Dit toestel heeft geen vingerafdruk, gezichtsherkenning of schermvergrendeling die de browser kan gebruiken. Gebruik gewoon je toegangscode.',
  'settings.device.noPrf':
    'Dit toestel of deze browser kan geen sleutel voor Vouch bewaren (de WebAuthn-uitbreiding “PRF” ontbreekt), dus ontgrendelen met dit toestel kan hier niet. Gebruik gewoon je toegangscode.',
  'settings.device.cancelled': 'Afgebroken of te lang gewacht. Er is niets veranderd.',
  'settings.device.failed': 'Het toestel antwoordde niet. Er is niets veranderd.',
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

  'qr.frameOf': 'Beeld {i} van {n}',
  'qr.animatedHint':
    'Deze code bestaat uit {n} delen die elkaar afwisselen. Houd de camera erop tot alle delen gelezen zijn.',
  'qr.play': 'Animatie afspelen',
  'qr.pause': 'Animatie pauzeren',
  'qr.previous': 'Vorig beeld',
  'qr.next': 'Volgend beeld',
  'qr.preparing': 'De code wordt klaargemaakt…',
  'qr.drawFailed': 'Deze code kon niet worden getekend. Gebruik de tekstversie.',
  'qr.download': 'Downloaden als afbeelding',
  'qr.scanner.label': 'Code scannen',
  'qr.scanner.intro': 'Scan de code met je camera, upload er een foto van of plak hem als tekst.',
  'qr.camera.start': 'Scannen met camera',
  'qr.camera.stop': 'Camera stoppen',
  'qr.camera.view': 'Camerabeeld',
  'qr.camera.starting': 'De camera wordt gestart…',
  'qr.camera.aim': 'Richt de camera op de code en houd hem stil, met de hele code in beeld.',
  'qr.camera.stopped': 'De camera is gestopt.',
  'qr.camera.insecure-context':
    'De camera werkt alleen op een beveiligde (https-)pagina. Upload een foto van de code of plak de tekst.',
  'qr.camera.unsupported':
    'Deze browser kan geen camera gebruiken. Upload een foto van de code of plak de tekst.',
  'qr.camera.permission-denied':
    'Vouch mag de camera niet gebruiken. Sta cameratoegang toe in de website-instellingen van je browser, of upload een foto van de code of plak de tekst.',
  'qr.camera.no-camera':
    'Er is geen camera gevonden op dit toestel. Upload een foto van de code of plak de tekst.',
  'qr.camera.camera-busy':
    'De camera wordt door een andere app gebruikt of kon niet starten. Sluit de andere app en probeer het opnieuw.',
  'qr.camera.scanner-unavailable':
    'De codelezer kon niet worden geladen. Maak één keer verbinding met internet en probeer het opnieuw.',
  'qr.camera.camera-failed':
    'De camera kon niet starten. Probeer het opnieuw, of upload een foto van de code of plak de tekst.',
  'qr.progress': '{received} van {expected} delen gelezen. Houd de camera op de code.',
  'qr.progressLabel': 'Gelezen delen',
  'qr.done': 'Code gelezen.',
  'qr.upload.label': 'Foto van de code uploaden',
  'qr.upload.reading': 'De foto wordt gelezen…',
  'qr.upload.unreadable-image': 'Dat bestand is geen afbeelding die deze browser kan openen.',
  'qr.upload.no-code-found':
    'Er is geen code gevonden op die foto. Gebruik een scherpe foto met de hele code erop.',
  'qr.upload.scanner-unavailable':
    'De codelezer kon niet worden geladen. Maak één keer verbinding met internet en probeer het opnieuw.',
  'qr.paste.label': 'Code als tekst plakken',
  'qr.paste.submit': 'Tekst lezen',
  'qr.paste.empty': 'Plak eerst de tekst van de code.',
  'qr.problem.not-vouch': 'Dit is geen Vouch-code.',
  'qr.problem.unsupported-version':
    'Deze code is gemaakt met een nieuwere versie van Vouch. Werk deze app bij en probeer het opnieuw.',
  'qr.problem.corrupt': 'Deze code is beschadigd of onvolledig. Probeer het opnieuw.',
  'qr.problem.too-large': 'Deze code bevat meer gegevens dan Vouch aanvaardt.',
  'qr.problem.wrong-kind': 'Deze code kan hier niet worden gebruikt.',
  'qr.expected.offer': 'Deze code is geen aanbod van een bewijsstuk.',
  'qr.expected.connect': 'Deze code is geen verbindingsverzoek van een wallet.',
  'qr.expected.request': 'Deze code is geen verzoek van een controleur.',
  'qr.expected.response': 'Deze code is geen antwoord van een wallet.',
  'qr.expected.status-list': 'Deze code is geen intrekkingslijst.',
  'qr.is.offer': 'Het is een aanbod van een bewijsstuk, om te scannen met een wallet.',
  'qr.is.connect':
    'Het is een verbindingsverzoek van een wallet, om te scannen aan een uitgiftebalie.',
  'qr.is.request': 'Het is een verzoek van een controleur, om te scannen met een wallet.',
  'qr.is.response': 'Het is een antwoord van een wallet, om te scannen door de controleur.',
  'qr.is.status-list': 'Het is een intrekkingslijst, om te scannen door een controleur.',
  // issue 10: issuer
  'desk.issue.format': 'Formaat',
  'desk.issue.format.sdJwt': 'SD-JWT VC (selectief tonen, aanbevolen)',
  'desk.issue.format.w3c': 'W3C VC-JWT (zoals Europass, elk veld zichtbaar)',
  'desk.issue.format.w3cHint':
    'Een W3C VC-JWT kent geen selectief tonen: wie het bewijsstuk te zien krijgt, ziet elk veld.',
  'desk.issued.format': 'Formaat',
  'desk.issued.format.dc+sd-jwt': 'SD-JWT VC',
  'desk.issued.format.jwt_vc_json': 'W3C VC-JWT',
  'desk.publish.w3cDone':
    'Ook ondertekend als W3C Bitstring Status List-bewijsstuk, voor W3C VC-JWT’s. Zet dat bestand op {uri}.',
  'desk.publish.w3cDownload': 'W3C-statuslijst downloaden',
  'desk.publish.w3cJwt': 'Statuslijst (W3C BitstringStatusListCredential)',
};
