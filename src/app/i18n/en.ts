import { benefitsEn } from './benefits.en.ts';
import { onlineEn } from './online.en.ts';
import { presentEn } from './present.en.ts';
import { verifierEn } from './verifier.en.ts';
import { deskServerEn } from './desk-server.en.ts';
import { shellEn } from './shell.en.ts';
import { cardsEn } from './cards.en.ts';
import { consentEn } from './consent.en.ts';
import { applicationsEn } from './applications.en.ts';
import { issuerDeskEn } from './issuer-desk.en.ts';
import { receiptsEn } from './receipts.en.ts';
import { backupEn } from './backup.en.ts';

/** English strings. The other languages are typed against this file, so a missing key fails to compile. */
const baseEn = {
  'app.name': 'Vouch',
  'app.tagline': 'Your credentials, on your device, shown only as far as needed.',
  'app.loading': 'Loading…',
  'app.crashed.title': 'Something went wrong',
  'app.crashed.body': 'The screen could not be shown. Your wallet data is safe on this device.',
  'app.crashed.reload': 'Reload',
  'app.offlineReady': 'Vouch now also works without a connection.',
  'app.update.label': 'Update',
  'app.update.available': 'A new version of Vouch is available.',
  'app.update.reload': 'Reload',
  'app.update.reloading': 'Reloading…',

  'nav.label': 'Roles',
  'nav.wallet': 'Wallet',
  'nav.issuer': 'Issuer desk',
  'nav.verifier': 'Verifier',
  'language.label': 'Language',

  'issuer.title': 'Issuer desk',
  'issuer.empty':
    'Employers, doctors, universities and municipalities will issue credentials here. This desk is not available yet.',
  'verifier.title': 'Verifier',
  'verifier.empty':
    'Benefit agencies and employers will check presentations here, offline. The verifier is not available yet.',

  'desk.sections': 'Desk sections',
  'desk.tab.register': 'Register',
  'desk.tab.issue': 'Issue',
  'desk.tab.issued': 'Issued and revocation',
  'desk.tab.settings': 'Desk settings',
  'desk.kind.employer': 'Employer',
  'desk.kind.pulmonologist': 'Pulmonologist',
  'desk.kind.university': 'University',
  'desk.kind.municipality': 'Municipality',
  'desk.locked.title': 'Issuer desk locked',
  'desk.setup.title': 'Set up the issuer desk',
  'desk.setup.intro':
    'The desk signs credentials with your organisation’s own key. The key stays in this browser, encrypted under the desk passcode; export it as a key file to keep a backup.',
  'desk.setup.name': 'Organisation name',
  'desk.setup.kind': 'Kind of issuer',
  'desk.setup.registration': 'Registration number',
  'desk.setup.registrationHint': 'KvK or KBO for employers, BIG for physicians, BRIN for schools.',
  'desk.setup.alg': 'Signature algorithm',
  'desk.setup.algHint':
    'ES256 is what European verifiers expect and the fastest here; EdDSA and ES256K are also accepted by Vouch verifiers.',
  'desk.setup.statusUri': 'Status list address',
  'desk.setup.statusUriHint':
    'The https address where you will publish your revocation list. Wallets and verifiers fetch it from there.',
  'desk.setup.passcodeTitle': 'Desk passcode',
  'desk.setup.passcode': 'Desk passcode',
  'desk.setup.passcodeRepeat': 'Repeat desk passcode',
  'desk.setup.submit': 'Set up the desk',
  'desk.setup.invalidProfile': 'Enter the organisation’s name.',
  'desk.setup.invalidStatusUri': 'The status list address must be an https address.',
  'desk.import.title': 'Use an existing key file instead',
  'desk.import.file': 'Key file',
  'desk.import.passphrase': 'Key file passphrase',
  'desk.import.submit': 'Read the key file',
  'desk.import.noFile': 'Choose a key file.',
  'desk.import.malformed': 'This is not a Vouch issuer key file.',
  'desk.import.wrongPassphrase': 'The passphrase does not open this key file. Nothing was changed.',
  'desk.import.done': 'Key file read: {did}. Finish the setup below.',
  'desk.register.title': 'Register',
  'desk.register.empty':
    'Nobody is registered yet. Scan a connect code from a citizen’s wallet below.',
  'desk.register.name': 'Name',
  'desk.register.number': 'Number',
  'desk.register.numberHint': 'Employee, patient or student number (optional).',
  'desk.register.connectedAt': 'Connected on',
  'desk.register.actions': 'Actions',
  'desk.register.issue': 'Issue a credential',
  'desk.register.issueTo': 'Issue a credential to {name}',
  'desk.register.connectTitle': 'Connect a new person',
  'desk.register.connectIntro':
    'Ask the person to open “Connect to an issuer” in their wallet, then scan the code, upload a picture of it, or paste the text.',
  'desk.register.addressedTo': 'The wallet made this code for: {name}.',
  'desk.register.add': 'Add to register',
  'desk.register.added': '{name} was added to the register.',
  'desk.register.already': 'This wallet is already in the register as {name}.',
  'desk.register.invalid': 'This is not a valid connect code.',
  'desk.register.badSignature':
    'The connect code’s signature is not valid. It may have been altered.',
  'desk.register.stale':
    'This connect code is too old (or dated in the future). Ask for a fresh one.',
  'desk.register.invalidName': 'Enter the person’s name (at most 200 characters).',
  'desk.issue.title': 'Issue a credential',
  'desk.issue.noSubjects':
    'Register a person first: the credential is bound to their wallet’s key for your organisation.',
  'desk.issue.subject': 'Issue to',
  'desk.issue.type': 'Credential',
  'desk.issue.advanced': 'Advanced options',
  'desk.issue.decoys': 'Decoy digests',
  'desk.issue.decoysHint':
    'Hides how many claims the credential has. Each decoy adds about 45 characters to the credential and to every presentation of it.',
  'desk.issue.submit': 'Sign and issue',
  'desk.issue.invalidClaims': 'Some fields are not right. Nothing was issued.',
  'desk.issue.listFull': 'The status list is full. Nothing was issued.',
  'desk.issue.unknownSubject': 'This person is no longer in the register.',
  'desk.issue.done': '{type} issued to {name}',
  'desk.issue.handOver':
    'Let the person scan this code with their wallet, or send them the file or the link. The credential only works in their wallet.',
  'desk.issue.qrLabel': 'Credential offer for {name}',
  'desk.issue.download': 'Download as a file',
  'desk.issue.copyLink': 'Copy the link',
  'desk.issue.link': 'Link',
  'desk.issue.text': 'Offer as text',
  'desk.issue.another': 'Issue another credential',
  'desk.issued.title': 'Issued credentials',
  'desk.issued.empty': 'Nothing issued yet.',
  'desk.issued.summary': 'Summary',
  'desk.issued.issuedAt': 'Issued on',
  'desk.issued.status': 'Status',
  'desk.revoke.button': 'Revoke…',
  'desk.revoke.buttonFor': 'Revoke the credential of {name} ({summary})',
  'desk.revoke.confirmTitle': 'Revoke the credential of {name}?',
  'desk.revoke.body':
    'Revocation cannot be undone. It takes effect for wallets and verifiers once you publish the status list again.',
  'desk.revoke.reason': 'Reason (kept in the desk’s log)',
  'desk.revoke.confirm': 'Revoke',
  'desk.revoke.reasonMissing': 'Give a reason for the log.',
  'desk.revoke.failed': 'This credential could not be revoked.',
  'desk.revoke.done':
    'The credential of {name} was revoked. Publish the status list to make it known.',
  'desk.publish.title': 'Publish the status list',
  'desk.publish.intro':
    'The signed list covers every credential this desk issued (at least 100,000 entries, so nobody learns who was checked). Host the file at the status list address.',
  'desk.publish.button': 'Sign the status list',
  'desk.publish.done': 'Signed. Put this file at {uri}.',
  'desk.publish.download': 'Download the status list',
  'desk.publish.jwt': 'Status list (statuslist+jwt)',
  'desk.settings.profile': 'Issuer profile',
  'desk.settings.did': 'Issuer identifier (DID)',
  'desk.export.title': 'Export the key file',
  'desk.export.intro':
    'A backup of the issuer key and profile, encrypted with a passphrase. Anyone with the file and the passphrase can sign as your organisation.',
  'desk.export.passphrase': 'Passphrase for the key file',
  'desk.export.hint': 'At least 10 characters. It cannot be recovered.',
  'desk.export.repeat': 'Repeat the passphrase',
  'desk.export.submit': 'Export the key file',
  'desk.export.weak': 'Use a passphrase of at least 10 characters.',
  'desk.export.done': 'The key file was downloaded. Keep it and its passphrase apart.',
  'desk.erase.title': 'Erase the desk',
  'desk.erase.body':
    'This removes the issuer key, the register and the log from this browser. Without an exported key file, credentials already issued can no longer be revoked.',
  'desk.erase.button': 'Erase the desk…',
  'desk.erase.confirmTitle': 'Erase the issuer desk?',

  'welcome.title': 'Welcome to Vouch',
  'welcome.body':
    'Vouch keeps your income statements, medical attestations and diplomas on this device, encrypted. Nobody else holds your keys.',
  'welcome.create': 'Create a new wallet',
  'welcome.restore': 'Restore from 24 words',

  'create.words.title': 'Your 24 recovery words',
  'create.words.listLabel': 'Recovery words',
  'create.words.intro':
    'Write these words down on paper, in this order, and keep them somewhere safe. They are the only way to restore your wallet. Anyone who has them can take it over.',
  'create.words.once': 'You will not be shown these words again.',
  'create.words.written': 'I have written down all 24 words',
  'create.confirm.title': 'Check your words',
  'create.confirm.intro': 'Enter the words at these positions from what you wrote down.',
  'create.confirm.wordLabel': 'Word {n}',
  'create.confirm.mismatch': 'Word {n} does not match. Check what you wrote down.',
  'create.confirm.back': 'Show the words again',

  'restore.title': 'Restore your wallet',
  'restore.intro':
    'Enter your 24 recovery words in order. You can also paste all of them into the first field.',
  'restore.wordLabel': 'Word {n}',
  'restore.passphrase': 'Extra passphrase (only if you set one)',
  'restore.passphraseHint': 'Leave empty unless your wallet was created with a BIP39 passphrase.',
  'restore.unknownWord': 'Word {n} is not in the word list.',
  'restore.missingWord': 'Word {n} is missing.',
  'restore.badChecksum':
    'These 24 words are not a valid recovery phrase: at least one word is wrong or out of order. The last word is a checksum of the others.',
  'restore.wrongLength': 'A recovery phrase has 24 words; {count} were entered.',
  'restore.suggestions': 'Suggestions for word {n}',
  'restore.submit': 'Continue',

  'passcode.title': 'Choose a passcode',
  'passcode.intro':
    'The passcode unlocks your wallet on this device. Use at least 6 digits, or a passphrase of at least 8 characters.',
  'passcode.label': 'Passcode',
  'passcode.repeat': 'Repeat passcode',
  'passcode.mismatch': 'The two passcodes are not the same.',
  'passcode.tooShortDigits': 'Use at least 6 digits.',
  'passcode.tooShortPassphrase': 'A passphrase needs at least 8 characters.',
  'passcode.strength.label': 'Strength',
  'passcode.strength.weak': 'Weak: easy to guess. Longer is better.',
  'passcode.strength.fair': 'Fair.',
  'passcode.strength.strong': 'Strong.',
  'passcode.strength.none': 'Not yet entered.',
  'passcode.submit': 'Create wallet',
  'passcode.working': 'Encrypting your wallet…',

  'unlock.title': 'Wallet locked',
  'unlock.intro': 'Enter your passcode to open your wallet.',
  'unlock.submit': 'Unlock',
  'unlock.working': 'Unlocking…',
  'unlock.device': 'Unlock with this device (fingerprint/face)',
  'unlock.deviceWorking': 'Waiting for your device…',
  'unlock.device.cancelled':
    'Unlocking with this device was cancelled or timed out. Try again, or use your passcode.',
  'unlock.device.rejected':
    'This device could not open the wallet. Use your passcode; you can turn device unlock on again in Settings.',
  'unlock.device.noPrf': 'This device can no longer unlock the wallet. Use your passcode.',
  'unlock.device.failed': 'The device did not answer. Try again, or use your passcode.',
  'unlock.wrong': 'That passcode is not right. Nothing was changed.',
  'unlock.forgot': 'Forgot your passcode?',
  'unlock.forgotBody':
    'A passcode cannot be recovered. You can erase this wallet and restore it from your 24 words.',

  'home.title': 'Your wallet',
  'home.identity': 'Wallet identity',
  'home.identityHint':
    'This identifier never leaves your device; issuers get a separate pseudonym each.',
  'home.credentials': 'Credentials',
  'home.noCredentials':
    'No credentials yet. They arrive from your employer, doctor, university or municipality.',
  'home.lock': 'Lock',
  'home.settings': 'Settings',
  'home.locked': 'Your wallet was locked.',

  'home.receive': 'Receive a credential',
  'home.connect': 'Connect to an issuer',
  'home.incomeChart': 'Net income per month',
  'home.incomeChart.month': 'Month',
  'home.incomeChart.net': 'Net income',

  'credential.state.valid': 'Valid',
  'credential.state.expired': 'Expired',
  'credential.state.revoked': 'Revoked',
  'credential.state.unknown': 'Not checked yet',
  'credential.missing': 'This credential is no longer in your wallet.',
  'credential.claims': 'What it says',
  'credential.about': 'About this credential',
  'credential.issuer': 'Issued by',
  'credential.issuedAt': 'Issued on',
  'credential.expiresAt': 'Valid until',
  'credential.receivedAt': 'Received on',
  'credential.yourName': 'Your name for this issuer',
  'credential.card.yourName': 'Your name: {label}',
  'credential.status.title': 'Status',
  'credential.status.lastChecked': 'Last checked {when}.',
  'credential.status.never':
    'Not checked yet. Vouch checks only when you open this card or ask it to.',
  'credential.status.checkNow': 'Check now',
  'credential.status.openFile': 'Open the issuer’s list as a file',
  'credential.status.checking': 'Checking…',
  'credential.status.privacy':
    'Checking downloads the issuer’s whole list, which covers many people, so the issuer does not learn which credential you checked.',
  'credential.status.none': 'This credential cannot be revoked.',
  'credential.status.unreachable':
    'The issuer’s list could not be reached. Nothing changed; try again later or open the list as a file.',
  'credential.status.notAllowed':
    'This wallet may not contact the status list’s address, so nothing was fetched. Open the list as a file instead.',
  'credential.status.invalidList':
    'That is not a valid list from this credential’s issuer. Nothing was changed.',
  'credential.delete.title': 'Delete',
  'credential.delete.button': 'Delete this credential…',
  'credential.delete.confirmTitle': 'Delete this credential?',
  'credential.delete.confirmBody':
    'The {type} from {issuer} will be removed from this wallet. Only the issuer can give it to you again.',
  'credential.delete.confirm': 'Delete',

  'connect.title': 'Connect to an issuer',
  'connect.intro':
    'Your employer, doctor, university or municipality needs a code from you once before they can issue to your wallet. Each issuer gets a different code for you, so they cannot link you with each other.',
  'connect.issuerName': 'Name of the issuer',
  'connect.issuerNameHint':
    'For example your employer. It is shown to the issuer and kept in your wallet.',
  'connect.create': 'Create connect code',
  'connect.badName': 'Enter the issuer’s name (at most 200 characters).',
  'connect.codeTitle': 'Connect code for {issuer}',
  'connect.codeIntro':
    'Let the issuer scan this code, or send them the text below. It is valid for 10 minutes.',
  'connect.codeLabel': 'Connect code for {issuer}',
  'connect.codeText': 'Connect code as text',
  'connect.copy': 'Copy the text',
  'connect.copied': 'Copied.',
  'connect.existing': 'Issuers you connected to',

  'receive.title': 'Receive a credential',
  'receive.intro':
    'Scan the code the issuer shows you, upload a picture of it, paste it, or open the file you received.',
  'receive.checking': 'Checking the credential…',
  'receive.nothingStored': 'Nothing was stored.',
  'receive.fileTitle': 'From a file',
  'receive.openFile': 'Open a .vouch file',
  'receive.types': 'Vouch accepts: {types}.',
  'receive.refused.malformed': 'This is not a readable credential offer.',
  'receive.refused.unknownRelationship':
    'This credential is for a connection this wallet does not know. Connect to the issuer from this wallet first.',
  'receive.refused.invalid':
    'The issuer’s signature on this credential is not valid, or the credential was altered.',
  'receive.refused.notBound': 'This credential is not bound to a key of this wallet.',
  'receive.refused.unknownType': 'This kind of credential is not supported.',
  'receive.refused.invalidClaims': 'The credential’s contents do not match its type.',
  'receive.refused.alreadyStored': 'This credential is already in your wallet.',
  'receive.refused.notACode': 'This is not a Vouch code.',
  'receive.refused.notAnOffer': 'This code is not a credential offer.',
  'receive.refused.tooLarge': 'This file is too large to be a credential.',
  'receive.refused.issuerChanged':
    'This credential comes from another issuer than the earlier ones from this connection.',
  'receive.issuerChanged.title': 'Warning: another issuer',
  'receive.issuerChanged.body':
    'Until now, what you received through “{relationship}” came from one issuer. This credential is signed by another one.',
  'receive.issuerChanged.pinned': 'Issuer until now',
  'receive.issuerChanged.offered': 'Issuer of this credential',
  'receive.issuerChanged.statedName': 'In the credential, it calls itself “{name}”.',
  'receive.issuerChanged.advice':
    'Refuse it unless the issuer told you it changed. Someone may be posing as your issuer.',
  'receive.issuerChanged.refuse': 'Refuse this credential',
  'receive.issuerChanged.trust': 'I trust this new issuer',
  'receive.issuerChanged.refused': 'Refused. Nothing was stored.',

  'settings.title': 'Settings',
  'settings.back': 'Back to wallet',
  'settings.passcode.title': 'Change passcode',
  'settings.passcode.current': 'Current passcode',
  'settings.passcode.new': 'New passcode',
  'settings.passcode.repeat': 'Repeat new passcode',
  'settings.passcode.submit': 'Change passcode',
  'settings.passcode.done': 'Your passcode was changed.',
  'settings.passcode.wrong': 'The current passcode is not right. Nothing was changed.',
  'settings.autoLock.label': 'Lock automatically after',
  'settings.autoLock.minutes': '{n} min',
  'settings.autoLock.saved': 'Saved.',
  'settings.storage.title': 'Storage on this device',
  'settings.storage.persisted':
    'Protected: the browser will not clear your wallet to free up space.',
  'settings.storage.bestEffort':
    'Not protected: the browser may clear your wallet when the device runs out of space. Keep your 24 words safe.',
  'settings.storage.unsupported':
    'This browser cannot protect stored data from being cleared. Keep your 24 words safe.',
  'settings.storage.request': 'Ask the browser to keep my wallet',
  'settings.device.title': 'Unlock with this device',
  'settings.device.intro':
    'Open your wallet with your fingerprint, face or screen lock instead of typing your passcode. A key kept by the device’s security hardware then also locks your wallet; your passcode keeps working.',
  'settings.device.passcode': 'Your passcode, to confirm it is you',
  'settings.device.enable': 'Unlock with this device (fingerprint/face)',
  'settings.device.working': 'Follow the prompt on your device…',
  'settings.device.on': 'Unlock with this device is on. Your passcode works too.',
  'settings.device.enabled': 'Done: next time you can unlock with this device.',
  'settings.device.disable': 'Turn off unlock with this device',
  'settings.device.disabled':
    'Unlock with this device is off. Only your passcode opens the wallet.',
  'settings.device.wrong': 'The passcode is not right. Nothing was changed.',
  'settings.device.noWebauthn':
    'This browser cannot unlock with a fingerprint or face. Keep using your passcode.',
  'settings.device.noAuthenticator':
    'This device has no fingerprint, face or screen-lock unlock that the browser can use. Keep using your passcode.',
  'settings.device.noPrf':
    'This device or browser cannot keep a key for Vouch (it lacks the WebAuthn “PRF” extension), so unlocking with it is not possible here. Keep using your passcode.',
  'settings.device.cancelled': 'Cancelled or timed out. Nothing was changed.',
  'settings.device.failed': 'The device did not answer. Nothing was changed.',
  'settings.erase.title': 'Erase this wallet',
  'settings.erase.body':
    'This removes every key and credential from this browser. Only your 24 words can bring the wallet back.',
  'settings.erase.button': 'Erase this wallet…',
  'settings.erase.confirmTitle': 'Erase this wallet?',
  'settings.erase.confirmBody':
    'Everything in this wallet will be deleted from this device. This cannot be undone. Make sure you have your 24 words.',
  'settings.erase.confirm': 'Erase everything',
  'settings.erase.cancel': 'Cancel',

  'common.continue': 'Continue',
  'common.back': 'Back',
  'common.cancel': 'Cancel',
  'common.close': 'Close',

  'error.vault-corrupt':
    'The wallet data on this device could not be read. Nothing was changed. Restore from your 24 words if this persists.',
  'error.storage-unavailable':
    'This browser does not allow storing data (private mode or storage disabled). Vouch needs storage to keep your wallet.',
  'error.unexpected': 'Something went wrong. Nothing was changed. Please try again.',

  'qr.frameOf': 'Frame {i} of {n}',
  'qr.animatedHint':
    'This code has {n} parts that take turns. Keep the camera on it until every part is read.',
  'qr.play': 'Play animation',
  'qr.pause': 'Pause animation',
  'qr.previous': 'Previous frame',
  'qr.next': 'Next frame',
  'qr.preparing': 'Preparing the code…',
  'qr.drawFailed': 'This code could not be drawn. Use the text version instead.',
  'qr.download': 'Download as image',
  'qr.scanner.label': 'Scan a code',
  'qr.scanner.intro':
    'Scan the code with your camera, upload a picture of it, or paste it as text.',
  'qr.camera.start': 'Scan with camera',
  'qr.camera.stop': 'Stop camera',
  'qr.camera.view': 'Camera view',
  'qr.camera.starting': 'Starting the camera…',
  'qr.camera.aim': 'Point the camera at the code and hold it steady, with the whole code in view.',
  'qr.camera.stopped': 'The camera has stopped.',
  'qr.camera.insecure-context':
    'The camera can only be used on a secure (https) page. Upload a picture of the code or paste its text instead.',
  'qr.camera.unsupported':
    'This browser cannot use a camera. Upload a picture of the code or paste its text instead.',
  'qr.camera.permission-denied':
    'Vouch may not use the camera. Allow camera access in your browser’s site settings, or upload a picture of the code or paste its text instead.',
  'qr.camera.no-camera':
    'No camera was found on this device. Upload a picture of the code or paste its text instead.',
  'qr.camera.camera-busy':
    'The camera is in use by another app or could not be started. Close the other app and try again.',
  'qr.camera.scanner-unavailable':
    'The code reader could not be loaded. Connect to the internet once, then try again.',
  'qr.camera.camera-failed':
    'The camera could not be started. Try again, or upload a picture of the code or paste its text instead.',
  'qr.progress': 'Read {received} of {expected} parts. Keep the camera on the code.',
  'qr.progressLabel': 'Parts read',
  'qr.done': 'Code read.',
  'qr.upload.label': 'Upload a picture of the code',
  'qr.upload.reading': 'Reading the picture…',
  'qr.upload.unreadable-image': 'That file is not a picture this browser can open.',
  'qr.upload.no-code-found':
    'No code was found in that picture. Use a sharp picture with the whole code in it.',
  'qr.upload.scanner-unavailable':
    'The code reader could not be loaded. Connect to the internet once, then try again.',
  'qr.paste.label': 'Paste the code as text',
  'qr.paste.submit': 'Read text',
  'qr.paste.empty': 'Paste the text of the code first.',
  'qr.problem.not-vouch': 'This is not a Vouch code.',
  'qr.problem.unsupported-version':
    'This code was made by a newer version of Vouch. Update this app and try again.',
  'qr.problem.corrupt': 'This code is damaged or incomplete. Try again.',
  'qr.problem.too-large': 'This code holds more data than Vouch accepts.',
  'qr.problem.wrong-kind': 'This code cannot be used here.',
  'qr.expected.offer': 'This code is not a credential offer.',
  'qr.expected.connect': 'This code is not a connection request from a wallet.',
  'qr.expected.request': 'This code is not a request from a verifier.',
  'qr.expected.response': 'This code is not an answer from a wallet.',
  'qr.expected.status-list': 'This code is not a revocation list.',
  'qr.is.offer': 'It is a credential offer, to be scanned by a wallet.',
  'qr.is.connect': 'It is a wallet’s connection request, to be scanned by an issuer desk.',
  'qr.is.request': 'It is a verifier’s request, to be scanned by a wallet.',
  'qr.is.response': 'It is a wallet’s answer, to be scanned by the verifier.',
  'qr.is.status-list': 'It is a revocation list, to be scanned by a verifier.',
  // issue 10: issuer
  'desk.issue.format': 'Format',
  'desk.issue.format.sdJwt': 'SD-JWT VC (selective disclosure, recommended)',
  'desk.issue.format.w3c': 'W3C VC-JWT (Europass-style, every field shown)',
  'desk.issue.format.w3cHint':
    'A W3C VC-JWT has no selective disclosure: whoever the graduate shows it to sees every field.',
  'desk.issued.format': 'Format',
  'desk.issued.format.dc+sd-jwt': 'SD-JWT VC',
  'desk.issued.format.jwt_vc_json': 'W3C VC-JWT',
  'desk.publish.w3cDone':
    'Also signed as a W3C Bitstring Status List credential, for W3C VC-JWTs. Put that file at {uri}.',
  'desk.publish.w3cDownload': 'Download the W3C status list',
  'desk.publish.w3cJwt': 'Status list (W3C BitstringStatusListCredential)',
} as const;

export const en = {
  ...baseEn,
  ...verifierEn,
  ...presentEn,
  ...benefitsEn,
  ...deskServerEn,
  ...onlineEn,
  ...shellEn,
  ...cardsEn,
  ...consentEn,
  ...applicationsEn,
  ...issuerDeskEn,
  ...receiptsEn,
  ...backupEn,
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
