import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RecentProject } from '../../../shared/model/project';
import { writeFileAtomic } from './atomic-write';

/** Per-user settings outside any project: the recent-projects list. */
export class SettingsRepository {
  constructor(readonly home: string = defaultHome()) {}

  private get file() {
    return path.join(this.home, 'recent-projects.json');
  }

  async recent(): Promise<RecentProject[]> {
    try {
      const list = JSON.parse(await fs.readFile(this.file, 'utf8'));
      return Array.isArray(list) ? list.filter((r) => r && typeof r.dir === 'string') : [];
    } catch {
      return []; // a missing or damaged list only costs the shortcuts
    }
  }

  async saveRecent(list: RecentProject[]): Promise<void> {
    await fs.mkdir(this.home, { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(list, null, 2));
  }
}

export function defaultHome(): string {
  if (process.env.CHASING_LIGHT_HOME) return process.env.CHASING_LIGHT_HOME;
  const base =
    process.env.XDG_CONFIG_HOME ??
    (process.platform === 'win32' ? (process.env.APPDATA ?? os.homedir()) : path.join(os.homedir(), '.config'));
  return path.join(base, 'chasing-light');
}
