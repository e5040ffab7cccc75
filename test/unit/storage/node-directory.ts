import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SyncDirectory, SyncFileHandle } from '../../../storage/sync-folder';

/**
 * A real folder on disk behind the part of `FileSystemDirectoryHandle` the sync folder uses.
 * Like Chrome, a writable goes to a swap file next to the file and replaces it when closed.
 */
export class NodeDirectory implements SyncDirectory {
  constructor(readonly root: string) {}

  async *values(): AsyncIterable<{ kind: string; name: string }> {
    for (const entry of await fs.readdir(this.root, { withFileTypes: true })) {
      yield { kind: entry.isDirectory() ? 'directory' : 'file', name: entry.name };
    }
  }

  async removeEntry(name: string): Promise<void> {
    if (name.includes('/') || name.includes('\\') || name === '..' || name === '.') throw new TypeError(`not a file name: ${name}`);
    await fs.rm(path.join(this.root, name));
  }

  async getFileHandle(name: string, options?: { create?: boolean }): Promise<SyncFileHandle> {
    if (name.includes('/') || name.includes('\\') || name === '..' || name === '.') throw new TypeError(`not a file name: ${name}`);
    const file = path.join(this.root, name);
    try {
      await fs.access(file);
    } catch {
      if (!options?.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      await fs.writeFile(file, '');
    }
    return {
      kind: 'file',
      name,
      getFile: async () => {
        const data = await fs.readFile(file);
        return { size: data.length, text: async () => new TextDecoder().decode(data) };
      },
      createWritable: async () => {
        const swap = `${file}.crswap`;
        await fs.writeFile(swap, '');
        return {
          write: (data: string) => fs.appendFile(swap, data),
          close: () => fs.rename(swap, file),
        };
      },
    };
  }
}
