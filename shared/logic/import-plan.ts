import { extensionOf, isSystemFile, kindOfFile, stemOf } from './photo-format';

export interface FoundFile {
  path: string;
  /** folder the file is in, as given by the walker */
  dir: string;
  name: string;
  /** a regular file (not a pipe, socket or device, nor a link to one); assumed when not said */
  isFile?: boolean;
}

export interface ImportCandidate {
  path: string;
  /** the RAW file shot with this JPEG/HEIF, kept on the record; for a lone RAW, the RAW itself */
  rawPath: string | null;
  sidecarPath: string | null;
  /** a RAW with no JPEG beside it: imported from its embedded preview */
  fromRaw?: boolean;
}

export interface PlannedFailure {
  path: string;
  /** named like a photo but not a regular file (a pipe, a device, a link to one): never read */
  reason: 'not-regular';
}

export interface ImportPlan {
  candidates: ImportCandidate[];
  failures: PlannedFailure[];
  /** files that are not photos (notes, videos, camera index files, system clutter): skipped, not failures */
  notPhotos: string[];
  /** files whose name says nothing (no extension): their bytes decide */
  unnamed: string[];
}

const key = (dir: string, name: string) => `${dir}\u0000${stemOf(name).toLowerCase()}`;
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Groups what a card walk found: a RAW shot beside a JPEG becomes one photo (the JPEG); a lone RAW is imported
 * from its embedded preview; `.xmp` sidecars (`IMG_1.xmp` or `IMG_1.JPG.xmp`) attach to their photo and are not
 * listed on their own; files that are not photos (card clutter, notes, videos) are counted as skipped.
 */
export function planImport(files: FoundFile[]): ImportPlan {
  const photosByStem = new Map<string, FoundFile[]>();
  const raws: FoundFile[] = [];
  const sidecars = new Map<string, string>();
  const plan: ImportPlan = { candidates: [], failures: [], notPhotos: [], unnamed: [] };
  for (const f of files) {
    const kind = isSystemFile(f.name) ? 'other' : kindOfFile(f.name);
    if (f.isFile === false) {
      // A pipe or device named like a photo would hang a reader: named as a failure, never opened.
      if (kind === 'photo' || kind === 'raw') plan.failures.push({ path: f.path, reason: 'not-regular' });
      else plan.notPhotos.push(f.path);
    } else if (kind === 'photo') {
      const k = key(f.dir, f.name);
      photosByStem.set(k, [...(photosByStem.get(k) ?? []), f]);
    } else if (kind === 'raw') raws.push(f);
    else if (kind === 'sidecar') sidecars.set(key(f.dir, f.name), f.path);
    else if (extensionOf(f.name) === '' && !isSystemFile(f.name)) plan.unnamed.push(f.path);
    else plan.notPhotos.push(f.path);
  }
  // `IMG_1.JPG.xmp` names one file exactly; `IMG_1.xmp` serves the whole stem.
  const sidecarOf = (f: FoundFile) =>
    sidecars.get(`${f.dir}\u0000${f.name.toLowerCase()}`) ?? sidecars.get(key(f.dir, f.name)) ?? null;
  const rawByStem = new Map<string, string>();
  for (const r of raws) {
    const k = key(r.dir, r.name);
    if (photosByStem.has(k)) rawByStem.set(k, r.path);
    else plan.candidates.push({ path: r.path, rawPath: r.path, sidecarPath: sidecarOf(r), fromRaw: true });
  }
  for (const [k, group] of photosByStem)
    for (const f of group)
      plan.candidates.push({ path: f.path, rawPath: rawByStem.get(k) ?? null, sidecarPath: sidecarOf(f) });
  plan.candidates.sort(byPath);
  return plan;
}
