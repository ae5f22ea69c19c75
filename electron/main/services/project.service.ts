import path from 'node:path';
import type { ProjectInfo, RecentProject } from '../../../shared/model/project';
import { CatalogRepository } from '../repositories/catalog.repository';
import type { SettingsRepository } from '../repositories/settings.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import type { ProjectSession } from './project-session';

interface ProjectDeps {
  session: ProjectSession;
  settings: SettingsRepository;
  storage: StorageRepository;
}

const RECENT_LIMIT = 10;

/** Creates, opens and remembers projects: a project is a folder with project.json, cache/ and exports/. */
export class ProjectService {
  constructor(private readonly deps: ProjectDeps) {}

  async create(dir: string, name?: string, isDemo = false): Promise<ProjectInfo> {
    const abs = path.resolve(dir);
    const catalog = await CatalogRepository.create(abs, name?.trim() || path.basename(abs), isDemo);
    for (const sub of ['cache', 'exports']) await this.deps.storage.ensureDir(path.join(abs, sub));
    return this.activate(catalog);
  }

  async open(dir: string): Promise<ProjectInfo> {
    const catalog = await CatalogRepository.open(path.resolve(dir));
    return this.activate(catalog);
  }

  current(): ProjectInfo | null {
    const c = this.deps.session.current;
    return c ? infoOf(c) : null;
  }

  async close(): Promise<void> {
    await this.deps.session.replace(null);
  }

  async recent(): Promise<RecentProject[]> {
    const list = await this.deps.settings.recent();
    const alive: RecentProject[] = [];
    for (const r of list) if (await this.deps.storage.exists(CatalogRepository.fileOf(r.dir))) alive.push(r);
    return alive;
  }

  private async activate(catalog: CatalogRepository): Promise<ProjectInfo> {
    await this.deps.session.replace(catalog);
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
  return { id: c.project.id, name: c.project.name, dir: c.dir, createdAt: c.project.createdAt, photoCount: c.photoCount, isDemo: !!c.project.isDemo };
}
