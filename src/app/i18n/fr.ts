import type { Messages } from './en.ts';
import { benefitsFr } from './benefits.fr.ts';
import { onlineFr } from './online.fr.ts';
import { presentFr } from './present.fr.ts';
import { verifierFr } from './verifier.fr.ts';
import { deskServerFr } from './desk-server.fr.ts';
import { shellFr } from './shell.fr.ts';
import { cardsFr } from './cards.fr.ts';
import { consentFr } from './consent.fr.ts';
import { applicationsFr } from './applications.fr.ts';
import { issuerDeskFr } from './issuer-desk.fr.ts';
import { receiptsFr } from './receipts.fr.ts';
import { backupFr } from './backup.fr.ts';

export const fr: Messages = {
  ...verifierFr,
  ...presentFr,
  ...onlineFr,
  ...benefitsFr,
  ...deskServerFr,
  ...shellFr,
  ...cardsFr,
  ...consentFr,
  ...applicationsFr,
  ...issuerDeskFr,
  ...receiptsFr,
  ...backupFr,
  'app.name': 'Vouch',
  'app.tagline':
    'Vos attestations sur votre appareil, montrées seulement dans la mesure nécessaire.',
  'app.loading': 'Chargement…',
  'app.crashed.title': 'Un problème est survenu',
  'app.crashed.body':
    'Cet écran n’a pas pu s’afficher. Les données de votre portefeuille sont en sécurité sur cet appareil.',
  'app.crashed.reload': 'Recharger',
  'app.offlineReady': 'Vouch fonctionne désormais aussi sans connexion.',
  'app.update.label': 'Mise à jour',
  'app.update.available': 'Une nouvelle version de Vouch est disponible.',
  'app.update.reload': 'Recharger',
  'app.update.reloading': 'Rechargement…',

  'nav.label': 'Rôles',
  'nav.wallet': 'Portefeuille',
  'nav.issuer': 'Guichet émetteur',
  'nav.verifier': 'Vérificateur',
  'language.label': 'Langue',

  'issuer.title': 'Guichet émetteur',
  'issuer.empty':
    'Les employeurs, médecins, universités et communes délivreront ici des attestations. Ce guichet n’est pas encore disponible.',
  'verifier.title': 'Vérificateur',
  'verifier.empty':
    'Les organismes de prestations et les employeurs vérifieront ici les présentations, hors ligne. Le vérificateur n’est pas encore disponible.',

  'desk.sections': 'Sections du guichet',
  'desk.tab.register': 'Registre',
  'desk.tab.issue': 'Délivrer',
  'desk.tab.issued': 'Délivrées et révocation',
  'desk.tab.settings': 'Paramètres du guichet',
  'desk.kind.employer': 'Employeur',
  'desk.kind.pulmonologist': 'Pneumologue',
  'desk.kind.university': 'Université',
  'desk.kind.municipality': 'Commune',
  'desk.locked.title': 'Guichet émetteur verrouillé',
  'desk.setup.title': 'Configurer le guichet émetteur',
  'desk.setup.intro':
    'Le guichet signe les attestations avec la clé propre à votre organisation. La clé reste chiffrée dans ce navigateur, sous le code d’accès du guichet ; exportez-la en fichier de clé pour en garder une copie.',
  'desk.setup.name': 'Nom de l’organisation',
  'desk.setup.kind': 'Type d’émetteur',
  'desk.setup.registration': 'Numéro d’enregistrement',
  'desk.setup.registrationHint':
    'KBO ou KvK pour les employeurs, INAMI ou BIG pour les médecins, BRIN pour les établissements.',
  'desk.setup.alg': 'Algorithme de signature',
  'desk.setup.algHint':
    'ES256 est ce qu’attendent les vérificateurs européens et le plus rapide ici ; EdDSA et ES256K sont aussi acceptés par les vérificateurs Vouch.',
  'desk.setup.statusUri': 'Adresse de la liste de statuts',
  'desk.setup.statusUriHint':
    'L’adresse https où vous publierez votre liste de révocation. Les portefeuilles et les vérificateurs la récupèrent là.',
  'desk.setup.passcodeTitle': 'Code d’accès du guichet',
  'desk.setup.passcode': 'Code d’accès du guichet',
  'desk.setup.passcodeRepeat': 'Répétez le code d’accès du guichet',
  'desk.setup.submit': 'Configurer le guichet',
  'desk.setup.invalidProfile': 'Saisissez le nom de l’organisation.',
  'desk.setup.invalidStatusUri': 'L’adresse de la liste de statuts doit être une adresse https.',
  'desk.import.title': 'Utiliser plutôt un fichier de clé existant',
  'desk.import.file': 'Fichier de clé',
  'desk.import.passphrase': 'Phrase secrète du fichier de clé',
  'desk.import.submit': 'Lire le fichier de clé',
  'desk.import.noFile': 'Choisissez un fichier de clé.',
  'desk.import.malformed': 'Ce n’est pas un fichier de clé d’émetteur Vouch.',
  'desk.import.wrongPassphrase':
    'Cette phrase secrète n’ouvre pas ce fichier de clé. Rien n’a été modifié.',
  'desk.import.done': 'Fichier de clé lu : {did}. Terminez la configuration ci-dessous.',
  'desk.register.title': 'Registre',
  'desk.register.empty':
    'Personne n’est encore inscrit. Scannez ci-dessous un code de connexion du portefeuille d’un citoyen.',
  'desk.register.name': 'Nom',
  'desk.register.number': 'Numéro',
  'desk.register.numberHint':
    'Numéro de membre du personnel, de patient ou d’étudiant (facultatif).',
  'desk.register.connectedAt': 'Connecté le',
  'desk.register.actions': 'Actions',
  'desk.register.issue': 'Délivrer une attestation',
  'desk.register.issueTo': 'Délivrer une attestation à {name}',
  'desk.register.connectTitle': 'Connecter une nouvelle personne',
  'desk.register.connectIntro':
    'Demandez à la personne d’ouvrir « Se connecter à un émetteur » dans son portefeuille, puis scannez le code, téléversez-en une photo ou collez le texte.',
  'desk.register.addressedTo': 'Le portefeuille a créé ce code pour : {name}.',
  'desk.register.add': 'Ajouter au registre',
  'desk.register.added': '{name} a été ajouté au registre.',
  'desk.register.already': 'Ce portefeuille figure déjà au registre sous le nom {name}.',
  'desk.register.invalid': 'Ce n’est pas un code de connexion valide.',
  'desk.register.badSignature':
    'La signature du code de connexion n’est pas valide. Il a peut-être été modifié.',
  'desk.register.stale':
    'Ce code de connexion est trop ancien (ou daté dans le futur). Demandez-en un nouveau.',
  'desk.register.invalidName': 'Saisissez le nom de la personne (200 caractères au plus).',
  'desk.issue.title': 'Délivrer une attestation',
  'desk.issue.noSubjects':
    'Inscrivez d’abord une personne : l’attestation est liée à la clé de son portefeuille pour votre organisation.',
  'desk.issue.subject': 'Délivrer à',
  'desk.issue.type': 'Attestation',
  'desk.issue.advanced': 'Options avancées',
  'desk.issue.decoys': 'Empreintes leurres',
  'desk.issue.decoysHint':
    'Masque le nombre de données de l’attestation. Chaque leurre ajoute environ 45 caractères à l’attestation et à chacune de ses présentations.',
  'desk.issue.submit': 'Signer et délivrer',
  'desk.issue.invalidClaims': 'Certains champs ne sont pas corrects. Rien n’a été délivré.',
  'desk.issue.listFull': 'La liste de statuts est pleine. Rien n’a été délivré.',
  'desk.issue.unknownSubject': 'Cette personne ne figure plus au registre.',
  'desk.issue.done': '{type} délivrée à {name}',
  'desk.issue.handOver':
    'Faites scanner ce code par le portefeuille de la personne, ou envoyez-lui le fichier ou le lien. L’attestation ne fonctionne que dans son portefeuille.',
  'desk.issue.qrLabel': 'Offre d’attestation pour {name}',
  'desk.issue.download': 'Télécharger en fichier',
  'desk.issue.copyLink': 'Copier le lien',
  'desk.issue.link': 'Lien',
  'desk.issue.text': 'Offre en texte',
  'desk.issue.another': 'Délivrer une autre attestation',
  'desk.issued.title': 'Attestations délivrées',
  'desk.issued.empty': 'Rien n’a encore été délivré.',
  'desk.issued.summary': 'Résumé',
  'desk.issued.issuedAt': 'Délivrée le',
  'desk.issued.status': 'Statut',
  'desk.revoke.button': 'Révoquer…',
  'desk.revoke.buttonFor': 'Révoquer l’attestation de {name} ({summary})',
  'desk.revoke.confirmTitle': 'Révoquer l’attestation de {name} ?',
  'desk.revoke.body':
    'La révocation est irréversible. Elle prend effet pour les portefeuilles et les vérificateurs dès que vous publiez à nouveau la liste de statuts.',
  'desk.revoke.reason': 'Motif (conservé dans le journal du guichet)',
  'desk.revoke.confirm': 'Révoquer',
  'desk.revoke.reasonMissing': 'Indiquez un motif pour le journal.',
  'desk.revoke.failed': 'Cette attestation n’a pas pu être révoquée.',
  'desk.revoke.done':
    'L’attestation de {name} a été révoquée. Publiez la liste de statuts pour le faire savoir.',
  'desk.publish.title': 'Publier la liste de statuts',
  'desk.publish.intro':
    'La liste signée couvre toutes les attestations délivrées par ce guichet (au moins 100 000 entrées : personne n’apprend qui a été vérifié). Hébergez le fichier à l’adresse de la liste de statuts.',
  'desk.publish.button': 'Signer la liste de statuts',
  'desk.publish.done': 'Signée. Placez ce fichier à {uri}.',
  'desk.publish.download': 'Télécharger la liste de statuts',
  'desk.publish.jwt': 'Liste de statuts (statuslist+jwt)',
  'desk.settings.profile': 'Profil de l’émetteur',
  'desk.settings.did': 'Identifiant de l’émetteur (DID)',
  'desk.export.title': 'Exporter le fichier de clé',
  'desk.export.intro':
    'Une copie de la clé et du profil de l’émetteur, chiffrée par une phrase secrète. Quiconque possède le fichier et la phrase secrète peut signer au nom de votre organisation.',
  'desk.export.passphrase': 'Phrase secrète du fichier de clé',
  'desk.export.hint': 'Au moins 10 caractères. Elle ne peut pas être récupérée.',
  'desk.export.repeat': 'Répétez la phrase secrète',
  'desk.export.submit': 'Exporter le fichier de clé',
  'desk.export.weak': 'Utilisez une phrase secrète d’au moins 10 caractères.',
  'desk.export.done':
    'Le fichier de clé a été téléchargé. Conservez-le séparément de sa phrase secrète.',
  'desk.erase.title': 'Effacer le guichet',
  'desk.erase.body':
    'Cela supprime la clé de l’émetteur, le registre et le journal de ce navigateur. Sans fichier de clé exporté, les attestations déjà délivrées ne pourront plus être révoquées.',
  'desk.erase.button': 'Effacer le guichet…',
  'desk.erase.confirmTitle': 'Effacer le guichet émetteur ?',

  'welcome.title': 'Bienvenue dans Vouch',
  'welcome.body':
    'Vouch conserve vos fiches de paie, attestations médicales et diplômes sur cet appareil, chiffrés. Personne d’autre ne détient vos clés.',
  'welcome.create': 'Créer un portefeuille',
  'welcome.restore': 'Restaurer avec 24 mots',

  'create.words.title': 'Vos 24 mots de récupération',
  'create.words.listLabel': 'Mots de récupération',
  'create.words.intro':
    'Notez ces mots sur papier, dans cet ordre, et gardez-les en lieu sûr. Ils sont le seul moyen de restaurer votre portefeuille. Quiconque les possède peut s’en emparer.',
  'create.words.once': 'Ces mots ne vous seront plus montrés.',
  'create.words.written': 'J’ai noté les 24 mots',
  'create.confirm.title': 'Vérifiez vos mots',
  'create.confirm.intro': 'Saisissez les mots à ces positions, d’après ce que vous avez noté.',
  'create.confirm.wordLabel': 'Mot {n}',
  'create.confirm.mismatch': 'Le mot {n} ne correspond pas. Vérifiez ce que vous avez noté.',
  'create.confirm.back': 'Revoir les mots',

  'restore.title': 'Restaurer votre portefeuille',
  'restore.intro':
    'Saisissez vos 24 mots de récupération dans l’ordre. Vous pouvez aussi les coller tous dans le premier champ.',
  'restore.wordLabel': 'Mot {n}',
  'restore.passphrase': 'Phrase secrète supplémentaire (seulement si vous en avez défini une)',
  'restore.passphraseHint':
    'Laissez vide, sauf si votre portefeuille a été créé avec une phrase secrète BIP39.',
  'restore.unknownWord': 'Le mot {n} ne figure pas dans la liste de mots.',
  'restore.missingWord': 'Le mot {n} manque.',
  'restore.badChecksum':
    'Ces 24 mots ne forment pas une phrase de récupération valide : au moins un mot est erroné ou mal placé. Le dernier mot est une somme de contrôle des autres.',
  'restore.wrongLength': 'Une phrase de récupération compte 24 mots ; {count} ont été saisis.',
  'restore.suggestions': 'Suggestions pour le mot {n}',
  'restore.submit': 'Continuer',

  'passcode.title': 'Choisissez un code d’accès',
  'passcode.intro':
    'Le code d’accès ouvre votre portefeuille sur cet appareil. Utilisez au moins 6 chiffres, ou une phrase secrète d’au moins 8 caractères.',
  'passcode.label': 'Code d’accès',
  'passcode.repeat': 'Répétez le code d’accès',
  'passcode.mismatch': 'Les deux codes d’accès ne sont pas identiques.',
  'passcode.tooShortDigits': 'Utilisez au moins 6 chiffres.',
  'passcode.tooShortPassphrase': 'Une phrase secrète doit compter au moins 8 caractères.',
  'passcode.strength.label': 'Robustesse',
  'passcode.strength.weak': 'Faible : facile à deviner. Plus long, c’est mieux.',
  'passcode.strength.fair': 'Moyenne.',
  'passcode.strength.strong': 'Forte.',
  'passcode.strength.none': 'Pas encore saisi.',
  'passcode.submit': 'Créer le portefeuille',
  'passcode.working': 'Chiffrement de votre portefeuille…',

  'unlock.title': 'Portefeuille verrouillé',
  'unlock.intro': 'Saisissez votre code d’accès pour ouvrir votre portefeuille.',
  'unlock.submit': 'Déverrouiller',
  'unlock.working': 'Déverrouillage…',
  'unlock.device': 'Déverrouiller avec cet appareil (empreinte/visage)',
  'unlock.deviceWorking': 'En attente de votre appareil…',
  'unlock.device.cancelled':
    'Le déverrouillage avec cet appareil a été annulé ou a expiré. Réessayez, ou utilisez votre code d’accès.',
  'unlock.device.rejected':
    'Cet appareil n’a pas pu ouvrir le portefeuille. Utilisez votre code d’accès ; vous pourrez réactiver le déverrouillage par l’appareil dans les Réglages.',
  'unlock.device.noPrf':
    'Cet appareil ne peut plus déverrouiller le portefeuille. Utilisez votre code d’accès.',
  'unlock.device.failed': 'L’appareil n’a pas répondu. Réessayez, ou utilisez votre code d’accès.',
  'unlock.wrong': 'Ce code d’accès n’est pas correct. Rien n’a été modifié.',
  'unlock.forgot': 'Code d’accès oublié ?',
  'unlock.forgotBody':
    'Un code d’accès ne peut pas être récupéré. Vous pouvez effacer ce portefeuille et le restaurer avec vos 24 mots.',

  'home.title': 'Votre portefeuille',
  'home.identity': 'Identité du portefeuille',
  'home.identityHint':
    'Cet identifiant ne quitte jamais votre appareil ; chaque émetteur reçoit un pseudonyme distinct.',
  'home.credentials': 'Attestations',
  'home.noCredentials':
    'Pas encore d’attestations. Elles viennent de votre employeur, médecin, université ou commune.',
  'home.lock': 'Verrouiller',
  'home.settings': 'Paramètres',
  'home.locked': 'Votre portefeuille a été verrouillé.',

  'home.receive': 'Recevoir une attestation',
  'home.connect': 'Se connecter à un émetteur',
  'home.incomeChart': 'Revenu net par mois',
  'home.incomeChart.month': 'Mois',
  'home.incomeChart.net': 'Revenu net',

  'credential.state.valid': 'Valide',
  'credential.state.expired': 'Expirée',
  'credential.state.revoked': 'Révoquée',
  'credential.state.unknown': 'Pas encore vérifiée',
  'credential.missing': 'Cette attestation n’est plus dans votre portefeuille.',
  'credential.claims': 'Ce qu’elle contient',
  'credential.about': 'À propos de cette attestation',
  'credential.issuer': 'Délivrée par',
  'credential.issuedAt': 'Délivrée le',
  'credential.expiresAt': 'Valable jusqu’au',
  'credential.receivedAt': 'Reçue le',
  'credential.yourName': 'Votre nom pour cet émetteur',
  'credential.card.yourName': 'Votre nom : {label}',
  'credential.status.title': 'Statut',
  'credential.status.lastChecked': 'Dernière vérification : {when}.',
  'credential.status.never':
    'Pas encore vérifiée. Vouch ne vérifie que lorsque vous ouvrez cette carte ou le demandez.',
  'credential.status.checkNow': 'Vérifier maintenant',
  'credential.status.openFile': 'Ouvrir la liste de l’émetteur en tant que fichier',
  'credential.status.checking': 'Vérification…',
  'credential.status.privacy':
    'La vérification télécharge toute la liste de l’émetteur, qui concerne de nombreuses personnes : l’émetteur ne sait pas quelle attestation vous avez vérifiée.',
  'credential.status.none': 'Cette attestation ne peut pas être révoquée.',
  'credential.status.unreachable':
    'La liste de l’émetteur n’a pas pu être atteinte. Rien n’a changé ; réessayez plus tard ou ouvrez la liste en tant que fichier.',
  'credential.status.notAllowed':
    'Ce portefeuille ne peut pas contacter l’adresse de la liste de statuts : rien n’a été téléchargé. Ouvrez plutôt la liste en tant que fichier.',
  'credential.status.invalidList':
    'Ce n’est pas une liste valide de l’émetteur de cette attestation. Rien n’a été modifié.',
  'credential.delete.title': 'Supprimer',
  'credential.delete.button': 'Supprimer cette attestation…',
  'credential.delete.confirmTitle': 'Supprimer cette attestation ?',
  'credential.delete.confirmBody':
    'L’attestation « {type} » de {issuer} sera retirée de ce portefeuille. Seul l’émetteur peut vous la redonner.',
  'credential.delete.confirm': 'Supprimer',

  'connect.title': 'Se connecter à un émetteur',
  'connect.intro':
    'Votre employeur, médecin, université ou commune a besoin une seule fois d’un code de votre part avant de pouvoir délivrer une attestation à votre portefeuille. Chaque émetteur reçoit un code différent pour vous : ils ne peuvent pas vous relier entre eux.',
  'connect.issuerName': 'Nom de l’émetteur',
  'connect.issuerNameHint':
    'Par exemple votre employeur. L’émetteur voit ce nom et votre portefeuille le retient.',
  'connect.create': 'Créer un code de connexion',
  'connect.badName': 'Saisissez le nom de l’émetteur (200 caractères au plus).',
  'connect.codeTitle': 'Code de connexion pour {issuer}',
  'connect.codeIntro':
    'Faites scanner ce code par l’émetteur, ou envoyez-lui le texte ci-dessous. Il est valable 10 minutes.',
  'connect.codeLabel': 'Code de connexion pour {issuer}',
  'connect.codeText': 'Code de connexion en texte',
  'connect.copy': 'Copier le texte',
  'connect.copied': 'Copié.',
  'connect.existing': 'Émetteurs auxquels vous êtes connecté',

  'receive.title': 'Recevoir une attestation',
  'receive.intro':
    'Scannez le code que l’émetteur vous montre, téléversez-en une photo, collez-le, ou ouvrez le fichier reçu.',
  'receive.checking': 'Vérification de l’attestation…',
  'receive.nothingStored': 'Rien n’a été enregistré.',
  'receive.fileTitle': 'Depuis un fichier',
  'receive.openFile': 'Ouvrir un fichier .vouch',
  'receive.types': 'Vouch accepte : {types}.',
  'receive.refused.malformed': 'Ce n’est pas une offre d’attestation lisible.',
  'receive.refused.unknownRelationship':
    'Cette attestation est destinée à une connexion que ce portefeuille ne connaît pas. Connectez-vous d’abord à l’émetteur depuis ce portefeuille.',
  'receive.refused.invalid':
    'La signature de l’émetteur sur cette attestation n’est pas valide, ou l’attestation a été modifiée.',
  'receive.refused.notBound': 'Cette attestation n’est pas liée à une clé de ce portefeuille.',
  'receive.refused.unknownType': 'Ce type d’attestation n’est pas pris en charge.',
  'receive.refused.invalidClaims': 'Le contenu de l’attestation ne correspond pas à son type.',
  'receive.refused.alreadyStored': 'Cette attestation est déjà dans votre portefeuille.',
  'receive.refused.notACode': 'Ce n’est pas un code Vouch.',
  'receive.refused.notAnOffer': 'Ce code n’est pas une offre d’attestation.',
  'receive.refused.tooLarge': 'Ce fichier est trop volumineux pour être une attestation.',
  'receive.refused.issuerChanged':
    'Cette attestation provient d’un autre émetteur que les précédentes reçues par cette connexion.',
  'receive.issuerChanged.title': 'Attention : un autre émetteur',
  'receive.issuerChanged.body':
    'Jusqu’ici, ce que vous avez reçu par « {relationship} » venait d’un seul émetteur. Cette attestation est signée par un autre.',
  'receive.issuerChanged.pinned': 'Émetteur jusqu’ici',
  'receive.issuerChanged.offered': 'Émetteur de cette attestation',
  'receive.issuerChanged.statedName': 'Dans l’attestation, il se nomme « {name} ».',
  'receive.issuerChanged.advice':
    'Refusez-la, sauf si l’émetteur vous a prévenu d’un changement. Quelqu’un pourrait se faire passer pour votre émetteur.',
  'receive.issuerChanged.refuse': 'Refuser cette attestation',
  'receive.issuerChanged.trust': 'Je fais confiance à ce nouvel émetteur',
  'receive.issuerChanged.refused': 'Refusée. Rien n’a été enregistré.',

  'settings.title': 'Paramètres',
  'settings.back': 'Retour au portefeuille',
  'settings.passcode.title': 'Changer le code d’accès',
  'settings.passcode.current': 'Code d’accès actuel',
  'settings.passcode.new': 'Nouveau code d’accès',
  'settings.passcode.repeat': 'Répétez le nouveau code d’accès',
  'settings.passcode.submit': 'Changer le code d’accès',
  'settings.passcode.done': 'Votre code d’accès a été changé.',
  'settings.passcode.wrong': 'Le code d’accès actuel n’est pas correct. Rien n’a été modifié.',
  'settings.autoLock.label': 'Verrouiller automatiquement après',
  'settings.autoLock.minutes': '{n} min',
  'settings.autoLock.saved': 'Enregistré.',
  'settings.storage.title': 'Stockage sur cet appareil',
  'settings.storage.persisted':
    'Protégé : le navigateur n’effacera pas votre portefeuille pour libérer de l’espace.',
  'settings.storage.bestEffort':
    'Non protégé : le navigateur peut effacer votre portefeuille si l’appareil manque d’espace. Gardez vos 24 mots en lieu sûr.',
  'settings.storage.unsupported':
    'Ce navigateur ne peut pas protéger les données stockées contre l’effacement. Gardez vos 24 mots en lieu sûr.',
  'settings.storage.request': 'Demander au navigateur de conserver mon portefeuille',
  'settings.device.title': 'Déverrouiller avec cet appareil',
  'settings.device.intro':
    'Ouvrez votre portefeuille avec votre empreinte, votre visage ou le verrouillage d’écran au lieu de taper votre code d’accès. Une clé gardée par la puce de sécurité de l’appareil verrouille alors aussi votre portefeuille ; votre code d’accès reste valable.',
  'settings.device.passcode': 'Votre code d’accès, pour confirmer que c’est vous',
  'settings.device.enable': 'Déverrouiller avec cet appareil (empreinte/visage)',
  'settings.device.working': 'Suivez la demande de votre appareil…',
  'settings.device.on':
    'Le déverrouillage avec cet appareil est activé. Votre code d’accès fonctionne aussi.',
  'settings.device.enabled':
    'C’est fait : la prochaine fois, vous pourrez déverrouiller avec cet appareil.',
  'settings.device.disable': 'Désactiver le déverrouillage avec cet appareil',
  'settings.device.disabled':
    'Le déverrouillage avec cet appareil est désactivé. Seul votre code d’accès ouvre le portefeuille.',
  'settings.device.wrong': 'Ce code d’accès n’est pas correct. Rien n’a été modifié.',
  'settings.device.noWebauthn':
    'Ce navigateur ne sait pas déverrouiller par empreinte ou visage. Continuez avec votre code d’accès.',
  'settings.device.noAuthenticator':
    'Cet appareil n’a pas d’empreinte, de reconnaissance faciale ni de verrouillage d’écran que le navigateur puisse utiliser. Continuez avec votre code d’accès.',
  'settings.device.noPrf':
    'Cet appareil ou ce navigateur ne peut pas garder de clé pour Vouch (l’extension WebAuthn « PRF » manque) : le déverrouillage par l’appareil n’est pas possible ici. Continuez avec votre code d’accès.',
  'settings.device.cancelled': 'Annulé ou expiré. Rien n’a été modifié.',
  'settings.device.failed': 'L’appareil n’a pas répondu. Rien n’a été modifié.',
  'settings.erase.title': 'Effacer ce portefeuille',
  'settings.erase.body':
    'Cela supprime toutes les clés et attestations de ce navigateur. Seuls vos 24 mots permettent de récupérer le portefeuille.',
  'settings.erase.button': 'Effacer ce portefeuille…',
  'settings.erase.confirmTitle': 'Effacer ce portefeuille ?',
  'settings.erase.confirmBody':
    'Tout le contenu de ce portefeuille sera supprimé de cet appareil. C’est irréversible. Assurez-vous d’avoir vos 24 mots.',
  'settings.erase.confirm': 'Tout effacer',
  'settings.erase.cancel': 'Annuler',

  'common.continue': 'Continuer',
  'common.back': 'Retour',
  'common.cancel': 'Annuler',
  'common.close': 'Fermer',

  'error.vault-corrupt':
    'Les données du portefeuille sur cet appareil n’ont pas pu être lues. Rien n’a été modifié. Restaurez avec vos 24 mots si le problème persiste.',
  'error.storage-unavailable':
    'Ce navigateur n’autorise pas le stockage de données (navigation privée ou stockage désactivé). Vouch a besoin de stockage pour votre portefeuille.',
  'error.unexpected': 'Un problème est survenu. Rien n’a été modifié. Veuillez réessayer.',

  'qr.frameOf': 'Image {i} sur {n}',
  'qr.animatedHint':
    'Ce code compte {n} parties qui se succèdent. Gardez la caméra dessus jusqu’à ce que toutes les parties soient lues.',
  'qr.play': 'Lancer l’animation',
  'qr.pause': 'Mettre l’animation en pause',
  'qr.previous': 'Image précédente',
  'qr.next': 'Image suivante',
  'qr.preparing': 'Préparation du code…',
  'qr.drawFailed': 'Ce code n’a pas pu être affiché. Utilisez plutôt la version texte.',
  'qr.download': 'Télécharger en image',
  'qr.scanner.label': 'Scanner un code',
  'qr.scanner.intro':
    'Scannez le code avec votre caméra, téléversez-en une photo ou collez-le sous forme de texte.',
  'qr.camera.start': 'Scanner avec la caméra',
  'qr.camera.stop': 'Arrêter la caméra',
  'qr.camera.view': 'Image de la caméra',
  'qr.camera.starting': 'Démarrage de la caméra…',
  'qr.camera.aim':
    'Pointez la caméra vers le code et tenez-la immobile, avec tout le code dans le cadre.',
  'qr.camera.stopped': 'La caméra s’est arrêtée.',
  'qr.camera.insecure-context':
    'La caméra ne fonctionne que sur une page sécurisée (https). Téléversez plutôt une photo du code ou collez son texte.',
  'qr.camera.unsupported':
    'Ce navigateur ne peut pas utiliser de caméra. Téléversez plutôt une photo du code ou collez son texte.',
  'qr.camera.permission-denied':
    'Vouch n’est pas autorisé à utiliser la caméra. Autorisez l’accès à la caméra dans les paramètres du site de votre navigateur, ou téléversez une photo du code ou collez son texte.',
  'qr.camera.no-camera':
    'Aucune caméra n’a été trouvée sur cet appareil. Téléversez plutôt une photo du code ou collez son texte.',
  'qr.camera.camera-busy':
    'La caméra est utilisée par une autre application ou n’a pas pu démarrer. Fermez l’autre application et réessayez.',
  'qr.camera.scanner-unavailable':
    'Le lecteur de codes n’a pas pu être chargé. Connectez-vous une fois à internet, puis réessayez.',
  'qr.camera.camera-failed':
    'La caméra n’a pas pu démarrer. Réessayez, ou téléversez une photo du code ou collez son texte.',
  'qr.progress': '{received} parties sur {expected} lues. Gardez la caméra sur le code.',
  'qr.progressLabel': 'Parties lues',
  'qr.done': 'Code lu.',
  'qr.upload.label': 'Téléverser une photo du code',
  'qr.upload.reading': 'Lecture de la photo…',
  'qr.upload.unreadable-image': 'Ce fichier n’est pas une image que ce navigateur peut ouvrir.',
  'qr.upload.no-code-found':
    'Aucun code n’a été trouvé sur cette photo. Utilisez une photo nette montrant tout le code.',
  'qr.upload.scanner-unavailable':
    'Le lecteur de codes n’a pas pu être chargé. Connectez-vous une fois à internet, puis réessayez.',
  'qr.paste.label': 'Coller le code sous forme de texte',
  'qr.paste.submit': 'Lire le texte',
  'qr.paste.empty': 'Collez d’abord le texte du code.',
  'qr.problem.not-vouch': 'Ce n’est pas un code Vouch.',
  'qr.problem.unsupported-version':
    'Ce code a été créé par une version plus récente de Vouch. Mettez cette application à jour et réessayez.',
  'qr.problem.corrupt': 'Ce code est endommagé ou incomplet. Réessayez.',
  'qr.problem.too-large': 'Ce code contient plus de données que Vouch n’en accepte.',
  'qr.problem.wrong-kind': 'Ce code ne peut pas être utilisé ici.',
  'qr.expected.offer': 'Ce code n’est pas une offre d’attestation.',
  'qr.expected.connect': 'Ce code n’est pas une demande de connexion d’un portefeuille.',
  'qr.expected.request': 'Ce code n’est pas une demande d’un vérificateur.',
  'qr.expected.response': 'Ce code n’est pas une réponse d’un portefeuille.',
  'qr.expected.status-list': 'Ce code n’est pas une liste de révocation.',
  'qr.is.offer': 'C’est une offre d’attestation, à scanner avec un portefeuille.',
  'qr.is.connect':
    'C’est une demande de connexion d’un portefeuille, à scanner par un guichet émetteur.',
  'qr.is.request': 'C’est une demande d’un vérificateur, à scanner avec un portefeuille.',
  'qr.is.response': 'C’est la réponse d’un portefeuille, à scanner par le vérificateur.',
  'qr.is.status-list': 'C’est une liste de révocation, à scanner par un vérificateur.',
  // issue 10: issuer
  'desk.issue.format': 'Format',
  'desk.issue.format.sdJwt': 'SD-JWT VC (divulgation sélective, recommandé)',
  'desk.issue.format.w3c': 'W3C VC-JWT (style Europass, tous les champs visibles)',
  'desk.issue.format.w3cHint':
    'Un W3C VC-JWT n’a pas de divulgation sélective : quiconque le voit voit tous les champs.',
  'desk.issued.format': 'Format',
  'desk.issued.format.dc+sd-jwt': 'SD-JWT VC',
  'desk.issued.format.jwt_vc_json': 'W3C VC-JWT',
  'desk.publish.w3cDone':
    'Également signée comme attestation W3C Bitstring Status List, pour les W3C VC-JWT. Placez ce fichier à {uri}.',
  'desk.publish.w3cDownload': 'Télécharger la liste de statuts W3C',
  'desk.publish.w3cJwt': 'Liste de statuts (W3C BitstringStatusListCredential)',
};
