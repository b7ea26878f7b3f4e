/** English strings of the wallet's online flows (OpenID4VCI offers, OpenID4VP requests); nl and fr are typed against this file. */
export const onlineEn = {
  'online.contact.title': 'Contact {host}?',
  'online.contact.offer':
    'This code asks your wallet to fetch a credential offer from {host}. Nothing leaves your wallet until you continue.',
  'online.contact.request':
    'This code asks your wallet to fetch a verifier’s request from {host}. {host} will see that a wallet asked. Nothing is shared until you consent.',
  'online.contact.unknownHost': 'the server named in the code',
  'online.contact.go': 'Contact',
  'online.contact.cancel': 'Cancel',
  'online.contacting': 'Contacting {host}…',
  'online.badAddress': 'The code names an address that is not a web address. Nothing was sent.',
  'online.insecure':
    '{host} does not use a secure connection (https), so your wallet will not contact it. Nothing was sent.',
  'online.notAllowed':
    'This wallet may not contact {host}: it was built to talk only to the servers its operator allowed. Nothing was sent. Ask for the offline code (a QR code or a file) instead.',
  'online.tooLarge': 'The answer from {host} is too large to be genuine. Nothing was stored.',
  'online.offline':
    'Your wallet could not reach {host}. Check your connection and try again; nothing was lost.',

  'online.offer.title': 'Credential offer',
  'online.offer.from': 'From',
  'online.offer.what': 'Credential',
  'online.offer.issuerAddress': 'Issuer address',
  'online.offer.nameUnverified':
    'The name is the one the issuer gives itself. Check the address if you did not expect this offer.',
  'online.offer.txCode': 'Transaction code',
  'online.offer.txCodeHint':
    'The issuer sent you this code separately (by letter, e-mail or text).',
  'online.offer.txCodeLength':
    'The issuer sent you this code separately; it has {length} characters.',
  'online.offer.accept': 'Accept and save',
  'online.offer.decline': 'Decline',
  'online.offer.receiving': 'Receiving your credential from {issuer}…',
  'online.offer.open': 'Show the card',
  'online.offer.home': 'Back to my wallet',
  'online.offer.expired':
    'This offer is no longer valid (used already or expired). Ask the issuer for a new one.',
  'online.offer.txCodeRequired': 'Type the transaction code the issuer sent you.',
  'online.offer.txCodeWrong':
    'The issuer did not accept this transaction code. Check it and try again; nothing was lost.',
  'online.offer.issuerError':
    'The issuer’s server answered with an error. Nothing was stored; try again later.',
  'online.offer.badOffer': 'This credential offer is not valid. Nothing was stored.',
  'online.offer.badMetadata':
    'The issuer’s server does not describe itself correctly, so your wallet cannot use it. Nothing was stored.',
  'online.offer.unsupported':
    'This offer asks for something Vouch cannot receive. Nothing was stored.',
  'online.offer.badCredential':
    'The issuer sent a credential that did not pass the checks. Nothing was stored.',

  'online.copies.get': 'Get new copies',
  'online.copies.getting': 'Asking the issuer for new copies…',
  'online.copies.got': '{count} new copies saved on this card.',
  'online.copies.explain':
    'Your wallet shows each verifier a different copy, so verifiers cannot link your visits. The issuer sees that you ask for new copies, not where you use them.',
  'online.copies.refused':
    'The issuer no longer renews this credential (it was revoked, or renewal expired). Ask the issuer for a new credential.',

  'online.request.unreachable':
    'Your wallet could not fetch the verifier’s request. Check your connection, or ask the verifier for a new code.',
  'online.verifier.unverifiedName':
    '“{verifier}” is the name the verifier gives itself; it is not verified.',
  'online.verifier.notOnTrustList':
    'The request is signed by the identifier below, but no list your wallet trusts says who that is.',
  'online.verifier.redirectUri':
    'Not verified: this request is not signed. Anyone can send it; it only says it answers to {host}.',
  'online.answer.sending': 'Sending your answer to {verifier}…',
  'online.answer.sent': 'Sent to {verifier}',
  'online.answer.sentBody': 'Your answer was delivered. It is in your history.',
  'online.answer.redirecting': 'Sent to {verifier}. Taking you back to {verifier}…',
  'online.answer.rejected':
    '{verifier} did not accept the answer. Ask the verifier for a new request.',
  'online.answer.unreachable':
    'Your wallet could not reach {verifier} to deliver the answer. Check your connection and try again.',

  'settings.handler.title': 'Open links in this wallet',
  'settings.handler.intro':
    'Let this browser open credential offers and verifier requests (web+vouch: links) in this wallet.',
  'settings.handler.register': 'Open web+vouch: links here',
  'settings.handler.done':
    'The browser will ask you to confirm. After that, web+vouch: links open in this wallet.',
  'settings.handler.unsupported':
    'This browser does not let a web page open links of its own kind.',
} as const;
