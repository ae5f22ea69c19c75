import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';

export const JOURNAL_FILE = 'project.journal';

/** One entity as it became (`v`), or removed (no `v`). */
export interface JournalOp {
  c: string;
  id: string;
  v?: unknown;
}

/**
 * One edit as the journal keeps it: a line of JSON, written whole and synced before the edit is answered. `s`
 * counts edits across the project's life; the snapshot (project.json) says up to which `s` it already holds.
 */
export interface JournalEntry {
  s: number;
  ops: JournalOp[];
  /** project-level settings changed by this edit */
  p?: Record<string, unknown>;
}

/** Where a file stood when we last read or wrote it: another writer changes at least one of these. */
export interface FileMark {
  ino: number;
  size: number;
  mtimeMs: number;
}

export async function markOf(file: string): Promise<FileMark | null> {
  const st = await fs.stat(file).catch(() => null);
  return st ? { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs } : null;
}

export const sameMark = (a: FileMark | null, b: FileMark | null) =>
  a === null || b === null ? a === b : a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * The entries of a journal text, in order. A line cut short by a crash (the process died while appending, before
 * the sync returned, so the edit was never answered) ends the journal: it and anything after it are not applied.
 */
export function parseJournal(text: string): { entries: JournalEntry[]; complete: number; torn: boolean } {
  const entries: JournalEntry[] = [];
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    if (end < 0) return { entries, complete: Buffer.byteLength(text.slice(0, at)), torn: true };
    const line = text.slice(at, end);
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      return { entries, complete: Buffer.byteLength(text.slice(0, at)), torn: true };
    }
    if (typeof entry?.s !== 'number' || !Array.isArray(entry.ops))
      return { entries, complete: Buffer.byteLength(text.slice(0, at)), torn: true };
    entries.push(entry);
    at = end + 1;
  }
  return { entries, complete: Buffer.byteLength(text), torn: false };
}

/**
 * The catalog's journal: each edit appended as one line and synced to the disk before it is answered, so an
 * answered edit survives a kill or a power cut; the whole catalog is rewritten only now and then (compaction),
 * so an edit costs in proportion to what it changed, not to the size of the catalog.
 */
export class CatalogJournal {
  private handle: fs.FileHandle | null = null;

  constructor(readonly file: string) {}

  static of(dir: string) {
    return new CatalogJournal(path.join(dir, JOURNAL_FILE));
  }

  /** Reads the journal from `offset`: its whole entries, and the byte offset just after the last whole one. */
  async read(offset = 0): Promise<{ entries: JournalEntry[]; end: number; torn: boolean; mark: FileMark | null }> {
    const mark = await markOf(this.file);
    if (!mark) return { entries: [], end: 0, torn: false, mark };
    const handle = await fs.open(this.file, 'r');
    try {
      const size = (await handle.stat()).size;
      if (size <= offset) return { entries: [], end: offset, torn: false, mark };
      const buf = Buffer.alloc(size - offset);
      await handle.read(buf, 0, buf.length, offset);
      const { entries, complete, torn } = parseJournal(buf.toString('utf8'));
      return { entries, end: offset + complete, torn, mark };
    } finally {
      await handle.close();
    }
  }

  /** Appends entries as whole lines and syncs them; answers the journal's mark after the write. */
  async append(entries: JournalEntry[]): Promise<FileMark> {
    if (!this.handle) this.handle = await fs.open(this.file, 'a');
    await this.handle.write(entries.map((e) => JSON.stringify(e) + '\n').join(''));
    await this.handle.datasync();
    const st = await this.handle.stat();
    return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  }

  /**
   * Starts an empty journal (after the snapshot took in everything): a new file renamed into place, so a reader
   * still reading the old one reads it whole.
   */
  async reset(): Promise<FileMark | null> {
    await this.close();
    await writeFileAtomic(this.file, '', true);
    return markOf(this.file);
  }

  /** Cuts a torn last line off (found at open): what follows is appended after whole lines only. */
  async truncate(to: number): Promise<void> {
    await this.close();
    await fs.truncate(this.file, to);
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close().catch(() => undefined);
  }
}
