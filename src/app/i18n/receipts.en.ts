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
};
