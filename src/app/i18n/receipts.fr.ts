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
};
