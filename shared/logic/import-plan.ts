import { isSystemFile, kindOfFile, stemOf } from './photo-format';

export interface FoundFile {
  path: string;
  /** folder the file is in, as given by the walker */
  dir: string;
  name: string;
}

export interface ImportCandidate {
  path: string;
  /** the RAW file shot with this JPEG/HEIF, kept on the record */
  rawPath: string | null;
  sidecarPath: string | null;
}

export interface PlannedFailure {
  path: string;
  reason: 'lone-raw' | 'not-a-photo';
}

export interface ImportPlan {
  candidates: ImportCandidate[];
  failures: PlannedFailure[];
}

const key = (dir: string, name: string) => `${dir}\u0000${stemOf(name).toLowerCase()}`;

/**
 * Groups what a card walk found: a RAW shot beside a JPEG becomes one photo (the JPEG); a lone RAW is reported;
 * `.xmp` sidecars (`IMG_1.xmp` or `IMG_1.JPG.xmp`) attach to their photo; card clutter is ignored.
 */
export function planImport(files: FoundFile[]): ImportPlan {
  const photosByStem = new Map<string, FoundFile[]>();
  const raws: FoundFile[] = [];
  const sidecars = new Map<string, string>();
  const failures: PlannedFailure[] = [];
  for (const f of files) {
    if (isSystemFile(f.name)) continue;
    const kind = kindOfFile(f.name);
    if (kind === 'photo') {
      const k = key(f.dir, f.name);
      photosByStem.set(k, [...(photosByStem.get(k) ?? []), f]);
    } else if (kind === 'raw') raws.push(f);
    else if (kind === 'sidecar') sidecars.set(key(f.dir, f.name), f.path);
    else failures.push({ path: f.path, reason: 'not-a-photo' });
  }
  const rawByStem = new Map<string, string>();
  for (const r of raws) {
    const k = key(r.dir, r.name);
    if (photosByStem.has(k)) rawByStem.set(k, r.path);
    else failures.push({ path: r.path, reason: 'lone-raw' });
  }
  const candidates: ImportCandidate[] = [];
  for (const [k, group] of photosByStem) {
    for (const f of group) {
      // `IMG_1.JPG.xmp` names one file exactly; `IMG_1.xmp` serves the whole stem.
      const ownSidecar = sidecars.get(`${f.dir}\u0000${f.name.toLowerCase()}`);
      candidates.push({ path: f.path, rawPath: rawByStem.get(k) ?? null, sidecarPath: ownSidecar ?? sidecars.get(k) ?? null });
    }
  }
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { candidates, failures };
}
