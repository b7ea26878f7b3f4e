import type { consentEn } from './consent.en.ts';

export const consentFr: Record<keyof typeof consentEn, string> = {
  'consent.remove': 'Retirer',
  'consent.asks.notVerified': 'Un vérificateur qui se présente comme « {name} » demande à voir',
  'consent.asks.unnamed': 'Un vérificateur qui ne donne pas de nom demande à voir',
  'consent.standing.registered.title': 'Vérifié par un enregistrement',
  'consent.standing.registered.body':
    '{name} est enregistré par une autorité à laquelle votre portefeuille fait confiance.',
  'consent.standing.listed.title': 'Vérifié par une liste de confiance',
  'consent.standing.listed.body':
    '{name} figure sur la liste « {list} », signée par une autorité à laquelle votre portefeuille fait confiance.',
  'consent.standing.notVerified.title': 'Non vérifié',
  'consent.standing.notVerified.body':
    'Aucune autorité à laquelle votre portefeuille fait confiance ne se porte garante de ce vérificateur. Ne partagez que si vous savez qui demande.',
  'consent.standing.unsigned':
    'Cette demande n’est pas signée : elle indique seulement où va la réponse ({host}).',
  'consent.technical': 'Détails techniques',
  'consent.authority': 'Autorité d’enregistrement',
  'consent.facts.answerHere':
    'Pas encore répondu. Répondez ici ; la réponse est aussi enregistrée avec vos réponses dans Aides et allocations.',
  'consent.optionalCredential.add':
    'Partager aussi : {type} (facultatif, désactivé tant que vous ne l’activez pas)',
  'consent.optionalCredential.why':
    '{verifier} demande aussi votre {type}. Vous pouvez ne pas le partager ; la demande est complète sans.',
  'consent.facts.forMonth': '{fact} en {month}',
  'consent.facts.saveFailed': 'Vos réponses n’ont pas pu être enregistrées. Rien n’a été partagé.',
  'consent.incomplete.title': 'Cette demande est incomplète',
  'consent.incomplete.missingCredential': 'Manquant : {type}.',
  'consent.incomplete.missingFact': 'Sans réponse : {fact}.',
  'consent.incomplete.body':
    'L’organisme ne pourra peut-être pas décider sans cela. Vous pouvez quand même partager ce que vous avez.',
  'consent.incomplete.confirmTitle': 'Partager une demande incomplète ?',
  'consent.incomplete.confirmBody':
    '{verifier} verra qu’il manque quelque chose et pourra vous le demander plus tard.',
  'consent.incomplete.shareAnyway': 'Partager quand même',
  'consent.incomplete.goBack': 'Retour',
  'consent.authorities.title': 'Autorités de confiance',
  'consent.authorities.intro':
    'Des autorités qui enregistrent les vérificateurs. Quand un vérificateur montre un enregistrement de l’une d’elles, ou figure sur une liste signée par l’une d’elles, votre portefeuille indique qu’il est vérifié.',
  'consent.authorities.none':
    'Aucune autorité pour l’instant : chaque vérificateur est affiché comme non vérifié.',
  'consent.authorities.fromBuild': 'intégrée à ce portefeuille',
  'consent.authorities.words': 'Mots d’empreinte',
  'consent.authorities.didLabel': 'Identifiant de l’autorité (did:key…)',
  'consent.authorities.didHint':
    'Compare ses mots d’empreinte avec ce que publie l’autorité avant de vous y fier.',
  'consent.authorities.add': 'Ajouter l’autorité',
  'consent.authorities.added': 'Autorité ajoutée.',
  'consent.authorities.remove': 'Retirer l’autorité {words}',
  'consent.authorities.notADid': 'Ce n’est pas un identifiant did:key ou did:jwk.',
  'consent.authorities.already': 'Cette autorité est déjà de confiance.',
  'consent.authorities.tooMany': 'Vous pouvez faire confiance à 20 autorités au plus.',
  'consent.lists.title': 'Listes de vérificateurs',
  'consent.lists.intro':
    'Une liste de vérificateurs signée par une autorité de confiance (un fichier, ou un lien vers celui-ci).',
  'consent.lists.none': 'Pas encore de liste de vérificateurs.',
  'consent.lists.file': 'Fichier de la liste',
  'consent.lists.link': 'Ou un lien vers la liste',
  'consent.lists.add': 'Ajouter la liste',
  'consent.lists.added': 'Liste ajoutée.',
  'consent.lists.summary': '{name} : {count} vérificateurs, valable jusqu’au {date}',
  'consent.lists.notCounting': 'Ne compte pas : expirée, ou son autorité n’est plus de confiance.',
  'consent.lists.remove': 'Retirer la liste {name}',
  'consent.lists.malformed': 'Ce n’est pas une liste de vérificateurs lisible.',
  'consent.lists.badSignature': 'Cette liste n’est pas valablement signée.',
  'consent.lists.expired': 'Cette liste a expiré.',
  'consent.lists.untrusted':
    'Cette liste est signée par une autorité à laquelle vous ne faites pas confiance. Ajoutez d’abord l’autorité.',
  'consent.lists.noVerifiers': 'Cette liste ne nomme aucun vérificateur.',
  'consent.lists.already': 'Vous avez déjà cette liste.',
  'consent.lists.tooMany': 'Vous pouvez garder 20 listes au plus.',
  'consent.lists.unreachable':
    'La liste n’a pas pu être récupérée. Vérifiez le lien et votre connexion.',
  'consent.lists.badLink':
    'Ce lien ne peut pas être utilisé (https uniquement, depuis une adresse autorisée).',
  'consent.lists.empty': 'Choisissez un fichier ou collez un lien.',
  'consent.desk.optionalCredentials': 'Le demandeur peut ajouter',
  'consent.desk.optionalCredential': '{type} : {claims}',
  'consent.desk.claim.householdType': 'type de ménage',
  'consent.desk.claim.adultCoResidents': 'adultes vivant avec le demandeur',
  'consent.desk.claim.validOn': 'date de référence',
  'consent.desk.claim.municipality': 'commune',
  'consent.desk.title': 'Certificat d’enregistrement',
  'consent.desk.intro':
    'Un certificat d’une autorité d’enregistrement indique aux portefeuilles qui est ce guichet. Le guichet l’ajoute à chaque demande.',
  'consent.desk.none':
    'Pas de certificat : les portefeuilles affichent ce guichet comme non vérifié.',
  'consent.desk.file': 'Fichier du certificat',
  'consent.desk.paste': 'Ou collez le certificat',
  'consent.desk.add': 'Enregistrer le certificat',
  'consent.desk.saved': 'Certificat enregistré. Chaque nouvelle demande le porte.',
  'consent.desk.current': 'Enregistré comme {name} jusqu’au {date}',
  'consent.desk.remove': 'Retirer le certificat',
  'consent.desk.removed': 'Certificat retiré.',
  'consent.desk.malformed': 'Ce n’est pas un certificat d’enregistrement lisible.',
  'consent.desk.badSignature': 'Ce certificat n’est pas valablement signé.',
  'consent.desk.expired': 'Ce certificat a expiré. Demandez-en un nouveau à votre autorité.',
  'consent.desk.notYetValid': 'Ce certificat n’est pas encore valable.',
  'consent.desk.otherVerifier': 'Ce certificat enregistre un autre vérificateur, pas ce guichet.',
  'consent.desk.empty': 'Choisissez un fichier ou collez le certificat.',
};
