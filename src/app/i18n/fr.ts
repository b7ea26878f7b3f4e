import type { Messages } from './en.ts';

export const fr: Messages = {
  'app.name': 'Vouch',
  'app.tagline':
    'Vos attestations sur votre appareil, montrées seulement dans la mesure nécessaire.',
  'app.loading': 'Chargement…',
  'app.crashed.title': 'Un problème est survenu',
  'app.crashed.body':
    'Cet écran n’a pas pu s’afficher. Les données de votre portefeuille sont en sécurité sur cet appareil.',
  'app.crashed.reload': 'Recharger',
  'app.offlineReady': 'Vouch fonctionne désormais aussi sans connexion.',

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
};
