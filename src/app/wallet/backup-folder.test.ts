/** Writing a backup into the folder the citizen chose: permission asked again when it lapsed, a refusal writes nothing. */
import { describe, expect, it } from 'vitest';
import { writeToFolder } from './backup-folder.ts';

function fakeFolder(permission: { query?: PermissionState; request?: PermissionState }) {
  const written = new Map<string, Uint8Array>();
  const asked: string[] = [];
  const folder = {
    name: 'Backups',
    ...(permission.query
      ? {
          queryPermission: async () => {
            asked.push('query');
            return permission.query;
          },
          requestPermission: async () => {
            asked.push('request');
            return permission.request ?? 'denied';
          },
        }
      : {}),
    async getFileHandle(name: string) {
      return {
        async createWritable() {
          const parts: Uint8Array[] = [];
          return {
            write: async (blob: Blob) => void parts.push(new Uint8Array(await blob.arrayBuffer())),
            close: async () => void written.set(name, parts[0] ?? new Uint8Array(0)),
          };
        },
      };
    },
  };
  return { folder: folder as unknown as FileSystemDirectoryHandle, written, asked };
}

const file = new Blob([new Uint8Array([1, 2, 3])]);

describe('writeToFolder', () => {
  it('Given permission still granted, then the file is written without asking', async () => {
    const { folder, written, asked } = fakeFolder({ query: 'granted' });
    expect(await writeToFolder(folder, 'b.vouchbackup', file)).toBe(true);
    expect(written.get('b.vouchbackup')).toEqual(new Uint8Array([1, 2, 3]));
    expect(asked).toEqual(['query']);
  });

  it('Given permission lapsed, when the citizen allows it again, then the file is written', async () => {
    const { folder, written, asked } = fakeFolder({ query: 'prompt', request: 'granted' });
    expect(await writeToFolder(folder, 'b.vouchbackup', file)).toBe(true);
    expect(written.size).toBe(1);
    expect(asked).toEqual(['query', 'request']);
  });

  it('Given permission lapsed, when the citizen refuses, then nothing is written (the caller downloads)', async () => {
    const { folder, written } = fakeFolder({ query: 'prompt', request: 'denied' });
    expect(await writeToFolder(folder, 'b.vouchbackup', file)).toBe(false);
    expect(written.size).toBe(0);
  });
});
