export interface ProjectInfo {
  id: string;
  name: string;
  dir: string;
  createdAt: string;
  photoCount: number;
  isDemo: boolean;
  /** set when another window or process has the project open for writing: this one only reads */
  readOnly: ProjectHolder | null;
}

/** Who has a project open for writing: enough to tell the user which window or process is in the way. */
export interface ProjectHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken */
  since: string;
  /** what holds it: "Electron", "chasing-light serve", "chasing-light import" … */
  app: string;
}

export interface RecentProject {
  dir: string;
  name: string;
  openedAt: string;
}
