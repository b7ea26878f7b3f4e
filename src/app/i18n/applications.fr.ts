import type { applicationsEn } from './applications.en.ts';

export const applicationsFr: Record<keyof typeof applicationsEn, string> = {
  'applications.open': 'Liens de demande',
  'applications.title': 'Liens de demande',
  'applications.intro':
    'Un lien de demande demande l’un des modèles de demande du guichet. Chaque citoyen qui l’ouvre reçoit du serveur sa propre demande ; vous lisez les réponses ici.',
  'applications.offline':
    'Les liens de demande ont besoin d’un serveur : configurez-en un dans les réglages du vérificateur.',
  'applications.publish.title': 'Publier un lien de demande',
  'applications.publish.template': 'Modèle de demande',
  'applications.publish.name': 'Nom du lien',
  'applications.publish.nameHint': 'Pour vous et vos collègues, p. ex. « Complément 2027 ».',
  'applications.publish.submit': 'Publier',
  'applications.publish.nameMissing': 'Donnez un nom au lien (100 caractères au plus).',
  'applications.publish.done': 'Le lien de demande est publié.',
  'applications.purpose.income-supplement':
    'Demander le complément de revenu (Participatiewet) avec la fiche de paie du mois demandé',
  'applications.list.title': 'Liens publiés',
  'applications.list.refresh': 'Actualiser la liste',
  'applications.list.empty': 'Aucun lien de demande n’est encore publié.',
  'applications.list.loading': 'Lecture des liens…',
  'applications.item.qrLabel': 'Lien de demande : {name}',
  'applications.item.link': 'Lien de demande « {name} »',
  'applications.item.linkHint': 'Mettez ce lien ou son code QR sur votre site.',
  'applications.item.downloadLink': 'Télécharger le lien',
  'applications.item.published': 'Publié le {date}',
  'applications.item.answers': 'Réponses à « {name} » ({count})',
  'applications.withdraw.button': 'Retirer « {name} »',
  'applications.withdraw.title': 'Retirer « {name} » ?',
  'applications.withdraw.body':
    'Le lien cesse aussitôt de fonctionner : les citoyens qui l’ont ouvert sans encore répondre ne peuvent plus répondre, et ses réponses ne sont plus listées ici.',
  'applications.withdraw.confirm': 'Retirer le lien',
  'applications.withdraw.cancel': 'Le garder',
  'applications.withdraw.done': 'Le lien est retiré.',
  'applications.answers.title': 'Réponses à « {name} »',
  'applications.answers.refresh': 'Actualiser les réponses',
  'applications.answers.close': 'Fermer les réponses',
  'applications.answers.empty': 'Pas encore de réponse.',
  'applications.answers.pending': 'En cours de vérification',
  'applications.answers.show': 'Afficher la réponse du {date}',
  'applications.answers.back': 'Retour aux réponses',
};
