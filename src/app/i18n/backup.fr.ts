import type { backupEn } from './backup.en.ts';

export const backupFr: Record<keyof typeof backupEn, string> = {
  'backup.title': 'Sauvegarde',
  'backup.intro':
    'Une sauvegarde contient vos attestations, relations, historique et réponses, chiffrés avec une clé tirée de vos 24 mots. Avec les mots et le fichier, vous retrouvez tout sur un autre appareil.',
  'backup.last': 'Dernière sauvegarde : {date}.',
  'backup.none': 'Aucune sauvegarde faite pour l’instant.',
  'backup.make': 'Faire une sauvegarde',
  'backup.making': 'Sauvegarde en cours…',
  'backup.made': 'Sauvegarde enregistrée ({count} éléments).',
  'backup.madeInFolder': 'Sauvegarde enregistrée dans le dossier « {folder} » ({count} éléments).',
  'backup.failed': 'La sauvegarde n’a pas pu être faite. Rien n’a été modifié.',
  'backup.folderDenied':
    'Le navigateur n’a pas permis d’écrire dans le dossier « {folder} ». La sauvegarde a été téléchargée à la place.',
  'backup.folder.choose': 'Choisir un dossier pour les sauvegardes',
  'backup.folder.current': 'Les sauvegardes sont enregistrées dans le dossier « {folder} ».',
  'backup.folder.forget': 'Ne plus utiliser ce dossier',
  'backup.import.title': 'Importer une sauvegarde',
  'backup.import.intro':
    'Ajoute ce qu’une sauvegarde de ce portefeuille contient et qui manque ici. Rien n’est écrasé ni supprimé.',
  'backup.import.file': 'Fichier de sauvegarde',
  'backup.import.submit': 'Importer',
  'backup.import.working': 'Importation…',
  'backup.import.done':
    'Importé : {added} ajoutés, {kept} déjà présents et conservés (sauvegarde du {date}).',
  'backup.import.noFile': 'Choisissez d’abord un fichier de sauvegarde.',
  'backup.restore.file': 'Fichier de sauvegarde (facultatif)',
  'backup.restore.fileHint':
    'Si vous avez fait une sauvegarde avec ces mots, choisissez le fichier pour retrouver aussi vos attestations et votre historique.',
  'backup.restore.working': 'Restauration de votre sauvegarde…',
  'backup.restore.done': 'Votre sauvegarde du {date} est restaurée : {count} éléments.',
  'backup.restore.failed':
    'Votre portefeuille est prêt, mais la sauvegarde n’a pas pu être restaurée : {reason} Importez-la à nouveau depuis les Réglages.',
  'backup.problem.not-a-backup': 'Ce fichier n’est pas une sauvegarde Vouch.',
  'backup.problem.unsupported-version':
    'Cette sauvegarde a été faite par une version plus récente de Vouch. Mettez Vouch à jour et réessayez.',
  'backup.problem.oversized': 'Ce fichier est trop grand pour être une sauvegarde.',
  'backup.problem.truncated':
    'Cette sauvegarde est incomplète (peut-être interrompue pendant la copie).',
  'backup.problem.wrong-words':
    'Cette sauvegarde a été faite avec d’autres mots (ou une autre phrase secrète). Ces mots ne l’ouvrent pas.',
  'backup.problem.tampered':
    'Cette sauvegarde est endommagée ou a été modifiée. Rien n’a été importé.',
  'backup.problem.unreadable': 'Le fichier n’a pas pu être lu.',
  'backup.eviction':
    'Ce navigateur n’a pas promis de conserver votre portefeuille : il peut l’effacer quand l’appareil manque de place, et seuls vos 24 mots et une sauvegarde vous rendront alors vos attestations. Faites une sauvegarde et gardez le fichier ailleurs.',
  'backup.reminder.title': 'Gardez une sauvegarde',
  'backup.reminder.dismiss': 'Pas maintenant',
};
