import type { backupEn } from './backup.en.ts';

export const backupNl: Record<keyof typeof backupEn, string> = {
  'backup.title': 'Reservekopie',
  'backup.intro':
    'Een reservekopie bevat je bewijsstukken, verbindingen, geschiedenis en antwoorden, versleuteld met een sleutel die uit je 24 woorden komt. Met de woorden en het bestand zet je alles terug op een ander toestel.',
  'backup.last': 'Laatste reservekopie: {date}.',
  'backup.none': 'Je hebt nog geen reservekopie gemaakt.',
  'backup.make': 'Maak een reservekopie',
  'backup.making': 'Reservekopie maken…',
  'backup.made': 'Reservekopie bewaard ({count} items).',
  'backup.madeInFolder': 'Reservekopie bewaard in de map “{folder}” ({count} items).',
  'backup.failed': 'De reservekopie kon niet gemaakt worden. Er is niets veranderd.',
  'backup.folderDenied':
    'De browser liet niet toe om in de map “{folder}” te schrijven. De reservekopie is in plaats daarvan gedownload.',
  'backup.folder.choose': 'Kies een map voor reservekopieën',
  'backup.folder.current': 'Reservekopieën worden bewaard in de map “{folder}”.',
  'backup.folder.forget': 'Deze map niet meer gebruiken',
  'backup.import.title': 'Reservekopie importeren',
  'backup.import.intro':
    'Voegt toe wat een reservekopie van deze wallet bevat en hier ontbreekt. Niets wordt overschreven of verwijderd.',
  'backup.import.file': 'Bestand met reservekopie',
  'backup.import.submit': 'Importeren',
  'backup.import.working': 'Bezig met importeren…',
  'backup.import.done':
    'Geïmporteerd: {added} toegevoegd, {kept} waren er al en zijn bewaard (reservekopie van {date}).',
  'backup.import.noFile': 'Kies eerst een bestand met een reservekopie.',
  'backup.restore.file': 'Bestand met reservekopie (niet verplicht)',
  'backup.restore.fileHint':
    'Heb je met deze woorden een reservekopie gemaakt? Kies het bestand om ook je bewijsstukken en geschiedenis terug te krijgen.',
  'backup.restore.working': 'Je reservekopie wordt teruggezet…',
  'backup.restore.done': 'Je reservekopie van {date} is teruggezet: {count} items.',
  'backup.restore.failed':
    'Je wallet is klaar, maar de reservekopie kon niet teruggezet worden: {reason} Importeer ze opnieuw via Instellingen.',
  'backup.problem.not-a-backup': 'Dit is geen reservekopie van Vouch.',
  'backup.problem.unsupported-version':
    'Deze reservekopie is gemaakt met een nieuwere versie van Vouch. Werk Vouch bij en probeer opnieuw.',
  'backup.problem.oversized': 'Dit bestand is te groot voor een reservekopie.',
  'backup.problem.truncated':
    'Deze reservekopie is onvolledig (misschien afgebroken tijdens het kopiëren).',
  'backup.problem.wrong-words':
    'Deze reservekopie is gemaakt met andere woorden (of een andere wachtzin). Met deze woorden gaat ze niet open.',
  'backup.problem.tampered':
    'Deze reservekopie is beschadigd of gewijzigd. Er is niets geïmporteerd.',
  'backup.problem.unreadable': 'Het bestand kon niet gelezen worden.',
  'backup.eviction':
    'Deze browser heeft niet beloofd je wallet te bewaren: hij kan hem wissen als het toestel weinig ruimte heeft, en dan krijg je je bewijsstukken alleen terug met je 24 woorden en een reservekopie. Maak een reservekopie en bewaar het bestand ergens anders.',
  'backup.reminder.title': 'Bewaar een reservekopie',
  'backup.reminder.dismiss': 'Niet nu',
};
