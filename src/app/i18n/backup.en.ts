/** English strings of the wallet's backup (issue 13 items 4–5); nl and fr are typed against this file. */
export const backupEn = {
  'backup.title': 'Backup',
  'backup.intro':
    'A backup file holds your credentials, connections, history and answers, encrypted with a key made from your 24 words. With the words and the file you can restore everything on another device.',
  'backup.last': 'Last backup: {date}.',
  'backup.none': 'No backup made yet.',
  'backup.make': 'Make a backup',
  'backup.making': 'Making the backup…',
  'backup.made': 'Backup saved ({count} records).',
  'backup.madeInFolder': 'Backup saved in the folder “{folder}” ({count} records).',
  'backup.failed': 'The backup could not be made. Nothing was changed.',
  'backup.folderDenied':
    'The browser did not allow writing to the folder “{folder}”. The backup was downloaded instead.',
  'backup.folder.choose': 'Choose a folder for backups',
  'backup.folder.current': 'Backups are saved in the folder “{folder}”.',
  'backup.folder.forget': 'Stop using this folder',
  'backup.import.title': 'Import a backup',
  'backup.import.intro':
    'Adds what a backup of this wallet holds and this wallet lacks. Nothing here is overwritten or deleted.',
  'backup.import.file': 'Backup file',
  'backup.import.submit': 'Import',
  'backup.import.working': 'Importing…',
  'backup.import.done': 'Imported: {added} added, {kept} already here and kept (backup of {date}).',
  'backup.import.noFile': 'Choose a backup file first.',
  'backup.restore.file': 'Backup file (optional)',
  'backup.restore.fileHint':
    'If you made a backup with these words, choose the file to get your credentials and history back too.',
  'backup.restore.working': 'Restoring your backup…',
  'backup.restore.done': 'Your backup of {date} is restored: {count} records.',
  'backup.restore.failed':
    'Your wallet is set up, but the backup could not be restored: {reason} Import it again from Settings.',
  'backup.problem.not-a-backup': 'This is not a Vouch backup file.',
  'backup.problem.unsupported-version':
    'This backup was made by a newer version of Vouch. Update Vouch and try again.',
  'backup.problem.oversized': 'This file is too large to be a backup.',
  'backup.problem.truncated':
    'This backup file is incomplete (it may have been cut short while copying).',
  'backup.problem.wrong-words':
    'This backup was made with other words (or another passphrase). It cannot be opened with these.',
  'backup.problem.tampered': 'This backup file is damaged or was changed. Nothing was imported.',
  'backup.problem.unreadable': 'The file could not be read.',
  'backup.eviction':
    'This browser has not promised to keep your wallet: it may clear it when the device runs low on space, and then only your 24 words and a backup file bring your credentials back. Make a backup and keep the file somewhere else.',
  'backup.reminder.title': 'Keep a backup',
  'backup.reminder.dismiss': 'Not now',
} as const;
