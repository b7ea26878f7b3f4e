import type { presentEn } from './present.en.ts';

export const presentFr: Record<keyof typeof presentEn, string> = {
  'present.start': 'Montrer une attestation',
  'present.title': 'Montrer une attestation',
  'present.intro':
    'Scannez le code que le vérificateur vous montre (ou téléversez-en une photo, ou collez-le). Vous voyez exactement ce qui est demandé avant que quoi que ce soit ne soit partagé.',
  'present.refused.malformed': 'Ce n’est pas une demande lisible.',
  'present.refused.invalid':
    'Cette demande n’est pas valablement signée, ou elle a expiré. Demandez-en une nouvelle au vérificateur.',
  'present.refused.unsupported':
    'Cette demande porte sur quelque chose à quoi Vouch ne peut pas répondre.',
  'present.asks': '{verifier} demande à voir',
  'present.firstTime': 'Vous n’avez encore rien montré à ce vérificateur.',
  'present.seenBefore': 'Vous avez déjà montré des attestations à ce vérificateur.',
  'present.purpose': 'Finalité',
  'present.verifierId': 'Identifiant du vérificateur',
  'present.noMatch': 'Vous n’avez pas de « {type} » qui corresponde à cette demande.',
  'present.whichOne': 'Quelle « {type} » ?',
  'present.whatYouShare': 'Ce que vous partagez',
  'present.required': 'obligatoire',
  'present.optional': 'facultatif, désactivé tant que vous ne l’activez pas',
  'present.restHidden': 'Tout le reste de vos attestations reste caché.',
  'present.cannotAnswer':
    'Vous ne pouvez pas répondre à cette demande : une attestation nécessaire manque dans votre portefeuille.',
  'present.decline': 'Refuser',
  'present.share': 'Partager',
  'present.failed': 'La réponse n’a pas pu être préparée. Rien n’a été partagé.',
  'present.answerTitle': 'Votre réponse',
  'present.answerIntro':
    'Faites scanner ce code par {verifier}. Il ne fonctionne qu’une fois, pour cette demande.',
  'present.answerLabel': 'Réponse pour {verifier}',
  'present.answerText': 'Réponse en texte',
  'present.done': 'Terminé',
  'present.redirecting': 'Votre réponse est renvoyée à {verifier}…',
  'present.declared.title': 'Données que vous déclarez vous-même',
  'present.declared.intro':
    'Vos propres réponses, tirées de la rubrique « Aides et allocations ». L’organisme les voit comme déclarées par vous, non vérifiées.',
  'present.declared.unanswered':
    '{fact} : sans réponse (vous pouvez y répondre dans la rubrique « Aides et allocations »).',
  'present.declared.marker': 'déclaré par vous',
  'history.title': 'Historique',
  'history.intro':
    'Ce que vous avez montré, à qui et pourquoi. Vous seul le voyez ; il est conservé chiffré dans votre portefeuille.',
  'history.empty': 'Vous n’avez encore montré aucune attestation.',
  'history.export': 'Exporter en JSON',
  'history.delete': 'Effacer l’historique…',
  'history.deleteTitle': 'Effacer tout l’historique ?',
  'history.deleteBody':
    'Vos attestations restent ; seul le relevé de ce que vous avez montré est supprimé.',
  'history.deleteConfirm': 'Effacer',
  // issue 10: W3C credentials in the wallet
  'wallet.w3c.note': 'Attestation W3C : toute personne à qui vous la montrez en voit chaque champ.',
  'wallet.w3c.format': 'Format',
  'wallet.w3c.formatW3c': 'Verifiable Credential W3C (VC-JWT)',
  'wallet.w3c.formatSdJwt': 'SD-JWT VC (vous choisissez les champs à montrer)',
  'present.w3c.everyField':
    'Ceci est une attestation W3C : elle ne peut masquer aucun champ. {verifier} verra chaque champ ci-dessous, pas seulement ce qui est demandé.',
  'present.w3c.fieldsLabel': 'Chaque champ que {verifier} verra',
  'present.w3c.asked': 'demandé',
  'present.w3c.notAsked': 'non demandé, montré quand même',
  'present.w3c.othersHidden': 'Vos autres attestations restent masquées.',
  'receive.w3c.hint':
    'Une attestation W3C (un fichier .jwt, ou son texte collé ci-dessus) peut aussi être reçue ici.',
  'present.copies.none':
    'Chaque copie de cette attestation a déjà été montrée à d’autres organisations. En montrer une à nouveau leur permettrait de relier ce qu’elles ont vu : le portefeuille ne la partage pas. Demandez d’abord de nouvelles copies à {issuer}.',
  'present.copies.few':
    'Il ne reste que {count} copies inutilisées de cette attestation. Demandez bientôt de nouvelles copies à {issuer}.',
  'present.copies.getNew': 'Demander de nouvelles copies',
  'present.copies.noneShort':
    'Chaque copie de cette attestation a déjà été montrée à d’autres organisations. Demandez d’abord de nouvelles copies.',
};
