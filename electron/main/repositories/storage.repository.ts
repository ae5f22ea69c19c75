import { createHash } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { msg } from '../../../shared/i18n/messages';
import { AppError } from '../../../shared/errors';
import { displayName, displayPath, isRawPathToken, rawPathBytes, rawPathToken } from '../../../shared/logic/file-path';
import { formatBytes } from '../../../shared/logic/display';
import { TEMP_SUFFIX, tempWriter, writeChunksAtomic, writeFileAtomic } from './atomic-write';

/** What was being done when a file operation failed, said in the user's language. */
export type Doing =
  | 'reading'
  | 'writing'
  | 'lookup'
  | 'mkdir'
  | 'list'
  | 'createProject'
  | 'createCatalog'
  | 'openProject'
  | 'saveCatalog'
  | { copy: string };

/** Turns a Node fs error into one the user can act on, naming the path. */
export function ioError(err: unknown, target: string, doing: Doing): AppError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const activity = typeof doing === 'string' ? msg(`doing.${doing}`) : msg('doing.copy', { from: doing.copy });
  const details = { path: target };
  if (code === 'ENOENT') return new AppError('NOT_FOUND', msg('fs.notFound', { path: target }), details);
  // Refused by the operating system: the user's path is the cause (a 403 in the browser host), not a fault of ours.
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError('FORBIDDEN', msg('fs.permission', { path: target, doing: activity }), details);
  if (code === 'ENOSPC') return new AppError('IO', msg('fs.diskFull', { path: target, doing: activity }), details);
  // A path the OS cannot even take (a NUL, too long, a loop of links): the path is wrong, not the disk.
  if (
    code === 'ERR_INVALID_ARG_VALUE' ||
    code === 'ERR_INVALID_ARG_TYPE' ||
    code === 'ENAMETOOLONG' ||
    code === 'ELOOP'
  )
    return new AppError(
      'VALIDATION',
      msg('fs.badPath', { path: target, detail: (err as Error)?.message ?? String(err) }),
      details,
    );
  if (code === 'EISDIR') return new AppError('VALIDATION', msg('fs.isFolder', { path: target }), details);
  if (code === 'ENOTDIR') return new AppError('VALIDATION', msg('fs.notFolder', { path: target }), details);
  return new AppError(
    'IO',
    msg('fs.other', { path: target, doing: activity, detail: (err as Error)?.message ?? String(err) }),
    details,
  );
}

export interface DirEntry {
  /** for people (a name that is not UTF-8 shows replacement characters) */
  name: string;
  /** for the file system: a plain path, or a raw-path token when the name is not UTF-8 */
  path: string;
  isDir: boolean;
  /** a regular file; false for folders, pipes, sockets and devices (and links to them) */
  isFile: boolean;
}

/** A path for Node's fs: the string itself, or the bytes a raw-path token stands for. */
export function fsPath(p: string): string | Buffer {
  return isRawPathToken(p) ? Buffer.from(rawPathBytes(p)) : p;
}

/** A child of `dir` named by raw bytes: a plain path when the bytes are UTF-8, a token otherwise. */
function childPath(dir: string, name: Buffer): { name: string; path: string } {
  const text = name.toString('utf8');
  if (!isRawPathToken(dir) && Buffer.from(text, 'utf8').equals(name)) return { name: text, path: path.join(dir, text) };
  const parent = Buffer.from(fsPath(dir));
  const sep = Buffer.from(path.sep);
  const bytes = Buffer.concat([parent, parent.subarray(-1).equals(sep) ? Buffer.alloc(0) : sep, name]);
  return { name: displayName(rawPathToken(bytes)), path: rawPathToken(bytes) };
}

export interface ReadLimits {
  /** refuse a file larger than this before reading a byte */
  maxBytes: number;
  /** give up on a read that takes longer (a hung network share, a device that never ends) */
  timeoutMs: number;
}

const DEFAULT_LIMITS: ReadLimits = { maxBytes: 2 * 1024 ** 3 - 1, timeoutMs: 60_000 };

