/** English strings of the present area (wallet → verifier); nl and fr are typed against this file. */
export const presentEn = {
  'present.start': 'Show a credential',
  'present.title': 'Show a credential',
  'present.intro':
    'Scan the code the verifier shows you (or upload a picture of it, or paste it). You will see exactly what is asked before anything is shared.',
  'present.refused.malformed': 'This is not a readable request.',
  'present.refused.invalid':
    'This request is not validly signed, or it has expired. Ask the verifier for a new one.',
  'present.refused.unsupported': 'This request asks for something Vouch cannot answer.',
  'present.asks': '{verifier} asks to see',
  'present.firstTime': 'You have not shown anything to this verifier before.',
  'present.seenBefore': 'You have shown credentials to this verifier before.',
  'present.purpose': 'Purpose',
  'present.verifierId': 'Verifier identifier',
  'present.noMatch': 'You have no {type} that fits this request.',
  'present.whichOne': 'Which {type}?',
  'present.whatYouShare': 'What you share',
  'present.required': 'required',
  'present.optional': 'optional, off until you switch it on',
  'present.restHidden': 'Everything else in your credentials stays hidden.',
  'present.cannotAnswer':
    'You cannot answer this request: a credential it needs is missing from your wallet.',
  'present.decline': 'Decline',
  'present.share': 'Share',
  'present.failed': 'The answer could not be made. Nothing was shared.',
  'present.answerTitle': 'Your answer',
  'present.answerIntro': 'Let {verifier} scan this code. It works once, for this request only.',
  'present.answerLabel': 'Answer for {verifier}',
  'present.answerText': 'Answer as text',
  'present.done': 'Done',
  'present.redirecting': 'Sending your answer back to {verifier}…',
  'present.declared.title': 'Facts you declare yourself',
  'present.declared.intro':
    'Your own answers from Benefits. The agency sees them as declared by you, not verified.',
  'present.declared.unanswered': '{fact}: not answered (you can answer it in Benefits).',
  'present.declared.marker': 'declared by you',
  'history.title': 'History',
  'history.intro':
    'What you showed, to whom and why. Only you can see this; it is kept encrypted in your wallet.',
  'history.empty': 'You have not shown any credential yet.',
  'history.export': 'Export as JSON',
  'history.delete': 'Delete the history…',
  'history.deleteTitle': 'Delete the whole history?',
  'history.deleteBody': 'Your credentials stay; only the record of what you showed is removed.',
  'history.deleteConfirm': 'Delete',
  // issue 10: W3C credentials in the wallet
  'wallet.w3c.note': 'W3C credential: every field is shown to whoever you share it with.',
  'wallet.w3c.format': 'Format',
  'wallet.w3c.formatW3c': 'W3C Verifiable Credential (VC-JWT)',
  'wallet.w3c.formatSdJwt': 'SD-JWT VC (you choose which fields to show)',
  'present.w3c.everyField':
    'This is a W3C credential: it cannot hide any field. {verifier} will see every field below, not only what it asks for.',
  'present.w3c.fieldsLabel': 'Every field {verifier} will see',
  'present.w3c.asked': 'asked',
  'present.w3c.notAsked': 'not asked, shown anyway',
  'present.w3c.othersHidden': 'Your other credentials stay hidden.',
  'receive.w3c.hint':
    'A W3C credential (a .jwt file, or its text pasted above) can be received here too.',
  'present.copies.none':
    'Every copy of this credential has already been shown to other organisations. Showing one again would let them link what they saw, so the wallet does not share it. Get new copies from {issuer} first.',
  'present.copies.few':
    'Only {count} unused copies of this credential are left. Ask {issuer} for new copies soon.',
  'present.copies.getNew': 'Get new copies',
  'present.copies.noneShort':
    'Every copy of this credential has been shown to other organisations. Get new copies first.',
} as const;
