import type { onlineEn } from './online.en.ts';

export const onlineFr: Record<keyof typeof onlineEn, string> = {
  'online.contact.title': 'Contacter {host} ?',
  'online.contact.offer':
    'Ce code demande à votre portefeuille d’aller chercher une offre d’attestation chez {host}. Rien ne quitte votre portefeuille avant que vous ne continuiez.',
  'online.contact.request':
    'Ce code demande à votre portefeuille d’aller chercher la demande d’un vérificateur chez {host}. {host} verra qu’un portefeuille l’a demandée. Rien n’est partagé sans votre accord.',
  'online.contact.unknownHost': 'le serveur nommé dans le code',
  'online.contact.go': 'Contacter',
  'online.contact.cancel': 'Annuler',
  'online.contacting': 'Contact avec {host}…',
  'online.badAddress':
    'Le code nomme une adresse qui n’est pas une adresse web. Rien n’a été envoyé.',
  'online.insecure':
    '{host} n’utilise pas de connexion sécurisée (https) ; votre portefeuille ne le contactera pas. Rien n’a été envoyé.',
  'online.notAllowed':
    'Ce portefeuille ne peut pas contacter {host} : il ne parle qu’aux serveurs autorisés par son exploitant. Rien n’a été envoyé. Demandez plutôt le code hors ligne (un code QR ou un fichier).',
  'online.tooLarge':
    'La réponse de {host} est trop grande pour être authentique. Rien n’a été enregistré.',
  'online.offline':
    'Votre portefeuille n’a pas pu joindre {host}. Vérifiez votre connexion et réessayez ; rien n’est perdu.',

  'online.offer.title': 'Offre d’attestation',
  'online.offer.from': 'De',
  'online.offer.what': 'Attestation',
  'online.offer.issuerAddress': 'Adresse de l’émetteur',
  'online.offer.nameUnverified':
    'C’est le nom que l’émetteur se donne. Vérifiez l’adresse si vous n’attendiez pas cette offre.',
  'online.offer.txCode': 'Code de transaction',
  'online.offer.txCodeHint':
    'L’émetteur vous a envoyé ce code séparément (par lettre, e-mail ou SMS).',
  'online.offer.txCodeLength':
    'L’émetteur vous a envoyé ce code séparément ; il compte {length} caractères.',
  'online.offer.accept': 'Accepter et enregistrer',
  'online.offer.decline': 'Refuser',
  'online.offer.receiving': 'Réception de votre attestation de {issuer}…',
  'online.offer.open': 'Afficher la carte',
  'online.offer.home': 'Retour à mon portefeuille',
  'online.offer.expired':
    'Cette offre n’est plus valable (déjà utilisée ou expirée). Demandez-en une nouvelle à l’émetteur.',
  'online.offer.txCodeRequired': 'Saisissez le code de transaction que l’émetteur vous a envoyé.',
  'online.offer.txCodeWrong':
    'L’émetteur n’a pas accepté ce code de transaction. Vérifiez-le et réessayez ; rien n’est perdu.',
  'online.offer.issuerError':
    'Le serveur de l’émetteur a répondu par une erreur. Rien n’a été enregistré ; réessayez plus tard.',
  'online.offer.badOffer': 'Cette offre n’est pas valable. Rien n’a été enregistré.',
  'online.offer.badMetadata':
    'Le serveur de l’émetteur ne se décrit pas correctement ; votre portefeuille ne peut pas l’utiliser. Rien n’a été enregistré.',
  'online.offer.unsupported':
    'Cette offre demande quelque chose que Vouch ne peut pas recevoir. Rien n’a été enregistré.',
  'online.offer.badCredential':
    'L’émetteur a envoyé une attestation qui n’a pas passé les contrôles. Rien n’a été enregistré.',

  'online.copies.get': 'Obtenir de nouvelles copies',
  'online.copies.getting': 'Demande de nouvelles copies à l’émetteur…',
  'online.copies.got': '{count} nouvelles copies enregistrées sur cette carte.',
  'online.copies.explain':
    'Votre portefeuille montre à chaque vérificateur une copie différente : les vérificateurs ne peuvent pas relier vos visites. L’émetteur voit que vous demandez de nouvelles copies, pas où vous les utilisez.',
  'online.copies.refused':
    'L’émetteur ne renouvelle plus cette attestation (elle a été révoquée, ou le renouvellement a expiré). Demandez une nouvelle attestation à l’émetteur.',

  'online.request.unreachable':
    'Votre portefeuille n’a pas pu récupérer la demande du vérificateur. Vérifiez votre connexion, ou demandez un nouveau code au vérificateur.',
  'online.verifier.unverifiedName':
    '« {verifier} » est le nom que le vérificateur se donne ; il n’est pas vérifié.',
  'online.verifier.notOnTrustList':
    'La demande est signée par l’identifiant ci-dessous, mais aucune liste à laquelle votre portefeuille se fie ne dit de qui il s’agit.',
  'online.verifier.redirectUri':
    'Non vérifié : cette demande n’est pas signée. N’importe qui peut l’envoyer ; elle dit seulement répondre à {host}.',
  'online.answer.sending': 'Envoi de votre réponse à {verifier}…',
  'online.answer.sent': 'Envoyé à {verifier}',
  'online.answer.sentBody': 'Votre réponse a été remise. Elle figure dans votre historique.',
  'online.answer.redirecting': 'Envoyé à {verifier}. Retour vers {verifier}…',
  'online.answer.rejected':
    '{verifier} n’a pas accepté la réponse. Demandez une nouvelle demande au vérificateur.',
  'online.answer.unreachable':
    'Votre portefeuille n’a pas pu joindre {verifier} pour remettre la réponse. Vérifiez votre connexion et réessayez.',

  'settings.handler.title': 'Ouvrir les liens dans ce portefeuille',
  'settings.handler.intro':
    'Laisser ce navigateur ouvrir les offres d’attestation et les demandes de vérificateurs (liens web+vouch:) dans ce portefeuille.',
  'settings.handler.register': 'Ouvrir ici les liens web+vouch:',
  'settings.handler.done':
    'Le navigateur vous demandera de confirmer. Ensuite, les liens web+vouch: s’ouvriront dans ce portefeuille.',
  'settings.handler.unsupported':
    'Ce navigateur ne permet pas à une page web d’ouvrir des liens de son propre type.',
};
