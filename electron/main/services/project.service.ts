import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import type { ProjectInfo, RecentProject } from '../../../shared/model/project';
import { CatalogRepository } from '../repositories/catalog.repository';
import type { ProjectLockRepository } from '../repositories/project-lock.repository';
import type { SettingsRepository } from '../repositories/settings.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import { cachePaths } from './import.service';
import type { ProjectSession } from './project-session';

interface ProjectDeps {
  session: ProjectSession;
  events: EventBus;
  settings: SettingsRepository;
  storage: StorageRepository;
  locks: ProjectLockRepository;
  logger: Logger;
}

const RECENT_LIMIT = 10;
/** How often a read-only view looks for the writer's edits: a withdrawal reaches the kiosk within seconds. */
const FOLLOW_MS = 1000;

/** Creates, opens and remembers projects: a project is a folder with project.json, cache/ and exports/. */
export class ProjectService {
  /**
   * A read-only view in a long-running process (a window, the kiosk) follows the writer's edits; a one-shot
   * command reads once.
   */
  followReadOnly = false;
  private follower: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ProjectDeps) {}

  async create(dir: string, name?: string, isDemo = false): Promise<ProjectInfo> {
    const abs = path.resolve(dir);
    await this.deps.storage.ensureDir(abs);
    const outcome = await this.deps.locks.acquire(abs, (err) => this.lockLost(abs, err));
    if (outcome.kind === 'unwritable') throw new AppError('IO', msg('project.folderReadOnly', { dir: abs }));
    if (outcome.kind === 'busy') {
      const h = outcome.holder;
      throw new AppError('CONFLICT', msg('project.busyCreating', { dir: abs, app: h.app || '?', pid: h.pid || '?' }), {
        holder: h,
      });
    }
    let catalog: CatalogRepository;
    try {
      catalog = await CatalogRepository.create(abs, name?.trim() || path.basename(abs), isDemo, outcome.lock);
    } catch (err) {
      await outcome.lock.release();
      throw err;
    }
    for (const sub of ['cache', 'exports']) await this.deps.storage.ensureDir(path.join(abs, sub));
    return this.activate(catalog);
  }

  /**
   * Opens a project for writing when no other window or process has it; otherwise read-only, saying who has it.
   * A writer first sweeps what a killed process left behind: temporary files, and cached images of photos that
   * never reached the catalog.
   */
  async open(dir: string, opts: { toRead?: boolean } = {}): Promise<ProjectInfo> {
    const abs = path.resolve(dir);
    // Opened only to read (a CLI listing): no lock taken, so a window opening the project meanwhile is not kept from writing.
    if (opts.toRead) return this.activate(await CatalogRepository.open(abs, { toRead: true }));
    // Already open here for writing: this process holds the lock, so there is nothing to take again.
    const open = this.deps.session.current;
    if (open?.dir === abs && !open.readOnly) return infoOf(open);
    // Not a project: said before any lock is taken, so nothing is left in a folder that is not ours.
    if (!(await this.deps.storage.exists(CatalogRepository.fileOf(abs))))
      return this.activate(await CatalogRepository.open(abs, {}));
    const outcome = await this.deps.locks.acquire(abs, (err) => this.lockLost(abs, err));
    let catalog: CatalogRepository;
    try {
      catalog = await CatalogRepository.open(
        abs,
        outcome.kind === 'held'
          ? { lock: outcome.lock }
          : outcome.kind === 'busy'
            ? { heldBy: outcome.holder }
            : { unwritable: true },
      );
    } catch (err) {
      if (outcome.kind === 'held') await outcome.lock.release();
      throw err;
    }
    if (!catalog.readOnly) await this.sweep(catalog);
    return this.activate(catalog);
  }

  private async sweep(catalog: CatalogRepository) {
    const keep = new Set<string>();
    for (const p of catalog.photos())
      for (const rel of Object.values(cachePaths(p.id))) keep.add(path.join(catalog.dir, rel));
    const cacheDirs = [
      ...new Set(Object.values(cachePaths('x')).map((rel) => path.join(catalog.dir, path.dirname(rel)))),
    ];
    const removed = await this.deps.storage.sweepProject(catalog.dir, cacheDirs, keep);
    if (removed)
      this.deps.logger.info(`removed ${removed} leftover temporary or orphaned cache files in ${catalog.dir}`);
  }

  private lockLost(dir: string, err: Error) {
    this.deps.logger.error(`lost the lock of ${dir}`, err);
    const c = this.deps.session.current;
    if (c?.dir === dir) c.markLockLost(err);
  }

  current(): ProjectInfo | null {
    const c = this.deps.session.current;
    return c ? infoOf(c) : null;
  }

  async close(): Promise<void> {
    if (this.follower) clearInterval(this.follower);
    this.follower = null;
    await this.deps.session.replace(null);
  }

  async recent(): Promise<RecentProject[]> {
    const list = await this.deps.settings.recent();
    const alive: RecentProject[] = [];
    for (const r of list) if (await this.deps.storage.exists(CatalogRepository.fileOf(r.dir))) alive.push(r);
    return alive;
  }

  /** Looks for the writer's edits every second while the open catalog is a read-only view, and says what moved. */
  private follow(catalog: CatalogRepository) {
    if (this.follower) clearInterval(this.follower);
    this.follower = null;
    if (!catalog.readOnly || !this.followReadOnly) return;
    let busy = false;
    this.follower = setInterval(() => {
      if (busy) return;
      if (this.deps.session.current !== catalog) {
        clearInterval(this.follower!);
        this.follower = null;
        return;
      }
      busy = true;
      catalog
        .refresh()
        .then((changed) => {
          if (!changed) return;
          this.deps.events.emit('photos.changed', { ids: changed.photoIds, jobId: null });
          this.deps.events.emit('catalog.changed', { history: false });
        })
        .catch((err) => this.deps.logger.error(`could not read the changes to ${catalog.dir}`, err))
        .finally(() => {
          busy = false;
        });
    }, FOLLOW_MS);
    this.follower.unref();
  }

  private async activate(catalog: CatalogRepository): Promise<ProjectInfo> {
    await this.deps.session.replace(catalog);
    this.follow(catalog);
    const info = infoOf(catalog);
    if (!info.isDemo) {
      const list = (await this.deps.settings.recent()).filter((r) => r.dir !== info.dir);
      list.unshift({ dir: info.dir, name: info.name, openedAt: new Date().toISOString() });
      await this.deps.settings.saveRecent(list.slice(0, RECENT_LIMIT)).catch(() => undefined);
    }
    return info;
  }
}

export function infoOf(c: CatalogRepository): ProjectInfo {
  return {
    id: c.project.id,
    name: c.project.name,
    dir: c.dir,
    createdAt: c.project.createdAt,
    photoCount: c.photoCount,
    isDemo: !!c.project.isDemo,
    readOnly: c.readOnly,
  };
}
