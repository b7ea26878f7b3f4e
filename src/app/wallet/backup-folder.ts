/**
 * The folder the citizen chose for backups (File System Access API, where the browser has it):
 * its handle is kept in a small IndexedDB database of its own, `vouch-backup-folder`, so later
 * backups are written there after the browser confirms permission again. The handle reveals the
 * folder's name, nothing of the wallet.
 */
import { openDB, type DBSchema } from 'idb';

interface FolderDb extends DBSchema {
  handles: { key: 'backup-folder'; value: FileSystemDirectoryHandle };
}

type PermissionMode = { mode: 'readwrite' };
/** The parts of the API that TypeScript's DOM library does not describe yet. */
interface DirectoryPickerWindow {
  showDirectoryPicker?: (options?: {
    id?: string;
    mode?: 'readwrite';
  }) => Promise<FileSystemDirectoryHandle>;
}
interface PermissionHandle {
  queryPermission?: (options: PermissionMode) => Promise<PermissionState>;
  requestPermission?: (options: PermissionMode) => Promise<PermissionState>;
}

const KEY = 'backup-folder';
const DB_NAME = 'vouch-backup-folder';
const open = () =>
  openDB<FolderDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('handles');
    },
  });

/** Whether this browser lets the citizen choose a folder (Chromium on desktop does). */
export function canChooseFolder(): boolean {
  return typeof (window as DirectoryPickerWindow).showDirectoryPicker === 'function';
}

/** Whether the folder database exists, so that merely reading never creates it. */
async function folderDbExists(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  const databases = await indexedDB.databases();
  return databases.some((entry) => entry.name === DB_NAME);
}

export async function readBackupFolder(): Promise<FileSystemDirectoryHandle | undefined> {
  if (!canChooseFolder()) return undefined;
  try {
    if (!(await folderDbExists())) return undefined;
    const db = await open();
    try {
      return await db.get('handles', KEY);
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/** Ask for a folder; undefined when the citizen cancels. */
export async function chooseBackupFolder(): Promise<FileSystemDirectoryHandle | undefined> {
  const picker = (window as DirectoryPickerWindow).showDirectoryPicker;
  if (!picker) return undefined;
  let handle: FileSystemDirectoryHandle;
  try {
    handle = await picker({ id: 'vouch-backups', mode: 'readwrite' });
  } catch {
    return undefined; // cancelled
  }
  const db = await open();
  try {
    await db.put('handles', handle, KEY);
  } finally {
    db.close();
  }
  return handle;
}

export async function forgetBackupFolder(): Promise<void> {
  const db = await open();
  try {
    await db.delete('handles', KEY);
  } finally {
    db.close();
  }
}

/** Write `file` as `name` in the folder, asking for permission again when needed. */
export async function writeToFolder(
  folder: FileSystemDirectoryHandle,
  name: string,
  file: Blob,
): Promise<boolean> {
  const handle = folder as FileSystemDirectoryHandle & PermissionHandle;
  try {
    const mode: PermissionMode = { mode: 'readwrite' };
    let state = (await handle.queryPermission?.(mode)) ?? 'granted';
    if (state !== 'granted') state = (await handle.requestPermission?.(mode)) ?? 'denied';
    if (state !== 'granted') return false;
    const target = await folder.getFileHandle(name, { create: true });
    const writable = await target.createWritable();
    await writable.write(file);
    await writable.close();
    return true;
  } catch {
    return false;
  }
}
