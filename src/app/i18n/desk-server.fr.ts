import type { deskServerEn } from './desk-server.en.ts';

/** French strings of the desks' `vouch serve` connection. */
export const deskServerFr: Record<keyof typeof deskServerEn, string> = {
  'deskServer.title': 'Serveur',
  'deskServer.intro':
    'Reliez ce guichet au serveur Vouch de votre organisation (vouch serve) pour remettre offres et demandes en ligne. Sans serveur, le guichet fonctionne hors ligne, avec des codes QR.',
  'deskServer.none': 'Pas de serveur : ce guichet fonctionne hors ligne.',
  'deskServer.current': 'Serveur : {url}',
  'deskServer.url': 'Adresse du serveur',
  'deskServer.urlHint': 'Par exemple https://vouch.example.org',
  'deskServer.token': 'Jeton d’administration',
  'deskServer.tokenHint':
    'Affiché par vouch serve à son premier démarrage (ou son VOUCH_ADMIN_TOKEN). Conservé chiffré sur ce guichet.',
  'deskServer.tokenKeep': 'Laissez vide pour garder le jeton enregistré.',
  'deskServer.save': 'Enregistrer le serveur',
  'deskServer.saved': 'Le serveur est enregistré.',
  'deskServer.test': 'Tester la connexion',
  'deskServer.testing': 'Contact avec le serveur…',
  'deskServer.answers': 'Le serveur répond.',
  'deskServer.forget': 'Oublier le serveur',
  'deskServer.forgotten': 'Le serveur est oublié : le guichet fonctionne hors ligne.',
  'deskServer.invalidUrl':
    'Saisissez une adresse https (ou http://localhost pour un serveur sur cet ordinateur), sans ? ni #.',
  'deskServer.invalidToken': 'Saisissez le jeton d’administration (sans espaces).',
  'deskServer.issuer': 'Émetteur du serveur',
  'deskServer.verifier': 'Vérificateur du serveur',
  'deskServer.statusList': 'Liste de statut du serveur',
  'deskServer.noKey': 'aucun',
  'deskServer.issuerDiffers':
    'Le serveur signe avec une autre clé que ce guichet ({did}). Les attestations émises par le serveur portent la signature du serveur : les vérificateurs doivent aussi faire confiance à cette clé ; la liste de statut de ce guichet ne peut pas y être hébergée.',
  'deskServer.issuerSame':
    'Le serveur signe avec la clé de ce guichet : les nouvelles attestations renvoient à la liste de statut que le serveur héberge.',
  'deskServer.hostedList':
    'Liste de statut sur le serveur (les nouvelles attestations y renvoient)',
  'deskServer.problem.bad-url': 'L’adresse du serveur n’est pas valide.',
  'deskServer.problem.origin-not-allowed':
    'Ce guichet ne peut pas contacter cette adresse : elle doit figurer parmi les adresses que cette version autorise (VOUCH_CONNECT_SRC).',
  'deskServer.problem.insecure':
    'Le http simple n’est permis que vers cet ordinateur. Utilisez https.',
  'deskServer.problem.unreachable':
    'Le serveur n’a pas répondu. Vérifiez l’adresse, qu’il tourne, et qu’il autorise ce guichet (--admin-origin).',
  'deskServer.problem.unauthorized': 'Le serveur a refusé le jeton d’administration.',
  'deskServer.problem.not-found': 'Le serveur ne connaît pas ceci (peut-être expiré).',
  'deskServer.problem.rejected': 'Le serveur a refusé ce que le guichet a envoyé.',
  'deskServer.problem.server-error': 'Le serveur a eu un problème. Réessayez plus tard.',
  'deskServer.problem.malformed-answer': 'La réponse du serveur n’a pas été comprise.',
  'deskServer.problem.not-configured': 'Aucun serveur n’est configuré : voir Paramètres.',

  'deskServer.issue.delivery': 'Comment remettre',
  'deskServer.issue.online':
    'Offre en ligne par le serveur (le portefeuille va chercher l’attestation)',
  'deskServer.issue.offline':
    'Hors ligne : un code QR contenant l’attestation, pour une personne du registre',
  'deskServer.issue.txCode': 'Demander un code de transaction',
  'deskServer.issue.txCodeHint':
    'Le portefeuille demande alors au citoyen un code que vous lui communiquez à part (par téléphone, sur papier).',
  'deskServer.issue.submit': 'Créer l’offre en ligne',
  'deskServer.issue.offered': '{type} : offre en ligne prête',
  'deskServer.issue.handOver':
    'Faites scanner ce code par le portefeuille du citoyen, ou envoyez-lui le lien. Le serveur émet l’attestation, signée de sa clé, quand le portefeuille la demande.',
  'deskServer.issue.qrLabel': 'Offre d’attestation en ligne : {type}',
  'deskServer.issue.link': 'Lien de l’offre',
  'deskServer.issue.copyLink': 'Copier le lien de l’offre',
  'deskServer.issue.txCodeIs': 'Code de transaction à communiquer au citoyen',
  'deskServer.issue.noSubjects':
    'Personne n’est encore dans le registre : la remise hors ligne demande une personne du registre, pas une offre en ligne.',

  'deskServer.publish.done': 'La liste de statut est publiée sur le serveur : {uri}',
  'deskServer.publish.failed': 'La liste de statut n’a pas pu être publiée sur le serveur.',
  'deskServer.revoke.title': 'Révoquer une attestation émise par le serveur',
  'deskServer.revoke.intro':
    'Les attestations émises par le serveur sont sur la liste de statut propre au serveur. Révoquez-en une par son index de statut ; la liste hébergée change aussitôt.',
  'deskServer.revoke.index': 'Index de statut',
  'deskServer.revoke.submit': 'Révoquer sur le serveur',
  'deskServer.revoke.invalid': 'Saisissez l’index de statut : un nombre entier.',
  'deskServer.revoke.done': 'L’index {index} est révoqué dans {list}.',

  'deskServer.request.online': 'En ligne par le serveur (openid4vp)',
  'deskServer.request.offline':
    'Hors ligne : un code QR auquel le portefeuille répond par un code QR',
  'deskServer.request.delivery': 'Comment demander',
  'deskServer.request.handOver':
    'Faites scanner ce code par le portefeuille du citoyen. La réponse arrive ici d’elle-même.',
  'deskServer.request.qrLabel': 'Demande en ligne : {purpose}',
  'deskServer.request.link': 'Lien pour un portefeuille sur cet appareil',
  'deskServer.request.openHere': 'Ouvrir dans le portefeuille de cet appareil',
  'deskServer.request.waiting': 'En attente de la réponse du citoyen…',
  'deskServer.request.paused':
    'L’attente est suspendue tant que cette page est cachée ; elle reprend à votre retour.',
  'deskServer.request.expired': 'La demande a expiré sans réponse. Faites une nouvelle demande.',
  'deskServer.request.stopped': 'Le guichet n’attend plus la réponse.',
};
