import type { receiptsEn } from './receipts.en.ts';

export const receiptsFr: Record<keyof typeof receiptsEn, string> = {
  'receipts.promise': 'Vous recevrez un accusé de réception signé.',
  'receipts.promiseBody':
    'Si {verifier} accepte votre demande, il signe un accusé de réception que vous signez aussi. Il ne contient que des empreintes : il prouve que vous avez fait la demande, et quand, sans montrer ce que vous avez partagé.',
  'receipts.kept': 'Vous avez reçu un accusé de réception signé. Il est dans votre historique.',
  'receipts.none': '{verifier} n’a pas donné d’accusé de réception signé pour cette réponse.',
  'receipts.title': 'Accusés de réception signés',
  'receipts.intro':
    'Chaque accusé est signé par vous et par l’organisation. Gardez un fichier de preuve pour montrer plus tard que vous avez fait la demande, et quand.',
  'receipts.empty': 'Pas encore d’accusé de réception signé.',
  'receipts.application': 'Demande reçue par {verifier}',
  'receipts.signedBoth': 'Signé par vous et par {party}',
  'receipts.onLedger': 'Aussi inscrit dans le registre partagé des organisations',
  'receipts.received': 'Attestation reçue de {party}',
  'receipts.issued': 'Attestation qui vous a été délivrée par {party}',
  'receipts.prove': 'Prouver',
  'receipts.proveLabel': 'Prouver : l’accusé de {party}, {date}',
  'receipts.export': 'Exporter les accusés',
  'receipts.scan.title': 'Scanner un accusé de réception',
  'receipts.scan.intro':
    'Quand un guichet vous montre son accusé de réception signé sous forme de code, scannez-le ici pour le garder.',
  'receipts.scan.afterAnswer':
    'Votre réponse contient votre moitié d’un accusé de réception signé. Quand {verifier} accepte votre demande, il montre son accusé sous forme de code : scannez-le ici.',
  'receipts.scan.how': 'Scannez le code avec la caméra, ouvrez-en une photo ou collez son texte.',
  'receipts.scan.file': 'Ouvrir un fichier d’accusé de réception',
  'receipts.scan.checking': 'Vérification de l’accusé de réception…',
  'receipts.scan.kept':
    'Accusé de réception gardé : signé par vous et par {party}. Il est dans votre historique.',
  'receipts.scan.keptPair':
    'Accusés de réception gardés : l’attestation délivrée et reçue, signés par vous et par {party}. Ils sont dans votre historique.',
  'receipts.scan.noPending':
    'Cet accusé de réception n’est pas pour ce portefeuille, ou vous l’avez déjà gardé. Rien n’a changé.',
  'receipts.scan.malformed':
    'Ce n’est pas un accusé de réception lisible : il est abîmé, trop long ou autre chose. Rien n’a changé.',
  'receipts.scan.invalid':
    'Cet accusé de réception ne concorde pas : ce n’est pas ce que votre portefeuille a signé, ou une signature est fausse. Rien n’a changé.',
  'receipts.give.title': 'Donnez votre accusé de réception au guichet',
  'receipts.give.body':
    'Laissez le guichet scanner ce code. Il signe avec vous l’accusé de réception de cette attestation et vous montre le sien ; scannez-le dans Historique → Accusés de réception signés.',
  'receipts.give.qr': 'Votre accusé de réception à scanner par {party}',
  'deskReceipts.copy': 'Copier l’accusé de réception',
  'deskReceipts.download': 'Télécharger l’accusé de réception',
  'deskReceipts.text': 'Accusé de réception en texte',
  'deskReceipts.handOver.title': 'Accusé de réception signé',
  'deskReceipts.handOver.body': 'Laissez le citoyen scanner cet accusé de réception.',
  'deskReceipts.handOver.qr': 'Accusé de réception signé pour le citoyen',
  'deskReceipts.refused.notValid': 'Pas d’accusé de réception signé : la réponse n’est pas valide.',
  'deskReceipts.refused.stale':
    'Pas d’accusé de réception signé : la moitié du portefeuille a été faite il y a trop longtemps. Le verdict reste.',
  'deskReceipts.refused.mismatch':
    'Pas d’accusé de réception signé : la moitié du portefeuille ne porte pas sur cette réponse ou ce guichet. Le verdict reste.',
  'deskReceipts.refused.signature':
    'Pas d’accusé de réception signé : la signature du portefeuille sur sa moitié n’est pas valide. Le verdict reste.',
  'deskReceipts.refused.malformed':
    'Pas d’accusé de réception signé : la moitié du portefeuille est illisible. Le verdict reste.',
  'deskReceipts.refused.notIssued':
    'Pas d’accusé de réception signé : ce guichet n’a pas délivré cette attestation.',
  'deskReceipts.list.title': 'Accusés de réception signés',
  'deskReceipts.list.intro':
    'Chaque accusé de réception que ce guichet a signé avec le portefeuille d’un citoyen : quand, quoi, et la clé du portefeuille en empreinte (sans nom). L’export est ce que « vouch evidence verify » vérifie.',
  'deskReceipts.list.empty': 'Pas encore d’accusé de réception signé.',
  'deskReceipts.list.when': 'Quand',
  'deskReceipts.list.action': 'Quoi',
  'deskReceipts.list.wallet': 'Clé du portefeuille',
  'deskReceipts.list.export': 'Exporter les accusés de réception',
  'deskReceipts.action.ACKNOWLEDGE': 'Demande confirmée',
  'deskReceipts.action.ISSUE': 'Attestation délivrée',
  'deskReceipts.action.RECEIVE': 'Attestation reçue',
  'deskReceipts.action.PRESENT': 'Demande présentée',
  'deskReceipts.setting.title': 'Accusés de réception signés',
  'deskReceipts.setting.intro':
    'Les demandes du guichet demandent au portefeuille sa moitié d’un accusé de réception ; le guichet signe un accusé de chaque demande qu’il accepte et le montre sous forme de code.',
  'deskReceipts.setting.give': 'Donner des accusés de réception signés',
  'deskReceipts.setting.saved': 'Enregistré.',
  'deskReceipts.scan.title': 'Scanner l’accusé de réception d’un citoyen',
  'deskReceipts.scan.intro':
    'Après avoir enregistré une attestation de ce guichet, le portefeuille montre un code. Scannez-le, ouvrez-en une photo ou collez son texte : le guichet signe l’accusé de réception de cette attestation.',
  'deskReceipts.scan.done': 'Accusé de réception signé : {type} pour {name}.',
  'receipts.give.waiting':
    'Une attestation de {party}, enregistrée le {date}, attend que le guichet signe son accusé de réception. Laissez le guichet scanner ce code, puis scannez son accusé ci-dessous.',
};
