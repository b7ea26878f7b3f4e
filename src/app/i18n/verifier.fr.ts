import type { verifierEn } from './verifier.en.ts';

export const verifierFr: Record<keyof typeof verifierEn, string> = {
  'verifier.sections': 'Sections du guichet de vérification',
  'verifier.locked.title': 'Guichet de vérification verrouillé',
  'verifier.locked.idle': 'Le guichet a été verrouillé après 15 minutes d’inactivité.',
  'verifier.kind.agency': 'Organisme de prestations ou commune',
  'verifier.kind.employer': 'Employeur',
  'verifier.kind.other': 'Autre organisation',

  'verifier.setup.title': 'Configurer le guichet de vérification',
  'verifier.setup.intro':
    'Le guichet demande aux citoyens exactement les données dont il a besoin et vérifie leurs réponses, hors ligne. Il reçoit sa propre identité (un did:key avec une clé ES256) et son propre code d’accès ; rien ne quitte cet appareil.',
  'verifier.setup.name': 'Nom de l’organisation',
  'verifier.setup.nameHint':
    'Les portefeuilles affichent ce nom sur l’écran de consentement, p. ex. « Ville de Liège ».',
  'verifier.setup.invalidProfile':
    'Indiquez le nom de votre organisation (200 caractères au plus).',
  'verifier.setup.kind': 'Type de vérificateur',
  'verifier.setup.passcodeTitle': 'Code d’accès du guichet',
  'verifier.setup.passcode': 'Code d’accès du guichet de vérification',
  'verifier.setup.passcodeRepeat': 'Répétez le code d’accès du guichet de vérification',
  'verifier.setup.submit': 'Configurer le guichet de vérification',

  'verifier.tab.request': 'Demande',
  'verifier.tab.check': 'Vérifier une réponse',
  'verifier.tab.trust': 'Émetteurs de confiance',
  'verifier.tab.status': 'Listes de statut',
  'verifier.tab.history': 'Historique',
  'verifier.tab.settings': 'Paramètres du guichet',

  'verifier.request.title': 'Demander une attestation',
  'verifier.request.intro':
    'Choisissez ce dont vous avez besoin. Le citoyen voit votre nom, la finalité et chaque donnée, et peut omettre les données facultatives.',
  'verifier.request.template': 'De quoi avez-vous besoin ?',
  'verifier.request.custom': 'Demande personnalisée',
  'verifier.request.month': 'Mois',
  'verifier.request.monthMissing': 'Choisissez le mois de l’attestation de revenus.',
  'verifier.request.type': 'Type d’attestation',
  'verifier.request.required': 'Obligatoire',
  'verifier.request.optional': 'Facultatif',
  'verifier.request.notAsked': 'Non demandé',
  'verifier.request.declare': 'Le citoyen déclare',
  'verifier.request.rule': 'Examen sur la réponse',
  'verifier.request.purpose': 'Finalité',
  'verifier.request.purposeHint':
    'Dites pourquoi vous en avez besoin, en des termes que le citoyen comprend.',
  'verifier.request.purposeMissing': 'Indiquez la finalité de la demande.',
  'verifier.request.nothingRequired': 'Marquez au moins une donnée comme obligatoire.',
  'verifier.request.show': 'Afficher la demande',
  'verifier.request.shownTitle': 'Demande prête',
  'verifier.request.handOver':
    'Faites scanner ce code par le portefeuille du citoyen, puis scannez le code de sa réponse.',
  'verifier.request.asked': 'Contenu de la demande',
  'verifier.request.qrLabel': 'Demande pour {purpose}',
  'verifier.request.otherWays': 'Autres moyens',
  'verifier.request.text': 'Demande sous forme de texte',
  'verifier.request.link': 'Lien pour un portefeuille sur cet appareil',
  'verifier.request.linkHint': 'Le portefeuille renvoie sa réponse directement à cette page.',
  'verifier.request.openHere': 'Ouvrir dans le portefeuille sur cet appareil',
  'verifier.request.new': 'Nouvelle demande',

  'verifier.template.income-supplement.name':
    'Complément de revenus (Participatiewet, Pays-Bas) pour un mois',
  'verifier.template.income-supplement.purpose':
    'Complément de revenus (Participatiewet, Pays-Bas) pour {month}',
  'verifier.template.asbestos-tas.name': 'Indemnisation des victimes de l’amiante (TAS/TNS)',
  'verifier.template.asbestos-tas.purpose':
    'Indemnisation des victimes de l’amiante (TAS/TNS) : votre diagnostic et quelques faits que vous déclarez',
  'verifier.template.asbestos-afa.name': 'Fonds amiante (AFA)',
  'verifier.template.asbestos-afa.purpose':
    'Fonds amiante (AFA) : votre diagnostic et quelques faits que vous déclarez',
  'verifier.template.diploma-job.name': 'Diplôme pour une candidature',
  'verifier.template.diploma-job.purpose': 'Diplôme pour une candidature à un emploi',

  'verifier.answer.title': 'Scanner la réponse',
  'verifier.answer.intro':
    'Scannez le code affiché par le portefeuille (codes animés compris), téléversez-en une photo ou collez son texte.',
  'verifier.answer.checking': 'Vérification de la réponse…',

  'verifier.check.title': 'Vérifier une réponse',
  'verifier.check.intro':
    'Scannez une réponse à l’une des demandes de ce guichet. Chaque demande ne peut recevoir qu’une réponse.',
  'verifier.check.malformed': 'Ceci n’est pas une réponse lisible d’un portefeuille.',
  'verifier.check.another': 'Vérifier une autre réponse',
  'verifier.check.pass': 'Réussi',
  'verifier.check.fail': 'Échoué',
  'verifier.check.warning': 'Avertissement',

  'verifier.verdict.valid': 'Valide',
  'verifier.verdict.notValid': 'Non valide',
  'verifier.verdict.failedChecks': 'Contrôles échoués : {checks}.',
  'verifier.verdict.answers': 'Réponse à : {purpose}.',
  'verifier.verdict.noRequest':
    'Cette réponse ne correspond à aucune demande en attente à ce guichet.',
  'verifier.verdict.credential': 'Attestation',
  'verifier.verdict.issuedBy': 'Délivrée par {name}, sur votre liste de confiance.',
  'verifier.verdict.untrusted': 'Émetteur inconnu — pas de confiance.',
  'verifier.verdict.trustListExpired':
    'Cet émetteur ne figure que sur la liste de confiance « {name} », qui a expiré le {when}. Importez une édition à jour de la liste.',
  'verifier.verdict.claims': 'Données communiquées',
  'verifier.verdict.noClaims':
    'Aucune donnée ne peut être affichée : l’attestation n’a pas passé les contrôles.',
  'verifier.verdict.status': 'Statut de révocation',
  'verifier.verdict.statusNone': 'Cette attestation n’a pas de liste de statut.',
  'verifier.verdict.statusUnavailable':
    'Le guichet n’a pas de liste de statut utilisable pour cette attestation.',
  'verifier.verdict.revoked': 'Révoquée par l’émetteur.',
  'verifier.verdict.notRevoked': 'Non révoquée.',
  'verifier.verdict.statusAge': 'Liste de statut publiée {ago}.',
  'verifier.verdict.statusFetched': 'La copie du guichet a été récupérée {ago}.',
  'verifier.verdict.statusStale': 'C’est plus ancien que votre âge maximal.',
  'verifier.verdict.fetchStatus': 'Récupérer les listes de statut',
  'verifier.verdict.checks': 'Contrôles',
  'verifier.verdict.declared': 'Déclaré par le citoyen',
  'verifier.verdict.declaredHint': 'Déclaré, non vérifié : aucun émetteur n’a signé ces faits.',
  'verifier.verdict.declaredMark': 'déclaré, non vérifié',
  'verifier.verdict.notUsed': 'non demandé : non utilisé pour l’examen',
  'verifier.verdict.yes': 'oui',
  'verifier.verdict.no': 'non',

  'verifier.fact.household': 'Ménage du demandeur',
  'verifier.fact.costSharers':
    'Adultes dans le logement du demandeur (cohabitants, demandeur compris)',
  'verifier.fact.ageBand': 'Âge du demandeur',
  'verifier.fact.netIncomeCents': 'Revenu net du demandeur ce mois-ci',
  'verifier.fact.partnerNetIncomeCents': 'Revenu net du partenaire ce mois-ci',
  'verifier.fact.assetsCents': 'Patrimoine du demandeur (tout le ménage)',
  'verifier.fact.exemption': 'Exonération de revenus demandée',
  'verifier.fact.diagnosis': 'Diagnostic',
  'verifier.fact.exposure': 'Comment le demandeur a été exposé à l’amiante',
  'verifier.fact.yearsResidentNl': 'Années consécutives de résidence du demandeur aux Pays-Bas',
  'verifier.fact.earlierPaymentCents': 'Indemnité déjà reçue pour cette maladie',
  'verifier.fact.alive': 'Victime en vie',
  'verifier.fact.appliedBeforeDeath': 'Victime inscrite auprès de l’IAS avant son décès',
  'verifier.fact.incapacityPoints': 'Points d’incapacité reconnus',
  'verifier.parameter.norm': 'Norme d’aide sociale, {household}, {age}, {holiday}',
  'verifier.parameter.normSingle': 'personne isolée',
  'verifier.parameter.normCouple': 'couple',
  'verifier.parameter.holidayExcl': 'hors pécule de vacances',
  'verifier.parameter.holidayIncl': 'pécule de vacances compris',
  'verifier.parameter.costSharerNorm':
    'Norme de cohabitation par personne, ménage de {n}, {holiday}',
  'verifier.parameter.costSharerNormAge': 'Norme de cohabitation, ménage de {n}, {age}',
  'verifier.parameter.assetLimitSingle': 'Plafond de patrimoine, personne isolée',
  'verifier.parameter.assetLimitFamily': 'Plafond de patrimoine, parent isolé ou couple',
  'verifier.parameter.exemptionMaximum': 'Plafond mensuel : {exemption}',
  'verifier.parameter.tasTnsAmount': 'Montant de l’indemnité TAS/TNS',
  'verifier.parameter.tsbAmount': 'Montant de l’indemnité TSB',
  'verifier.parameter.afaMesotheliomaLumpSum': 'Capital AFA pour mésothéliome',
  'verifier.parameter.afaMesotheliomaMonthly': 'Rente mensuelle AFA pour mésothéliome',
  'verifier.parameter.afaPerPointMonthly': 'Montant mensuel AFA par point d’incapacité',
  'verifier.benefit.title': 'Examen du droit',
  'verifier.benefit.about':
    '{rule}, pour {period}. La même règle que celle du portefeuille du citoyen.',
  'verifier.benefit.outcome': 'Résultat',
  'verifier.benefit.status.eligible': 'A droit',
  'verifier.benefit.status.likely-eligible':
    'A probablement droit : une condition reste à vérifier par l’organisme qui décide (voir les étapes)',
  'verifier.benefit.status.not-eligible': 'N’a pas droit',
  'verifier.benefit.status.needs-evidence': 'Preuves supplémentaires nécessaires',
  'verifier.benefit.status.unknown':
    'Impossible à déterminer : aucun montant publié pour cette période',
  'verifier.benefit.amount': 'Montant',
  'verifier.benefit.amountUnpublished': 'non publié pour cette période',
  'verifier.benefit.amountNone': 'aucun',
  'verifier.benefit.amountOpen': 'inconnu tant que les preuves ne sont pas complètes',
  'verifier.benefit.holiday': 'Pécule de vacances réservé (versé en juin)',
  'verifier.benefit.monthly': 'Par mois',
  'verifier.benefit.scheme': 'Régime',
  'verifier.benefit.schemeNone': 'aucun',
  'verifier.benefit.trace': 'Le calcul, étape par étape',
  'verifier.benefit.input': 'Donnée',
  'verifier.benefit.verified': 'vérifiée',
  'verifier.benefit.declared': 'déclarée par le citoyen, non vérifiée',
  'verifier.benefit.parameter': 'Montant de référence',
  'verifier.benefit.validFrom': 'en vigueur depuis le {date}',
  'verifier.benefit.source': 'source',
  'verifier.benefit.derived': 'obtenu par calcul, non publié tel quel',
  'verifier.benefit.legalBasis': 'Base légale',
  'verifier.benefit.evidence': 'Encore à présenter',

  'verifier.checkName.encoding': 'Présentation lisible',
  'verifier.checkName.issuer-signature': 'Signature de l’émetteur',
  'verifier.checkName.issuer-trusted': 'Émetteur de confiance',
  'verifier.checkName.disclosures': 'Données communiquées intactes',
  'verifier.checkName.key-binding': 'Présentée par le titulaire',
  'verifier.checkName.audience': 'Destinée à ce guichet',
  'verifier.checkName.nonce': 'Réponse à cette demande',
  'verifier.checkName.freshness': 'Faite à l’instant',
  'verifier.checkName.sd-hash': 'Rien d’ajouté ni de retiré',
  'verifier.checkName.validity': 'Période de validité',
  'verifier.checkName.status': 'Non révoquée',
  'verifier.checkName.requested-claims': 'Données demandées présentes',

  'verifier.pass.encoding': 'La présentation a pu être lue.',
  'verifier.pass.issuer-signature': 'La signature de l’émetteur est correcte.',
  'verifier.pass.issuer-trusted':
    'L’émetteur figure sur une liste de confiance pour ce type d’attestation.',
  'verifier.pass.disclosures': 'Chaque donnée communiquée a été signée par l’émetteur.',
  'verifier.pass.key-binding':
    'Le portefeuille qui détient l’attestation a signé cette présentation.',
  'verifier.pass.audience': 'La présentation a été faite pour ce guichet.',
  'verifier.pass.nonce': 'Elle répond à une demande de ce guichet, pour la première fois.',
  'verifier.pass.freshness': 'La présentation a été faite il y a quelques minutes au plus.',
  'verifier.pass.sd-hash': 'La présentation est arrivée telle que le portefeuille l’a signée.',
  'verifier.pass.validity': 'L’attestation est dans sa période de validité.',
  'verifier.pass.status': 'L’émetteur n’a pas révoqué l’attestation.',
  'verifier.pass.requested-claims': 'Chaque donnée obligatoire a été communiquée.',

  'verifier.code.bad-encoding':
    'La présentation est endommagée ou dans un format que le guichet ne lit pas.',
  'verifier.code.bad-signature':
    'La signature de l’émetteur ne correspond pas : l’attestation a été modifiée ou falsifiée.',
  'verifier.code.unsupported-alg':
    'L’attestation est signée avec une méthode que le guichet n’accepte pas.',
  'verifier.code.unknown-issuer-key': 'Le guichet ne trouve pas la clé de l’émetteur.',
  'verifier.code.untrusted-issuer':
    'L’émetteur ne figure sur aucune de vos listes de confiance pour ce type d’attestation : pas de confiance.',
  'verifier.code.disclosure-digest-missing':
    'Une donnée communiquée n’a pas été signée par l’émetteur.',
  'verifier.code.disclosure-duplicate': 'Une donnée a été communiquée deux fois.',
  'verifier.code.disclosable-registered-claim':
    'L’émetteur a permis au titulaire de masquer la date d’expiration, le statut de révocation ou une autre partie fixe de l’attestation : on ne peut pas s’y fier.',
  'verifier.code.kb-missing':
    'La confirmation du titulaire manque : n’importe qui aurait pu copier cette attestation.',
  'verifier.code.kb-bad-signature':
    'La confirmation du titulaire n’est pas signée par le portefeuille qui détient l’attestation.',
  'verifier.code.wrong-audience': 'Cette présentation a été faite pour un autre vérificateur.',
  'verifier.code.wrong-nonce':
    'Cette présentation répond à une autre demande, pas à une demande de ce guichet.',
  'verifier.code.replayed': 'Cette réponse a déjà été utilisée une fois : c’est un rejeu.',
  'verifier.code.stale': 'Cette présentation est trop ancienne : demandez-en une nouvelle.',
  'verifier.code.sd-hash-mismatch':
    'La présentation a été modifiée après sa signature par le portefeuille.',
  'verifier.code.expired': 'L’attestation a expiré.',
  'verifier.code.not-yet-valid': 'L’attestation n’est pas encore valide.',
  'verifier.code.revoked': 'L’émetteur a révoqué cette attestation.',
  'verifier.code.status-unavailable':
    'Le guichet n’a pas de liste de statut récente pour cette attestation et ne peut donc pas dire si elle a été révoquée.',
  'verifier.code.missing-claim': 'Une donnée obligatoire manque dans la réponse.',
  'verifier.code.warning':
    'Le statut n’a pas pu être confirmé (pas de liste de statut récente) ; accepté parce que votre politique est « avertir ».',

  'verifier.trust.lists.title': 'Listes de confiance',
  'verifier.trust.lists.intro':
    'Une liste de confiance signée indique quels émetteurs peuvent délivrer quels types d’attestations. Seuls les émetteurs d’une liste sont dignes de confiance.',
  'verifier.trust.lists.empty': 'Aucune liste de confiance importée.',
  'verifier.trust.lists.signedBy': 'signée par',
  'verifier.trust.lists.unreadable': 'Liste de confiance',
  'verifier.trust.lists.noLongerValid':
    'Cette liste n’est plus valide (elle a peut-être expiré) ; elle n’est pas utilisée.',
  'verifier.trust.lists.importedAt': 'Importée le {when}.',
  'verifier.trust.lists.remove': 'Retirer la liste de confiance {name}',
  'verifier.trust.import.title': 'Importer une liste de confiance',
  'verifier.trust.import.file': 'Fichier de liste de confiance',
  'verifier.trust.import.text': 'Ou collez la liste de confiance',
  'verifier.trust.import.submit': 'Importer la liste de confiance',
  'verifier.trust.import.empty': 'Choisissez un fichier de liste de confiance ou collez-en une.',
  'verifier.trust.import.done': '« {name} » importée, signée par {signer}.',
  'verifier.trust.import.malformed': 'Ceci n’est pas une liste de confiance Vouch.',
  'verifier.trust.import.badSignature':
    'La signature de cette liste de confiance n’est pas correcte.',
  'verifier.trust.import.unsupportedAlg':
    'Cette liste de confiance est signée avec une méthode que le guichet n’accepte pas.',
  'verifier.trust.import.expired':
    'Cette liste de confiance a expiré le {when}. Demandez une édition à jour à son éditeur.',
  'verifier.trust.import.already': 'Cette liste de confiance est déjà importée.',
  'verifier.trust.profile.title': 'Faire confiance à un émetteur par son profil',
  'verifier.trust.profile.intro':
    'Un guichet émetteur publie son profil en code QR et en fichier (….vouch-issuer.jwt). Scannez-le ou choisissez le fichier : vous voyez qui c’est et ses mots d’empreinte avant de lui faire confiance.',
  'verifier.trust.profile.scanTitle': 'Scanner le profil de l’émetteur',
  'verifier.trust.profile.scanIntro':
    'Scannez le code du profil affiché par le guichet émetteur, téléversez-en une photo ou collez son texte.',
  'verifier.trust.profile.file': 'Fichier de profil',
  'verifier.trust.profile.readFile': 'Lire le fichier de profil',
  'verifier.trust.profile.reading': 'Lecture du profil…',
  'verifier.trust.profile.empty': 'Choisissez d’abord un fichier de profil.',
  'verifier.trust.profile.tooLarge':
    'Ce fichier est trop grand pour un profil d’émetteur (16 Kio au plus).',
  'verifier.trust.profile.notProfile':
    'Ce n’est pas un profil d’émetteur. Demandez à l’émetteur le profil que publie son guichet (un code QR ou un fichier .vouch-issuer.jwt).',
  'verifier.trust.profile.isTrustList':
    'C’est une liste de confiance, pas un profil d’émetteur : importez-la sous « Listes de confiance ».',
  'verifier.trust.profile.unsupportedAlg':
    'Ce profil est signé avec une méthode que le guichet n’accepte pas.',
  'verifier.trust.profile.badSignature':
    'La signature de ce profil n’est pas correcte : il a été modifié après la signature, ou n’a pas été signé par l’émetteur qu’il nomme. Aucune confiance n’a été accordée.',
  'verifier.trust.profile.malformed':
    'Ce profil d’émetteur est endommagé ou incomplet. Demandez à l’émetteur de le publier à nouveau.',
  'verifier.trust.profile.checkTitle': 'Vérifiez cet émetteur',
  'verifier.trust.profile.name': 'Nom qu’il se donne',
  'verifier.trust.profile.did': 'DID de l’émetteur',
  'verifier.trust.profile.types': 'Émet',
  'verifier.trust.profile.statusLists': 'Listes de statut',
  'verifier.trust.profile.signedAt': 'Signé',
  'verifier.trust.profile.words': 'Mots d’empreinte de la clé de l’émetteur',
  'verifier.trust.profile.question':
    'Ces mots correspondent-ils à ceux que l’émetteur vous a donnés ?',
  'verifier.trust.profile.hint':
    'N’importe qui peut créer un profil avec n’importe quel nom. Comparez les mots avec ce que l’émetteur vous a dit lui-même (par téléphone, par lettre, sur son site), pas avec des mots joints au profil. Ne faites confiance que si chaque mot correspond.',
  'verifier.trust.profile.replaces':
    '{name} figure déjà sur votre propre liste ; faire confiance à ce profil remplace ses types.',
  'verifier.trust.profile.trust': 'Faire confiance à {name} pour ces types',
  'verifier.trust.profile.cancel': 'Annuler',
  'verifier.trust.profile.cancelled': 'Aucune confiance n’a été accordée.',
  'verifier.trust.own.title': 'Notre propre liste de confiance',
  'verifier.trust.own.intro':
    'Les émetteurs ajoutés ici sont aussitôt dignes de confiance à ce guichet. Signez la liste pour la transmettre à d’autres guichets.',
  'verifier.trust.own.empty': 'Aucun émetteur sur votre propre liste.',
  'verifier.trust.own.name': 'Nom de l’émetteur',
  'verifier.trust.own.types': 'De confiance pour',
  'verifier.trust.own.did': 'DID de l’émetteur',
  'verifier.trust.own.didHint':
    'L’identifiant de l’émetteur, p. ex. did:key:zDn… ; le guichet émetteur l’affiche dans ses paramètres.',
  'verifier.trust.own.actions': 'Actions',
  'verifier.trust.own.remove': 'Retirer {name}',
  'verifier.trust.own.addTitle': 'Ajouter un émetteur de confiance',
  'verifier.trust.own.add': 'Ajouter l’émetteur',
  'verifier.trust.own.added': '{name} est désormais digne de confiance à ce guichet.',
  'verifier.trust.own.invalidDid': 'Indiquez un DID, comme did:key:zDn…',
  'verifier.trust.own.invalidName': 'Indiquez le nom de l’émetteur (200 caractères au plus).',
  'verifier.trust.own.noTypes': 'Cochez au moins un type d’attestation, ou indiquez un type W3C.',
  'verifier.trust.own.signTitle': 'Signer et exporter',
  'verifier.trust.own.signIntro':
    'Signée avec la clé de ce guichet, pour qu’un autre guichet puisse vérifier d’où elle vient.',
  'verifier.trust.own.listName': 'Nom de la liste',
  'verifier.trust.own.sign': 'Signer la liste de confiance',
  'verifier.trust.own.signed': 'La liste de confiance est signée.',
  'verifier.trust.own.lastSigned': 'Dernière signature le {when}.',
  'verifier.trust.own.signedText': 'Liste de confiance signée',
  'verifier.trust.own.download': 'Télécharger la liste de confiance signée',
  'verifier.trust.lists.expired':
    'Cette liste a expiré le {when} : ses émetteurs ne sont plus de confiance.',
  'verifier.trust.confirm.title': 'Vérifiez qui a signé cette liste',
  'verifier.trust.confirm.intro':
    '« {name} » est signée par une clé à laquelle ce guichet ne fait pas encore confiance :',
  'verifier.trust.confirm.words': 'Mots d’empreinte de la clé du signataire',
  'verifier.trust.confirm.question':
    'Ces mots correspondent-ils à ceux que l’éditeur de la liste vous a communiqués ?',
  'verifier.trust.confirm.hint':
    'Comparez-les aux mots que l’éditeur vous a donnés lui-même (en personne, par téléphone, sur son site), pas à des mots joints à la liste. Ne confirmez que si chaque mot correspond.',
  'verifier.trust.confirm.yes': 'Confirmer',
  'verifier.trust.confirm.no': 'Annuler',
  'verifier.trust.confirm.cancelled': 'Rien n’a été importé.',
  'verifier.trust.anchors.title': 'Signataires confirmés',
  'verifier.trust.anchors.intro':
    'Les listes signées par ces clés sont importées sans redemander leurs mots.',
  'verifier.trust.anchors.empty': 'Aucun signataire confirmé pour l’instant.',
  'verifier.trust.anchors.confirmedAt': 'Confirmé {when}.',
  'verifier.trust.anchors.remove': 'Oublier le signataire {did}',
  'verifier.trust.own.validUntil': 'Valable jusqu’au',
  'verifier.trust.own.validUntilHint':
    'Les autres guichets cessent de faire confiance à la liste après ce jour. Une liste expire toujours ; un an au plus est l’usage.',

  'verifier.status.title': 'Listes de statut',
  'verifier.status.intro':
    'Copies des listes de révocation des émetteurs. Le guichet vérifie hors ligne à partir de celles-ci ; une copie de plus de {hours} heures est périmée.',
  'verifier.status.empty':
    'Aucune liste de statut. Importez-en une, ou récupérez-la quand un verdict le demande.',
  'verifier.status.uri': 'Adresse',
  'verifier.status.issuedAt': 'Publiée',
  'verifier.status.fetchedAt': 'Copie de',
  'verifier.status.stale': 'périmée',
  'verifier.status.refetch': 'Récupérer à nouveau',
  'verifier.status.remove': 'Retirer',
  'verifier.status.importTitle': 'Importer une liste de statut',
  'verifier.status.file': 'Fichier de liste de statut',
  'verifier.status.text': 'Ou collez la liste de statut (statuslist+jwt)',
  'verifier.status.import': 'Importer la liste de statut',
  'verifier.status.fetchTitle': 'Récupérer une liste de statut',
  'verifier.status.address': 'Adresse de la liste de statut',
  'verifier.status.fetch': 'Récupérer',
  'verifier.status.fetching': 'Récupération…',
  'verifier.status.noFile': 'Choisissez un fichier de liste de statut ou collez-en une.',
  'verifier.status.stored': 'La liste de statut de {uri} est enregistrée.',
  'verifier.status.malformed': 'Ceci n’est pas une liste de statut que le guichet peut lire.',
  'verifier.status.badSignature': 'La signature de cette liste de statut n’est pas correcte.',
  'verifier.status.expired': 'Cette liste de statut a expiré.',
  'verifier.status.wrongUri':
    'La liste à cette adresse indique qu’elle appartient à une autre adresse.',
  'verifier.status.older':
    'Le guichet détient déjà une copie plus récente de cette liste de statut.',
  'verifier.status.unreachable':
    'La liste de statut n’a pas pu être récupérée. Vérifiez la connexion ou importez le fichier.',
  'verifier.status.noUri': 'Cette attestation n’indique pas où se trouve sa liste de statut.',

  'verifier.history.title': 'Historique',
  'verifier.history.intro':
    'Chaque réponse vérifiée ici, conservée chiffrée sur cet appareil : quand, pour quoi, le verdict et quelles données ont été montrées (pas leurs valeurs).',
  'verifier.history.empty': 'Aucune réponse vérifiée.',
  'verifier.history.when': 'Quand',
  'verifier.history.verdict': 'Verdict',
  'verifier.history.purpose': 'Finalité',
  'verifier.history.what': 'Attestation et données',
  'verifier.history.reasons': 'Motifs',
  'verifier.history.benefit': 'Examen du droit',
  'verifier.history.clear': 'Effacer l’historique',
  'verifier.history.clearTitle': 'Effacer l’historique ?',
  'verifier.history.clearBody':
    'Toutes les traces des réponses vérifiées sont supprimées de ce guichet.',
  'verifier.history.clearConfirm': 'Effacer l’historique',

  'verifier.policy.title': 'Politique de statut',
  'verifier.policy.when': 'Quand une liste de statut est périmée ou ne peut pas être récupérée',
  'verifier.policy.reject': 'Refuser : la réponse n’est pas valide',
  'verifier.policy.warn': 'Avertir : la réponse peut être valide, avec un avertissement',
  'verifier.policy.maxAge': 'Âge maximal d’une liste de statut (heures)',
  'verifier.policy.maxAgeHint': 'Les copies plus anciennes sont périmées. Par défaut : 24 heures.',
  'verifier.policy.save': 'Enregistrer la politique',
  'verifier.policy.saved': 'La politique est enregistrée.',
  'verifier.policy.invalid': 'Indiquez un âge maximal entre 1 heure et un an.',

  'verifier.settings.profile': 'Ce guichet',
  'verifier.settings.did': 'DID du vérificateur',
  'verifier.settings.clientId': 'Identifiant client (ce que signent les portefeuilles)',
  'verifier.erase.title': 'Effacer ce guichet',
  'verifier.erase.body':
    'Supprime de cet appareil la clé du vérificateur, les listes de confiance, les listes de statut et l’historique. Les demandes déjà affichées ne pourront plus être vérifiées.',
  'verifier.erase.button': 'Effacer le guichet de vérification',
  'verifier.erase.confirmTitle': 'Effacer le guichet de vérification ?',

  // issue 10: W3C VC-JWT
  'verifier.format.dc+sd-jwt': 'SD-JWT VC (divulgation sélective)',
  'verifier.format.jwt_vc_json': 'W3C VC-JWT',
  'verifier.verdict.format': 'Format : {format}.',
  'verifier.pass.disclosures.w3c': 'Pas de divulgation sélective : chaque donnée a été montrée.',
  'verifier.trust.own.otherTypes': 'Autres types d’attestation (W3C)',
  'verifier.trust.own.otherTypesHint':
    'Pour les attestations W3C d’autres émetteurs : le type tel que l’attestation le nomme, p. ex. VerifiableDiploma. Séparez-en plusieurs par des espaces. Un type coché ci-dessus vaut aussi pour sa forme W3C VC-JWT.',
  'verifier.trust.own.invalidType':
    'Un type d’attestation est un seul mot sans espace, p. ex. VerifiableDiploma.',
  'verifier.trust.w3cType': '{type} (type W3C)',
  'verifier.request.formats': 'Accepté dans l’un ou l’autre format : {formats}.',
  'verifier.status.bitstring': '(W3C Bitstring Status List)',
};
