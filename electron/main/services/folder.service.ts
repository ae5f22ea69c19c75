import os from 'node:os';
import path from 'node:path';
import type { FolderListing } from '../../../shared/api/contract';
import { isSystemFile, kindOfFile } from '../../../shared/logic/photo-format';
import type { StorageRepository } from '../repositories/storage.repository';

/** The browser host's stand-in for a native folder dialog: lists folders (and counts photos) on this machine. */
export class FolderService {
  constructor(private readonly deps: { storage: StorageRepository }) {}

  async browse(dir?: string, show: 'photos' | 'spreadsheets' = 'photos'): Promise<FolderListing> {
    const abs = path.resolve(dir?.trim() || os.homedir());
    const entries = await this.deps.storage.list(abs);
    const visible = entries.filter((e) => !isSystemFile(e.name));
    const dirs = visible.filter((e) => e.isDir).map((e) => ({ name: e.name, path: e.path, kind: 'dir' as const }));
    const photos = visible
      .filter((e) => !e.isDir && kindOfFile(e.name) === 'photo')
      .map((e) => ({ name: e.name, path: e.path, kind: 'photo' as const }));
    const sheets = visible
      .filter((e) => !e.isDir && /\.(xlsx|xlsm|csv)$/i.test(e.name))
      .map((e) => ({ name: e.name, path: e.path, kind: 'spreadsheet' as const }));
    const files = show === 'spreadsheets' ? sheets : photos;
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
    const parent = path.dirname(abs);
    return {
      path: abs,
      parent: parent === abs ? null : parent,
      entries: [...dirs.sort(byName), ...files.sort(byName).slice(0, 200)],
      photoCount: photos.length,
    };
  }
}
