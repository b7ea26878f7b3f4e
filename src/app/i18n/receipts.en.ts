/** English strings of receipts (issue 14: signed receipts of applications); nl and fr are typed against this file. */
export const receiptsEn = {
  'receipts.promise': 'You will get a signed receipt.',
  'receipts.promiseBody':
    'If {verifier} accepts your application, it signs a receipt that you sign too. It holds only hashes: it proves that you applied and when, without showing what you shared.',
  'receipts.kept': 'You got a signed receipt. It is in your History.',
  'receipts.none': '{verifier} gave no signed receipt for this answer.',
  'receipts.title': 'Signed receipts',
  'receipts.intro':
    'Each receipt is signed by you and by the organisation. Keep a proof file to show later that you applied, and when.',
  'receipts.empty': 'No signed receipts yet.',
  'receipts.application': 'Application received by {verifier}',
  'receipts.signedBoth': 'Signed by you and by {party}',
  'receipts.onLedger': 'Also recorded in the organisations’ shared ledger',
  'receipts.received': 'Credential received from {party}',
  'receipts.issued': 'Credential issued to you by {party}',
  'receipts.prove': 'Prove',
  'receipts.proveLabel': 'Prove: the receipt from {party}, {date}',
  'receipts.export': 'Export receipts',
  'receipts.scan.title': 'Scan a receipt',
  'receipts.scan.intro':
    'When a desk shows you its signed receipt as a code, scan it here to keep it.',
  'receipts.scan.afterAnswer':
    'Your answer carries your half of a signed receipt. When {verifier} accepts your application, it shows its receipt as a code: scan it here.',
  'receipts.scan.how':
    'Scan the receipt code with the camera, open a picture of it, or paste its text.',
  'receipts.scan.file': 'Open a receipt file',
  'receipts.scan.checking': 'Checking the receipt…',
  'receipts.scan.kept': 'Receipt kept: signed by you and by {party}. It is in your History.',
  'receipts.scan.keptPair':
    'Receipts kept: the credential issued and received, signed by you and by {party}. They are in your History.',
  'receipts.scan.noPending':
    'This receipt is not for this wallet, or you kept it already. Nothing changed.',
  'receipts.scan.malformed':
    'This is not a readable receipt: it is damaged, too long or something else. Nothing changed.',
  'receipts.scan.invalid':
    'This receipt does not check out: it is not what your wallet signed, or a signature is wrong. Nothing changed.',
  'receipts.give.title': 'Give the desk your receipt',
  'receipts.give.body':
    'Let the desk scan this code. It signs the receipt of this credential with you and shows its receipt back; scan that one in History → Signed receipts.',
  'receipts.give.qr': 'Your receipt for {party} to scan',
  'deskReceipts.copy': 'Copy receipt',
  'deskReceipts.download': 'Download receipt',
  'deskReceipts.text': 'Receipt as text',
  'deskReceipts.handOver.title': 'Signed receipt',
  'deskReceipts.handOver.body': 'Let the citizen scan this receipt.',
  'deskReceipts.handOver.qr': 'Signed receipt for the citizen',
  'deskReceipts.refused.notValid': 'No signed receipt: the answer is not valid.',
  'deskReceipts.refused.stale':
    'No signed receipt: the wallet’s half was made too long ago. The verdict stands.',
  'deskReceipts.refused.mismatch':
    'No signed receipt: the wallet’s half is not about this answer or this desk. The verdict stands.',
  'deskReceipts.refused.signature':
    'No signed receipt: the wallet’s signature on its half is not valid. The verdict stands.',
  'deskReceipts.refused.malformed':
    'No signed receipt: the wallet’s half cannot be read. The verdict stands.',
  'deskReceipts.refused.notIssued': 'No signed receipt: this desk did not issue that credential.',
  'deskReceipts.list.title': 'Signed receipts',
  'deskReceipts.list.intro':
    'Every receipt this desk signed with a citizen’s wallet: when, what, and the wallet’s key as a fingerprint (no name). The export is what “vouch evidence verify” checks.',
  'deskReceipts.list.empty': 'No signed receipts yet.',
  'deskReceipts.list.when': 'When',
  'deskReceipts.list.action': 'What',
  'deskReceipts.list.wallet': 'Wallet key',
  'deskReceipts.list.export': 'Export receipts',
  'deskReceipts.action.ACKNOWLEDGE': 'Application acknowledged',
  'deskReceipts.action.ISSUE': 'Credential issued',
  'deskReceipts.action.RECEIVE': 'Credential received',
  'deskReceipts.action.PRESENT': 'Application presented',
  'deskReceipts.setting.title': 'Signed receipts',
  'deskReceipts.setting.intro':
    'The desk’s requests ask the wallet for its half of a receipt; the desk signs a receipt of every application it accepts and shows it as a code.',
  'deskReceipts.setting.give': 'Give signed receipts',
  'deskReceipts.setting.saved': 'Saved.',
  'deskReceipts.scan.title': 'Scan a citizen’s receipt',
  'deskReceipts.scan.intro':
    'After saving a credential from this desk, the wallet shows a receipt code. Scan it, open a picture of it, or paste its text: the desk signs the receipt of that credential.',
  'deskReceipts.scan.done': 'Receipt signed: {type} for {name}.',
  'receipts.give.waiting':
    'A credential from {party}, saved {date}, waits for the desk to sign its receipt. Let the desk scan this code, then scan its receipt below.',
};
