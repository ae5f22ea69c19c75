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
}

/** What a gallery would publish, said before anything is written. */
export interface GalleryCheck {
  photos: { photoId: string; number: string | null; title: string; names: string[] }[];
  /** the names that would appear (workers who agreed, with a photo shown) */
  workers: string[];
  excluded: import('./exhibition').ExcludedPhoto[];
  /** what each photo's page and JPEG carry */
  published: string[];
  /** what never leaves the project */
  never: string[];
}
