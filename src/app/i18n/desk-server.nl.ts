import type { deskServerEn } from './desk-server.en.ts';

/** Dutch strings of the desks' `vouch serve` connection. */
export const deskServerNl: Record<keyof typeof deskServerEn, string> = {
  'deskServer.title': 'Server',
  'deskServer.intro':
    'Verbind deze balie met de Vouch-server van je organisatie (vouch serve) om aanbiedingen en verzoeken online te geven. Zonder server werkt de balie offline, met QR-codes.',
  'deskServer.none': 'Geen server: deze balie werkt offline.',
  'deskServer.current': 'Server: {url}',
  'deskServer.url': 'Serveradres',
  'deskServer.urlHint': 'Bijvoorbeeld https://vouch.example.org',
  'deskServer.token': 'Beheertoken',
  'deskServer.tokenHint':
    'Getoond door vouch serve bij de eerste start (of zijn VOUCH_ADMIN_TOKEN). Versleuteld bewaard op deze balie.',
  'deskServer.tokenKeep': 'Laat leeg om het bewaarde token te houden.',
  'deskServer.save': 'Server bewaren',
  'deskServer.saved': 'De server is bewaard.',
  'deskServer.test': 'Verbinding testen',
  'deskServer.testing': 'Server wordt gecontacteerd…',
  'deskServer.answers': 'De server antwoordt.',
  'deskServer.forget': 'Server vergeten',
  'deskServer.forgotten': 'De server is vergeten: de balie werkt offline.',
  'deskServer.invalidUrl':
    'Geef een https-adres (of http://localhost voor een server op deze computer), zonder ? of #.',
  'deskServer.invalidToken': 'Geef het beheertoken (zonder spaties).',
  'deskServer.issuer': 'Uitgever van de server',
  'deskServer.verifier': 'Verificateur van de server',
  'deskServer.statusList': 'Statuslijst van de server',
  'deskServer.noKey': 'geen',
  'deskServer.issuerDiffers':
    'De server tekent met een andere sleutel dan deze balie ({did}). Credentials die via de server worden uitgegeven dragen de handtekening van de server, dus verificateurs moeten ook die sleutel vertrouwen; de statuslijst van deze balie kan daar niet gehost worden.',
  'deskServer.issuerSame':
    'De server tekent met de sleutel van deze balie: nieuwe credentials verwijzen naar de statuslijst die de server host.',
  'deskServer.hostedList': 'Statuslijst op de server (nieuwe credentials verwijzen hiernaar)',
  'deskServer.problem.bad-url': 'Het serveradres is niet geldig.',
  'deskServer.problem.origin-not-allowed':
    'Deze balie mag dat adres niet contacteren: het moet bij de adressen horen die deze build toestaat (VOUCH_CONNECT_SRC).',
  'deskServer.problem.insecure': 'Gewoon http mag alleen naar deze computer. Gebruik https.',
  'deskServer.problem.unreachable':
    'De server antwoordde niet. Controleer het adres, of hij draait, en of hij deze balie toelaat (--admin-origin).',
  'deskServer.problem.unauthorized': 'De server weigerde het beheertoken.',
  'deskServer.problem.not-found': 'De server kent dit niet (misschien is het verlopen).',
  'deskServer.problem.rejected': 'De server weigerde wat de balie stuurde.',
  'deskServer.problem.server-error': 'De server had een probleem. Probeer het later opnieuw.',
  'deskServer.problem.malformed-answer': 'Het antwoord van de server werd niet begrepen.',
  'deskServer.problem.not-configured': 'Er is geen server ingesteld: zie Instellingen.',

  'deskServer.issue.delivery': 'Hoe overhandigen',
  'deskServer.issue.online': 'Online aanbod via de server (de wallet haalt de credential op)',
  'deskServer.issue.offline':
    'Offline: een QR-code met de credential, voor een persoon in het register',
  'deskServer.issue.txCode': 'Om een transactiecode vragen',
  'deskServer.issue.txCodeHint':
    'De wallet vraagt de burger dan om een code die je apart meedeelt (telefonisch, op papier).',
  'deskServer.issue.submit': 'Online aanbod maken',
  'deskServer.issue.offered': '{type}: online aanbod klaar',
  'deskServer.issue.handOver':
    'Laat de burger deze code scannen met de wallet, of stuur de link. De server geeft de credential uit, getekend met zijn sleutel, wanneer de wallet erom vraagt.',
  'deskServer.issue.qrLabel': 'Online aanbod van een credential: {type}',
  'deskServer.issue.link': 'Link naar het aanbod',
  'deskServer.issue.copyLink': 'Link naar het aanbod kopiëren',
  'deskServer.issue.txCodeIs': 'Transactiecode om aan de burger te zeggen',
  'deskServer.issue.noSubjects':
    'Er staat nog niemand in het register: offline overhandigen vraagt een persoon in het register, een online aanbod niet.',

  'deskServer.publish.done': 'De statuslijst is gepubliceerd op de server: {uri}',
  'deskServer.publish.failed': 'De statuslijst kon niet op de server gepubliceerd worden.',
  'deskServer.revoke.title': 'Een credential intrekken die de server uitgaf',
  'deskServer.revoke.intro':
    'Credentials die via de server zijn uitgegeven staan op de eigen statuslijst van de server. Trek er een in met zijn statusindex; de lijst die de server host verandert meteen.',
  'deskServer.revoke.index': 'Statusindex',
  'deskServer.revoke.submit': 'Intrekken op de server',
  'deskServer.revoke.invalid': 'Geef de statusindex: een geheel getal.',
  'deskServer.revoke.done': 'Index {index} is ingetrokken in {list}.',

  'deskServer.request.online': 'Online via de server (openid4vp)',
  'deskServer.request.offline': 'Offline: een QR-code die de wallet met een QR-code beantwoordt',
  'deskServer.request.delivery': 'Hoe vragen',
  'deskServer.request.handOver':
    'Laat de burger deze code scannen met de wallet. Het antwoord komt hier vanzelf binnen.',
  'deskServer.request.qrLabel': 'Online verzoek: {purpose}',
  'deskServer.request.link': 'Link voor een wallet op dit toestel',
  'deskServer.request.openHere': 'Openen in de wallet op dit toestel',
  'deskServer.request.waiting': 'Wachten op het antwoord van de burger…',
  'deskServer.request.paused':
    'Het wachten is gepauzeerd zolang deze pagina verborgen is; het gaat verder wanneer je terugkomt.',
  'deskServer.request.expired': 'Het verzoek is verlopen zonder antwoord. Maak een nieuw verzoek.',
  'deskServer.request.stopped': 'De balie wacht niet meer op het antwoord.',
};
