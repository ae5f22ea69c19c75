import { createHash } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { TEMP_SUFFIX, writeFileAtomic } from './atomic-write';

/** Turns a Node fs error into one the user can act on, naming the path. */
export function ioError(err: unknown, target: string, doing: string): AppError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `${target}：不存在 / does not exist`, { path: target });
  if (code === 'EACCES' || code === 'EPERM') return new AppError('IO', `${target}：没有权限 / permission denied while ${doing}`, { path: target });
  if (code === 'ENOSPC') return new AppError('IO', `${target}：磁盘已满 / the disk is full (${doing})`, { path: target });
  if (code === 'EISDIR') return new AppError('VALIDATION', `${target}：这是文件夹，不是文件 / is a folder, not a file`, { path: target });
  if (code === 'ENOTDIR') return new AppError('VALIDATION', `${target}：不是文件夹 / is not a folder`, { path: target });
  return new AppError('IO', `${target}: ${(err as Error)?.message ?? String(err)} (${doing})`, { path: target });
}

export interface DirEntry {
  name: string;
  path: string;
  isDir: boolean;
}

/** The only place that touches the file system for projects and originals (the catalog file excepted). */
export class StorageRepository {
  async readFile(file: string): Promise<Buffer> {
    try {
      return await fs.readFile(file);
    } catch (err) {
      throw ioError(err, file, 'reading');
    }
  }

  /** The first bytes of a file, to tell what it is without reading it all; empty when it cannot be read. */
  async head(file: string, bytes = 64): Promise<Buffer> {
    let handle: fs.FileHandle | null = null;
    try {
      handle = await fs.open(file, 'r');
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } catch {
      return Buffer.alloc(0);
    } finally {
      await handle?.close();
    }
  }

  async stat(file: string) {
    try {
      return await fs.stat(file);
    } catch (err) {
      throw ioError(err, file, 'looking it up');
    }
  }

  async exists(file: string): Promise<boolean> {
    try {
      await fs.access(file, fsc.F_OK);
      return true;
    } catch {
      return false;
    }
  }

  async isDirectory(p: string): Promise<boolean> {
    try {
      return (await fs.stat(p)).isDirectory();
    } catch {
      return false;
    }
  }

  async ensureDir(dir: string): Promise<void> {
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (err) {
      throw ioError(err, dir, 'creating the folder');
    }
  }

  async list(dir: string): Promise<DirEntry[]> {
    try {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, path: path.join(dir, e.name), isDir: e.isDirectory() }));
    } catch (err) {
      throw ioError(err, dir, 'listing the folder');
    }
  }

  async writeAtomic(file: string, data: Buffer | string): Promise<void> {
    try {
      await writeFileAtomic(file, data);
    } catch (err) {
      throw ioError(err, file, 'writing');
    }
  }

  /** Copies without ever overwriting: originals that already sit in the project stay as they are. */
  async copyNew(from: string, to: string): Promise<void> {
    try {
      await fs.copyFile(from, to, fsc.COPYFILE_EXCL);
    } catch (err) {
      throw ioError(err, to, `copying ${from}`);
    }
  }

  async remove(file: string): Promise<void> {
    await fs.rm(file, { force: true }).catch(() => undefined);
  }

  /**
   * Removes what an interrupted run left in a project: our temporary files (in the project folder, its caches
   * and exports) and cached images that no photo owns (`keep` lists the ones that are owned). Returns how many.
   */
  async sweepProject(dir: string, cacheDirs: string[], keep: Set<string>): Promise<number> {
    let removed = 0;
    const rm = async (f: string) => {
      await fs.rm(f, { force: true }).then(() => removed++, () => undefined);
    };
    const names = async (d: string) => fs.readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of await names(dir)) if (e.isFile() && (TEMP_SUFFIX.test(e.name) || e.name === '.project.json.tmp')) await rm(path.join(dir, e.name));
    for (const d of cacheDirs)
      for (const e of await names(d)) {
        const f = path.join(d, e.name);
        if (e.isFile() && (TEMP_SUFFIX.test(e.name) || (e.name.endsWith('.jpg') && !keep.has(f)))) await rm(f);
      }
    const walk = async (d: string, depth: number): Promise<void> => {
      for (const e of await names(d)) {
        const f = path.join(d, e.name);
        if (e.isDirectory() && depth < 4) await walk(f, depth + 1);
        else if (e.isFile() && TEMP_SUFFIX.test(e.name)) await rm(f);
      }
    };
    for (const sub of ['exports', 'originals', path.join('cache', 'sheets')]) await walk(path.join(dir, sub), 0);
    return removed;
  }

  sha256(data: Buffer): string {
    return createHash('sha256').update(data).digest('hex');
  }
}
