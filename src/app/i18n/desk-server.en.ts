/** English strings of the desks' `vouch serve` connection (issue 9 item 2); nl and fr are typed against this file. */
export const deskServerEn = {
  'deskServer.title': 'Server',
  'deskServer.intro':
    'Connect this desk to your organisation’s Vouch server (vouch serve) to hand out offers and requests online. Without a server the desk works offline, with QR codes.',
  'deskServer.none': 'No server: this desk works offline.',
  'deskServer.current': 'Server: {url}',
  'deskServer.url': 'Server address',
  'deskServer.urlHint': 'For example https://vouch.example.org',
  'deskServer.token': 'Admin token',
  'deskServer.tokenHint':
    'Printed by vouch serve at its first start (or its VOUCH_ADMIN_TOKEN). Kept encrypted on this desk.',
  'deskServer.tokenKeep': 'Leave empty to keep the saved token.',
  'deskServer.save': 'Save server',
  'deskServer.saved': 'The server is saved.',
  'deskServer.test': 'Test connection',
  'deskServer.testing': 'Contacting the server…',
  'deskServer.answers': 'The server answers.',
  'deskServer.forget': 'Forget the server',
  'deskServer.forgotten': 'The server is forgotten: the desk works offline.',
  'deskServer.invalidUrl':
    'Enter an https address (or http://localhost for a server on this computer), without ? or #.',
  'deskServer.invalidToken': 'Enter the admin token (no spaces).',
  'deskServer.issuer': 'Server’s issuer',
  'deskServer.verifier': 'Server’s verifier',
  'deskServer.statusList': 'Server’s status list',
  'deskServer.noKey': 'none',
  'deskServer.issuerDiffers':
    'The server signs with another key than this desk ({did}). Credentials issued through the server carry the server’s signature, so verifiers must trust that key too; this desk’s status list cannot be hosted there.',
  'deskServer.issuerSame':
    'The server signs with this desk’s key: new credentials point at the status list the server hosts.',
  'deskServer.hostedList': 'Status list at the server (new credentials point here)',
  'deskServer.problem.bad-url': 'The server address is not valid.',
  'deskServer.problem.origin-not-allowed':
    'This desk may not contact that address: it must be among the addresses this build allows (VOUCH_CONNECT_SRC).',
  'deskServer.problem.insecure': 'Plain http is only allowed to this computer. Use https.',
  'deskServer.problem.unreachable':
    'The server did not answer. Check the address, that it is running, and that it allows this desk (--admin-origin).',
  'deskServer.problem.unauthorized': 'The server refused the admin token.',
  'deskServer.problem.not-found': 'The server does not know this (it may have expired).',
  'deskServer.problem.rejected': 'The server refused what the desk sent.',
  'deskServer.problem.server-error': 'The server had a problem. Try again later.',
  'deskServer.problem.malformed-answer': 'The server’s answer was not understood.',
  'deskServer.problem.not-configured': 'No server is set up: see Settings.',

  'deskServer.issue.delivery': 'How to deliver',
  'deskServer.issue.online': 'Online offer through the server (the wallet fetches the credential)',
  'deskServer.issue.offline':
    'Offline: a QR code with the credential, for a person in the register',
  'deskServer.issue.txCode': 'Ask for a transaction code',
  'deskServer.issue.txCodeHint':
    'The wallet then asks the citizen for a code that you tell them separately (by phone, on paper).',
  'deskServer.issue.submit': 'Make the online offer',
  'deskServer.issue.offered': '{type}: online offer ready',
  'deskServer.issue.handOver':
    'Let the citizen scan this code with their wallet, or send them the link. The server issues the credential, signed with its key, when the wallet asks for it.',
  'deskServer.issue.qrLabel': 'Online credential offer: {type}',
  'deskServer.issue.link': 'Offer link',
  'deskServer.issue.copyLink': 'Copy the offer link',
  'deskServer.issue.txCodeIs': 'Transaction code to tell the citizen',
  'deskServer.issue.noSubjects':
    'Nobody is in the register yet: offline delivery needs a person in the register; an online offer does not.',

  'deskServer.publish.done': 'The status list is published at the server: {uri}',
  'deskServer.publish.failed': 'The status list could not be published at the server.',
  'deskServer.revoke.title': 'Revoke a credential the server issued',
  'deskServer.revoke.intro':
    'Credentials issued through the server are on the server’s own status list. Revoke one by its status index; the list the server hosts changes at once.',
  'deskServer.revoke.index': 'Status index',
  'deskServer.revoke.submit': 'Revoke at the server',
  'deskServer.revoke.invalid': 'Enter the status index: a whole number.',
  'deskServer.revoke.done': 'Index {index} is revoked in {list}.',

  'deskServer.request.online': 'Online through the server (openid4vp)',
  'deskServer.request.offline': 'Offline: a QR code the wallet answers with a QR code',
  'deskServer.request.delivery': 'How to ask',
  'deskServer.request.handOver':
    'Let the citizen scan this code with their wallet. The answer arrives here by itself.',
  'deskServer.request.qrLabel': 'Online request: {purpose}',
  'deskServer.request.link': 'Link for a wallet on this device',
  'deskServer.request.openHere': 'Open in the wallet on this device',
  'deskServer.request.waiting': 'Waiting for the citizen’s answer…',
  'deskServer.request.paused':
    'Waiting is paused while this page is hidden; it resumes when you return.',
  'deskServer.request.expired': 'The request expired without an answer. Make a new request.',
  'deskServer.request.stopped': 'The desk stopped waiting for the answer.',
} as const;
