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
