import type { issuerDeskEn } from './issuer-desk.en.ts';

export const issuerDeskFr: Record<keyof typeof issuerDeskEn, string> = {
  'issuerDesk.register.birthDate': 'Date de naissance',
  'issuerDesk.register.birthDateHint':
    'Facultatif. Reprise sur chaque attestation de cette personne qui la demande.',
  'issuerDesk.register.invalidBirthDate':
    'Indiquez une date de naissance entre le 1er janvier 1900 et aujourd’hui, ou laissez le champ vide.',
  'issuerDesk.register.editBirthDate': 'Modifier la date de naissance',
  'issuerDesk.register.editBirthDateOf': 'Modifier la date de naissance de {name}',
  'issuerDesk.register.birthDateOf': 'Date de naissance de {name}',
  'issuerDesk.register.birthDateEditHint':
    'Laissez le champ vide pour supprimer la date. Les attestations déjà délivrées gardent la date avec laquelle elles ont été délivrées.',
  'issuerDesk.register.saveBirthDate': 'Enregistrer la date de naissance',
  'issuerDesk.register.birthDateSaved': 'La date de naissance de {name} a été enregistrée.',
  'issuerDesk.register.birthDateRemoved': 'La date de naissance de {name} a été supprimée.',
  'issuerDesk.register.notFound': 'Cette personne ne figure plus dans le registre.',
  'issuerDesk.issued.valid': 'Valide',
  'issuerDesk.issued.validUntil': 'Valide jusqu’au {date}',
  'issuerDesk.issued.expiredOn': 'Expirée le {date}',
  'issuerDesk.issued.revokedOn': 'Révoquée le {date}',
  'issuerDesk.profile.title': 'Publier le profil',
  'issuerDesk.profile.intro':
    'Un guichet de vérification qui importe votre profil fait confiance aux attestations que vous émettez, sans recopier votre identifiant à la main. Montrez-lui le code QR ou envoyez-lui le fichier.',
  'issuerDesk.profile.publish': 'Publier le profil',
  'issuerDesk.profile.again': 'Signer à nouveau',
  'issuerDesk.profile.done': 'Votre profil est signé avec votre clé d’émetteur.',
  'issuerDesk.profile.failed':
    'Le profil n’a pas pu être signé. Verrouillez le guichet, déverrouillez-le et réessayez.',
  'issuerDesk.profile.qrLabel': 'Profil d’émetteur de {name}',
  'issuerDesk.profile.wordsTitle': 'Mots d’empreinte',
  'issuerDesk.profile.wordsIntro':
    'Le vérificateur voit ces mots lors de l’import. Communiquez-les par téléphone ou par courrier, ou publiez-les sur votre site, pour qu’il puisse vérifier que le profil est bien le vôtre.',
  'issuerDesk.profile.download': 'Télécharger {file}',
  'issuerDesk.profile.text': 'Profil en texte',
  'issuerDesk.copies.title': 'Copies par attestation',
  'issuerDesk.copies.intro':
    'Chaque attestation part vers le portefeuille en plusieurs copies, chacune avec sa propre clé, ses propres sels et sa propre entrée de statut. Le portefeuille montre une copie différente à chaque organisation : deux organisations ne peuvent pas savoir qu’elles ont vu la même attestation. Avec plus de copies, il faut en redemander moins souvent.',
  'issuerDesk.copies.label': 'Copies par attestation',
  'issuerDesk.copies.hint':
    'Un nombre entier de 1 à 50. Avec 1 copie, les organisations peuvent relier ce qu’on leur montre.',
  'issuerDesk.copies.save': 'Enregistrer les copies',
  'issuerDesk.copies.saved':
    'Enregistré. Les nouvelles attestations sont émises en ce nombre de copies.',
  'issuerDesk.copies.invalid': 'Indiquez un nombre entier de 1 à 50.',
  'issuerDesk.issued.copies': '{count} copies',
  'issuerDesk.issued.renews': 'nouvelles copies de l’attestation émise le {date}',
  'issuerDesk.revoke.family':
    'Cette attestation a aussi été remise plus tard en nouvelles copies ({count} lots en tout) : chaque copie de chaque lot est révoquée.',
  'issuerDesk.register.openFile': 'Ouvrir un fichier (.vouch)',
  'issuerDesk.register.tooLarge':
    'Ce fichier ou ce texte est trop grand pour être un code de connexion ou une demande de nouvelles copies.',
  'issuerDesk.register.wrongKind':
    'C’est un autre type de code, ni un code de connexion ni une demande de nouvelles copies.',
  'issuerDesk.copiesRequest.answered':
    '{name} a demandé de nouvelles copies d’une attestation. Remettez les nouvelles copies :',
  'issuerDesk.copiesRequest.invalid':
    'Ce n’est pas une demande de copies que ce guichet peut lire.',
  'issuerDesk.copiesRequest.unknownPerson':
    'Cette demande de copies vient d’un portefeuille qui n’est pas dans votre registre.',
  'issuerDesk.copiesRequest.notOurs':
    'Cette demande de copies contient une attestation que ce guichet n’a pas émise pour cette personne.',
  'issuerDesk.copiesRequest.revoked':
    'Cette attestation a été révoquée : aucune nouvelle copie n’est émise.',
};
