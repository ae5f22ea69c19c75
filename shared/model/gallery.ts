/** What a web gallery export did. */
export interface GalleryResult {
  index: string;
  photos: number;
  workers: number;
  excluded: import('./exhibition').ExcludedPhoto[];
  /** the size of the whole gallery folder as written */
  bytes: number;
  /** files written this time, and left as they were (unchanged since the last export) */
  written: number;
  reused: number;
  removed: number;
  /** stopped by the user before its pages were made */
  cancelled: boolean;
}

/** What a gallery would publish, said before anything is written. */
export interface GalleryCheck {
  photos: { photoId: string; number: string | null; title: string; names: string[] }[];
  /** the names that would appear (workers who agreed, with a photo shown) */
  workers: string[];
  /** every photo of the project that will not be published, with why (not only those on the wall) */
  excluded: import('./exhibition').ExcludedPhoto[];
  /** every worker of the roster whose name will not be published, with why */
  withheld: {
    workerId: string;
    name: string;
    reason: string;
    key: import('../i18n/messages').MessageKey;
    params?: import('../i18n/messages').MessageParams;
  }[];
  /** what each photo's page and JPEG carry */
  published: string[];
  /** what never leaves the project */
  never: string[];
}
