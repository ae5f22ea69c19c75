export interface ProjectInfo {
  id: string;
  name: string;
  dir: string;
  createdAt: string;
  photoCount: number;
  isDemo: boolean;
}

export interface RecentProject {
  dir: string;
  name: string;
  openedAt: string;
}
