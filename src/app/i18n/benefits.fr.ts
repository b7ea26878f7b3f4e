import type { benefitsEn } from './benefits.en.ts';

export const benefitsFr: Record<keyof typeof benefitsEn, string> = {
  'benefits.title': 'Aides et allocations',
  'benefits.open': 'Aides et allocations',
  'benefits.intro':
    'Ce à quoi vous pourriez avoir droit, calculé à partir des attestations de votre portefeuille et des réponses que vous donnez ci-dessous.',
  'benefits.privacy':
    'Tout ce qui figure sur cet écran est calculé sur cet appareil. Vos attestations et vos réponses ne sont envoyées nulle part ; rien ne quitte votre portefeuille tant que vous ne décidez pas de faire une demande et n’y consentez pas à l’écran suivant.',
  'benefits.loading': 'Calcul de vos droits…',
  'benefits.failed':
    'Vos droits n’ont pas pu être calculés. Les données de votre portefeuille sont en sécurité.',
  'benefits.jurisdiction.NL': 'Pays-Bas',
  'benefits.jurisdiction.BE': 'Belgique',

  'benefits.facts.title': 'Quelques questions',
  'benefits.facts.intro':
    'Certaines aides dépendent d’éléments qu’aucune attestation n’indique. Répondez à ce que vous voulez, passez ce que vous ne savez pas. Vos réponses sont conservées chiffrées dans ce portefeuille et vous pouvez les modifier à tout moment.',
  'benefits.facts.notAnswered': 'Pas de réponse',
  'benefits.facts.yes': 'Oui',
  'benefits.facts.no': 'Non',
  'benefits.facts.euroHint': 'En euros, par exemple 1250 ou 1250,50.',
  'benefits.facts.save': 'Enregistrer les réponses',
  'benefits.facts.skip': 'Passer pour l’instant',
  'benefits.facts.edit': 'Modifier les réponses',
  'benefits.facts.answer': 'Répondre aux questions',
  'benefits.facts.none': 'Vous n’avez encore répondu à aucune question.',
  'benefits.facts.yours': 'Vos réponses',
  'benefits.facts.saved':
    'Vos réponses sont enregistrées. Les résultats ci-dessous en tiennent compte.',
  'benefits.facts.invalid': 'Cette réponse ne peut pas être utilisée : {field}.',
  'benefits.facts.badAmount': 'Indiquez un montant en euros, par exemple 1250,50.',
  'benefits.facts.badNumber': 'Indiquez un nombre entier, 0 ou plus.',
  'benefits.facts.partnerPerMonth': 'Revenu net de votre partenaire par mois',
  'benefits.facts.partnerPerMonthHint':
    'Un montant pour chaque mois qui a un résultat ci-dessous, en euros (par exemple 1250 ou 1250,50). Laissez vide un mois que vous ne connaissez pas.',
  'benefits.facts.monthAmount': '{month} : {amount}',
  'benefits.facts.adults': '{count} adultes dans le logement',
  'benefits.facts.fromMunicipality':
    'Ménage : {household}. Cela vient de l’attestation de votre commune : la question ne vous est pas posée.',
  'benefits.facts.fromMunicipalityAt':
    'Ménage : {household}. Cela vient de l’attestation de votre commune ({source}) : la question ne vous est pas posée.',

  'benefits.status.eligible': 'Vous y avez droit',
  'benefits.status.likely-eligible': 'Vous y avez probablement droit — l’organisme décide',
  'benefits.status.not-eligible': 'Vous n’y avez pas droit',
  'benefits.status.needs-evidence': 'Il faut davantage d’informations',
  'benefits.status.unknown':
    'Impossible à calculer pour l’instant : les montants de cette période ne sont pas publiés',

  'benefits.month.none':
    'Votre portefeuille ne contient encore aucune attestation de revenus. Dès que votre employeur vous en envoie une, vous verrez ici si vous avez droit à un complément pour ce mois.',
  'benefits.month.amount': 'Paiement de ce mois',
  'benefits.month.holiday': 'Pécule de vacances mis de côté (versé en juin)',
  'benefits.month.norm': 'Norme d’aide sociale',
  'benefits.month.counted': 'Revenu pris en compte',
  'benefits.month.income': 'Revenu net',
  'benefits.amount': 'Montant',
  'benefits.amountUnpublished': 'Le montant pour cette année n’est pas encore publié',
  'benefits.monthly': 'Par mois',
  'benefits.scheme': 'Régime',
  'benefits.scheme.TAS': 'TAS — indemnité pour les victimes de l’amiante (salariés)',
  'benefits.scheme.TNS': 'TNS — indemnité pour les victimes non professionnelles de l’amiante',
  'benefits.scheme.TSB': 'TSB — indemnité pour le cancer du poumon lié à l’amiante',
  'benefits.scheme.AFA': 'AFA — Fonds amiante (Belgique)',
  'benefits.route': 'Comment faire la demande',

  'benefits.why': 'Pourquoi ?',
  'benefits.why.input': 'Donnée',
  'benefits.why.fromCredential': 'tirée de votre attestation',
  'benefits.why.declared': 'déclarée par vous',
  'benefits.why.figure': 'Montant utilisé',
  'benefits.why.notPublished': 'non publié',
  'benefits.why.validFrom': 'en vigueur depuis le {date}',
  'benefits.why.derived': 'Calculé',
  'benefits.why.source': 'Source',
  'benefits.why.legalBasis': 'Base légale',

  'benefits.chart.title': 'Revenu net comparé à la norme d’aide sociale',
  'benefits.chart.income': 'Revenu net',
  'benefits.chart.topUp': 'Complément',
  'benefits.chart.norm': 'Norme',
  'benefits.chart.summary': '{month} : revenu net {income}, complément {topUp}, norme {norm}.',
  'benefits.chart.unpublished': 'non publiée',

  'benefits.apply': 'Faire la demande',
  'benefits.apply.close': 'Fermer',
  'benefits.apply.title': 'Faire la demande : ce que vous montreriez',
  'benefits.apply.intro':
    'Pour faire la demande, vous montrez à l’organisme ces données de vos attestations. L’organisme les vérifie et applique la même règle.',
  'benefits.apply.to': 'À',
  'benefits.apply.why': 'Pourquoi',
  'benefits.apply.claims': 'Données montrées',
  'benefits.apply.from': 'Émise par : {issuers}',
  'benefits.apply.missing':
    'Vous n’avez pas encore cette attestation. Demandez-la à l’organisme qui la délivre.',
  'benefits.apply.noEvidence': 'Ce résultat ne demande de montrer aucune attestation.',
  'benefits.apply.declared': 'Ce que vous déclarez vous-même (vérifié par personne)',
  'benefits.apply.noDeclared': 'Aucune de vos réponses n’accompagne cette demande.',
  'benefits.apply.consent':
    'Rien n’est encore envoyé. L’organisme publie un lien de demande et son code QR, sur son site ou à son guichet. Scannez le code ou collez le lien : l’écran suivant indique exactement ce que l’organisme demande, et vous décidez.',
  'benefits.apply.scan': 'Scanner le QR de demande de l’organisme',
  'benefits.apply.paste': 'Coller le lien de demande de l’organisme',
  'benefits.apply.link': 'Lien de demande',
  'benefits.apply.linkHint':
    'Il commence par openid4vp:// ou https://. Le portefeuille vous demande avant de contacter l’organisme.',
  'benefits.apply.open': 'Ouvrir la demande',
  'benefits.apply.linkEmpty': 'Collez d’abord le lien de demande.',
  'benefits.apply.linkTooLarge': 'Ce texte est trop long pour être un lien de demande.',
  'benefits.apply.linkUnknown':
    'Ce n’est pas un lien de demande. Copiez le lien entier depuis le site de l’organisme et réessayez.',

  'benefits.changes.title': 'Du nouveau pour vos droits',
  'benefits.changes.open': 'Voir vos droits',
  'benefits.changes.dismiss': 'Masquer',
  'benefits.change.eligibleAmount': '{subject} : vous avez droit à {amount}',
  'benefits.change.eligible': '{subject} : vous y avez droit',
  'benefits.change.likelyAmount': '{subject} : vous avez probablement droit à {amount}',
  'benefits.change.likely': '{subject} : vous y avez probablement droit',
  'benefits.change.notEligible': '{subject} : vous n’y avez plus droit',
  'benefits.change.needsEvidence': '{subject} : il faut davantage d’informations',
  'benefits.change.unknown': '{subject} : impossible à calculer pour l’instant',
  'benefits.change.amount': '{subject} : votre montant est passé de {previous} à {amount}',
};
