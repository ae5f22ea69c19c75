import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { ProjectHolder } from '../../../shared/model/project';
import { writeFileAtomic } from './atomic-write';

/** The lock folder (proper-lockfile's mkdir lock) and the note beside it saying who holds it. */
const LOCK_DIR = 'project.lock';
const HOLDER_FILE = 'project.lock.json';
/** A lock not refreshed for this long belongs to a process that is gone (killed, crashed, machine off). */
const STALE_MS = 5000;
const REFRESH_MS = 1000;

export interface HeldLock {
  release(): Promise<void>;
  /**
   * Is the lock still ours, right now? False once another process has taken it over (this one stalled past the
   * stale time: a laptop lid, SIGSTOP, a debugger): asked before every write, not only when the refresh notices.
   */
  verify(): Promise<boolean>;
}

/** held: ours; busy: another process has it; unwritable: the folder cannot be written (a read-only share or disc) */
export type LockOutcome =
  { kind: 'held'; lock: HeldLock } | { kind: 'busy'; holder: ProjectHolder } | { kind: 'unwritable' };

/** Is a process of this machine still running? (Another machine's process cannot be asked: assume it is.) */
function alive(holder: ProjectHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per project, across processes: wraps proper-lockfile (an atomic mkdir lock whose time is refreshed
 * every second, so a lock left by a killed process goes stale in seconds). Beside it, a note of who holds it
 * (process, machine, since when, what it is) so a second writer can be told exactly who is in the way.
 */
export class ProjectLockRepository {
  constructor(private readonly description: string) {}

  /**
   * Takes the project's lock. When a living process holds it, says who (the caller opens read-only); when the
   * holder is dead (kill -9, a crash), waits for its lock to go stale and takes it over.
   * `onLost` is called if the lock is lost later (the process stalled past the stale time and another took over).
   */
  async acquire(dir: string, onLost: (err: Error) => void): Promise<LockOutcome> {
    const target = path.join(dir, 'project.json');
    const options = {
      realpath: false,
      lockfilePath: path.join(dir, LOCK_DIR),
      stale: STALE_MS,
      update: REFRESH_MS,
      onCompromised: onLost,
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const release = await lockfile.lock(target, options);
        // The lock folder's identity and a token of this taking: a process that takes over after us makes a new
        // folder and writes its own note, so either tells a stalled writer that the project is no longer its own.
        const folder = await fs.stat(options.lockfilePath);
        const token = randomUUID();
        const holder: ProjectHolder & { token: string } = {
          pid: process.pid,
          host: os.hostname(),
          since: new Date().toISOString(),
          app: this.description,
          token,
        };
        await writeFileAtomic(path.join(dir, HOLDER_FILE), JSON.stringify(holder)).catch(() => undefined);
        let released = false;
        return {
          kind: 'held',
          lock: {
            release: async () => {
              released = true;
              // After a takeover the lock folder and the note are the new holder's: leave both (releasing would
              // remove its folder). Our refresh timer notices the takeover by itself and stops.
              if (!(await this.ours(dir, token, folder.ino))) return;
              await fs.rm(path.join(dir, HOLDER_FILE), { force: true }).catch(() => undefined);
              await release().catch(() => undefined);
            },
            verify: async () => !released && (await this.ours(dir, token, folder.ino)),
          },
        };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { kind: 'unwritable' };
        if (code !== 'ELOCKED') throw err;
        const holder = await this.holder(dir);
        // The holder writes its note just after taking the lock: give it a moment before calling it unknown.
        const unknown = holder.pid === 0 && attempt < 4;
        // A living holder: the caller gets a read-only view. A dead one: its lock is stale within STALE_MS.
        if (!unknown && (alive(holder) || attempt * 250 > STALE_MS + 2000)) return { kind: 'busy', holder };
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** The lock folder is the one we made, and the note beside it is ours. */
  private async ours(dir: string, token: string, ino: number): Promise<boolean> {
    const folder = await fs.stat(path.join(dir, LOCK_DIR)).catch(() => null);
    if (!folder || folder.ino !== ino) return false;
    const note = await fs.readFile(path.join(dir, HOLDER_FILE), 'utf8').then(
      (t) => JSON.parse(t) as { token?: string },
      () => null,
    );
    return note?.token === token;
  }

  /** Who holds the lock, as the holder wrote it (unknown fields when the note is missing or damaged). */
  async holder(dir: string): Promise<ProjectHolder> {
    try {
      const { pid, host, since, app } = JSON.parse(
        await fs.readFile(path.join(dir, HOLDER_FILE), 'utf8'),
      ) as ProjectHolder;
      // The note's token stays in the note: it is not for whoever is told who holds the project.
      if (typeof pid === 'number' && typeof host === 'string') return { pid, host, since, app };
    } catch {
      /* fall through */
    }
    return { pid: 0, host: '', since: '', app: '' };
  }
}
