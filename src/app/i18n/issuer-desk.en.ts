/** English strings of the issuerDesk.* keys (issue 11); nl and fr are typed against this file. */
export const issuerDeskEn = {
  'issuerDesk.register.birthDate': 'Date of birth',
  'issuerDesk.register.birthDateHint':
    'Optional. Filled in on every credential for this person that asks for it.',
  'issuerDesk.register.invalidBirthDate':
    'Enter a date of birth between 1 January 1900 and today, or leave it empty.',
  'issuerDesk.register.editBirthDate': 'Edit date of birth',
  'issuerDesk.register.editBirthDateOf': 'Edit date of birth of {name}',
  'issuerDesk.register.birthDateOf': 'Date of birth of {name}',
  'issuerDesk.register.birthDateEditHint':
    'Leave it empty to remove it. Credentials already issued keep the date they were issued with.',
  'issuerDesk.register.saveBirthDate': 'Save date of birth',
  'issuerDesk.register.birthDateSaved': 'The date of birth of {name} was saved.',
  'issuerDesk.register.birthDateRemoved': 'The date of birth of {name} was removed.',
  'issuerDesk.register.notFound': 'This person is no longer in the register.',
  'issuerDesk.issued.valid': 'Valid',
  'issuerDesk.issued.validUntil': 'Valid until {date}',
  'issuerDesk.issued.expiredOn': 'Expired on {date}',
  'issuerDesk.issued.revokedOn': 'Revoked on {date}',
  'issuerDesk.profile.title': 'Publish profile',
  'issuerDesk.profile.intro':
    'A verifier desk that imports your profile trusts the credentials you issue without copying your identifier by hand. Show it the QR code or send it the file.',
  'issuerDesk.profile.publish': 'Publish profile',
  'issuerDesk.profile.again': 'Sign again',
  'issuerDesk.profile.done': 'Your profile is signed with your issuer key.',
  'issuerDesk.profile.failed':
    'The profile could not be signed. Lock the desk, unlock it and try again.',
  'issuerDesk.profile.qrLabel': 'Issuer profile of {name}',
  'issuerDesk.profile.wordsTitle': 'Fingerprint words',
  'issuerDesk.profile.wordsIntro':
    'The verifier sees these words when importing. Tell them by phone or letter, or put them on your website, so they can check that the profile is really yours.',
  'issuerDesk.profile.download': 'Download {file}',
  'issuerDesk.profile.text': 'Profile as text',
  'issuerDesk.copies.title': 'Copies per credential',
  'issuerDesk.copies.intro':
    'Each credential goes to the wallet as several copies, each with its own key, salts and status entry. The wallet shows a different copy to each organisation, so two organisations cannot tell they saw the same credential. With more copies, a person needs new ones less often.',
  'issuerDesk.copies.label': 'Copies per credential',
  'issuerDesk.copies.hint':
    'A whole number from 1 to 50. With 1 copy, organisations can link what they are shown.',
  'issuerDesk.copies.save': 'Save copies',
  'issuerDesk.copies.saved': 'Saved. New credentials are issued in this number of copies.',
  'issuerDesk.copies.invalid': 'Enter a whole number from 1 to 50.',
  'issuerDesk.issued.copies': '{count} copies',
  'issuerDesk.issued.renews': 'new copies of the credential issued on {date}',
  'issuerDesk.revoke.family':
    'This credential was also handed out later as new copies ({count} batches in all): every copy of every batch is revoked.',
  'issuerDesk.register.openFile': 'Open a file (.vouch)',
  'issuerDesk.register.tooLarge':
    'This file or text is too large to be a connect code or a request for new copies.',
  'issuerDesk.register.wrongKind':
    'This is another kind of code, not a connect code or a request for new copies.',
  'issuerDesk.copiesRequest.answered':
    '{name} asked for new copies of a credential. Hand over the new copies:',
  'issuerDesk.copiesRequest.invalid': 'This is not a copies request this desk can read.',
  'issuerDesk.copiesRequest.unknownPerson':
    'This copies request comes from a wallet that is not in your register.',
  'issuerDesk.copiesRequest.notOurs':
    'This copies request carries a credential this desk did not issue to this person.',
  'issuerDesk.copiesRequest.revoked': 'This credential was revoked: no new copies are issued.',
} as const;
