import type { cardsEn } from './cards.en.ts';

export const cardsFr: Record<keyof typeof cardsEn, string> = {
  'cards.saved': 'Enregistrée dans votre portefeuille : {type} de {issuer}',
  'cards.showMore': 'Afficher {count} de plus',
  'cards.state.suspended': 'Suspendue',
  'cards.state.couldNotCheck': 'Vérification impossible',
  'cards.status.valid': 'Valide — vérifiée le {when}',
  'cards.status.revoked': 'Révoquée — vérifiée le {when}',
  'cards.status.suspended': 'Suspendue — vérifiée le {when}',
  'cards.status.couldNotCheck': 'Vérification impossible : {reason} ({when}).',
  'cards.status.reason.unreachable': 'la liste de l’émetteur n’a pas pu être atteinte',
  'cards.status.reason.notAllowed':
    'ce portefeuille ne peut pas contacter l’adresse de la liste de l’émetteur',
  'cards.status.reason.invalidList': 'la liste de l’émetteur n’a pas passé les contrôles',
  'cards.tech.title': 'Détails techniques',
  'cards.tech.issuerDid': 'Identifiant de l’émetteur (DID)',
  'cards.tech.pseudonym': 'Votre pseudonyme pour cet émetteur (clé de relation)',
  'cards.tech.pseudonymValue': 'relation {relationship}, clé {child}',
  'cards.tech.vct': 'Type (vct)',
  'cards.tech.w3cTypes': 'Types W3C',
  'cards.tech.statusList': 'Liste de statuts',
  'cards.tech.statusIndex': 'Index dans la liste de statuts',
  'cards.tech.statusRaw': 'Statut de révocation',
  'cards.tech.listIssuedAt': 'liste du {when}',
  'cards.tech.noStatusYet': 'aucun pour l’instant',
  'cards.tech.lastFailure': 'Dernière vérification échouée',
};