/** The only place that touches the file system for projects and originals (the catalog file excepted). */
export class StorageRepository {
  /**
   * Reads a whole regular file, within limits: a pipe, a device (or a link to one) is refused before it is
   * opened for reading, a file over `maxBytes` before a byte is read, and a read that stalls is abandoned.
   */
  async readFile(file: string, limits: Partial<ReadLimits> = {}): Promise<Buffer> {
    const { maxBytes, timeoutMs } = { ...DEFAULT_LIMITS, ...limits };
    const shown = displayPath(file);
    const st = await this.stat(file);
    if (st.isDirectory()) throw new AppError('VALIDATION', msg('fs.isFolder', { path: shown }), { path: shown });
    if (!st.isFile()) throw new AppError('UNSUPPORTED', msg('fs.notRegular', { path: shown }), { path: shown });
    if (st.size > maxBytes)
      throw new AppError(
        'TOO_LARGE',
        msg('fs.tooLarge', { path: shown, size: formatBytes(st.size), limit: formatBytes(maxBytes) }),
        { path: shown, bytes: st.size },
      );
    let data: Buffer;
    try {
      data = await fs.readFile(fsPath(file), { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      if ((err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError')
        throw new AppError('IO', msg('fs.readTimeout', { path: shown, seconds: Math.round(timeoutMs / 1000) }), {
          path: shown,
        });
      throw ioError(err, shown, 'reading');
    }
    if (data.length !== st.size)
      throw new AppError('IO', msg('fs.changedWhileReading', { path: shown }), { path: shown });
    return data;
  }

  /** The first bytes of a regular file, to tell what it is without reading it all; empty when it cannot be read. */
  async head(file: string, bytes = 64): Promise<Buffer> {
    let handle: fs.FileHandle | null = null;
    try {
      if (!(await fs.stat(fsPath(file))).isFile()) return Buffer.alloc(0);
      handle = await fs.open(fsPath(file), 'r');
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
      return await fs.stat(fsPath(file));
    } catch (err) {
      throw ioError(err, displayPath(file), 'lookup');
    }
  }

  /**
   * A path with every symbolic link resolved, also for a folder that does not exist yet: the nearest folder that
   * does is resolved, and the rest appended.
   */
  async realPath(p: string): Promise<string> {
    const abs = path.resolve(p);
    const rest: string[] = [];
    for (let at = abs; ; at = path.dirname(at)) {
      const real = await fs.realpath(at).catch(() => null);
      if (real) return path.join(real, ...rest.reverse());
      if (path.dirname(at) === at) return abs;
      rest.push(path.basename(at));
    }
  }

  async exists(file: string): Promise<boolean> {
    try {
      await fs.access(fsPath(file), fsc.F_OK);
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
      throw ioError(err, dir, 'mkdir');
    }
  }

  /** A folder's entries by their raw names, so a name that is not UTF-8 is still found; links are followed. */
  async list(dir: string): Promise<DirEntry[]> {
    let entries;
    try {
      entries = await fs.readdir(fsPath(dir), { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      throw ioError(err, displayPath(dir), 'list');
    }
    const out: DirEntry[] = [];
    for (const e of entries) {
      const child = childPath(dir, e.name as unknown as Buffer);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const target = await fs.stat(fsPath(child.path)).catch(() => null);
        isDir = !!target?.isDirectory();
        isFile = !!target?.isFile();
      }
      out.push({ ...child, isDir, isFile });
    }
    return out;
  }

  /** Makes the folder and proves a file can be written in it (a probe, removed again); throws what the OS said. */
  async probeWritable(dir: string): Promise<void> {
    await this.ensureDir(dir);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    await this.writeAtomic(probe, 'ok');
    await this.remove(probe);
  }

  /** A file produced in chunks, written as they come and renamed into place only when whole; its size. */
  async writeChunksAtomic(file: string, chunks: AsyncIterable<Uint8Array>): Promise<number> {
    try {
      return await writeChunksAtomic(file, chunks);
    } catch (err) {
      // What made the chunks failed (a photo it could not read, a cancel): its own error, not the disk's.
      if (err instanceof AppError || typeof (err as NodeJS.ErrnoException)?.errno !== 'number') throw err;
      throw ioError(err, file, 'writing');
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
      await fs.copyFile(fsPath(from), to, fsc.COPYFILE_EXCL);
    } catch (err) {
      throw ioError(err, to, { copy: displayPath(from) });
    }
  }

  async remove(file: string): Promise<void> {
    await fs.rm(file, { force: true }).catch(() => undefined);
  }

  /** Removes a folder and all it holds (a demo project being rebuilt); a folder already gone is no error. */
  async removeFolder(dir: string): Promise<void> {
    await fs.rm(dir, { recursive: true, force: true });
  }

  /**
   * Removes what an interrupted run left in a project: our temporary files (in the project folder, its caches
   * and exports) and cached images that no photo owns (`keep` lists the ones that are owned). Returns how many.
   */
  async sweepProject(dir: string, cacheDirs: string[], keep: Set<string>): Promise<number> {
    let removed = 0;
    const rm = async (f: string) => {
      await fs.rm(f, { force: true }).then(
        () => removed++,
        () => undefined,
      );
    };
    const names = async (d: string) => fs.readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of await names(dir))
      if (e.isFile() && (TEMP_SUFFIX.test(e.name) || e.name === '.project.json.tmp')) await rm(path.join(dir, e.name));
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

  /**
   * Removes what a killed export left in its folder: our temporary files whose writing process is gone (a living
   * one, another export into the same folder, is left to finish). Looks `depth` folders down (a gallery's images/).
   */
  async sweepStaleTemps(dir: string, depth = 2): Promise<number> {
    let removed = 0;
    const gone = (pid: number) => {
      if (pid === process.pid) return false;
      try {
        process.kill(pid, 0);
        return false;
      } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'ESRCH';
      }
    };
    const walk = async (d: string, level: number): Promise<void> => {
      for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
        const f = path.join(d, e.name);
        if (e.isDirectory() && level < depth) await walk(f, level + 1);
        else if (e.isFile() && TEMP_SUFFIX.test(e.name) && gone(tempWriter(e.name)!))
          await fs.rm(f, { force: true }).then(
            () => removed++,
            () => undefined,
          );
      }
    };
    await walk(dir, 0);
    return removed;
  }

  /** Keeps the `count` most recently written files of a folder and removes the rest (a cache with a size). */
  async keepNewest(dir: string, count: number): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    const files = await Promise.all(
      entries
        .filter((e) => e.isFile())
        .map(async (e) => ({
          file: path.join(dir, e.name),
          at: (await fs.stat(path.join(dir, e.name)).catch(() => null))?.mtimeMs ?? 0,
        })),
    );
    for (const f of files.sort((a, b) => b.at - a.at).slice(count))
      await fs.rm(f.file, { force: true }).catch(() => undefined);
  }

  sha256(data: Buffer): string {
    return createHash('sha256').update(data).digest('hex');
  }
}
