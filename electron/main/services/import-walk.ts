import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { displayName, displayPath } from '../../../shared/logic/file-path';
import { planImport, type FoundFile, type ImportPlan } from '../../../shared/logic/import-plan';
import { sniffFormat } from '../../../shared/logic/photo-format';
import type { ImportFailure } from '../../../shared/model/import-job';
import type { StorageRepository } from '../repositories/storage.repository';

export interface WalkOutcome {
  plan: ImportPlan;
  /** paths that could not be walked (missing, unreadable) and files named like photos that are not regular files */
  failures: ImportFailure[];
}

/** A path that could not be walked, as a failure of the batch (which carries on). */
const failure = (p: string, err: unknown): ImportFailure => {
  const e = isAppError(err) ? err : new AppError('IO', String(err));
  return { path: displayPath(p), code: e.code, message: e.message, key: e.key, params: e.params };
};

/**
 * What an import will do with the paths it was given: folders walked recursively (hidden folders skipped), each
 * file classified (photo, RAW, sidecar, not a photo), a file with no extension judged by its bytes. A path that
 * does not exist, or a pipe named like a photo, is a failure; nothing here reads a whole file.
 */
export async function walkImport(storage: StorageRepository, paths: string[]): Promise<WalkOutcome> {
  const found: FoundFile[] = [];
  const failures: ImportFailure[] = [];
  const visit = async (p: string) => {
    const st = await storage.stat(p).catch((err) => void failures.push(failure(p, err)));
    if (!st) return;
    if (st.isDirectory()) {
      const entries = await storage.list(p).catch((err) => void failures.push(failure(p, err)));
      if (!entries) return;
      for (const e of entries) {
        if (e.isDir) {
          if (!e.name.startsWith('.')) await visit(e.path); // hidden folders: system clutter, and our own cache
        } else found.push({ path: e.path, dir: p, name: e.name, isFile: e.isFile });
      }
    } else {
      const dir = path.dirname(p);
      found.push({ path: p, dir, name: path.basename(p), isFile: st.isFile() });
      // A file given on its own still brings its sidecar (IMG_1.xmp, IMG_1.JPG.xmp, any case) along.
      const stem = path.parse(p).name;
      for (const name of [`${stem}.xmp`, `${stem}.XMP`, `${path.basename(p)}.xmp`, `${path.basename(p)}.XMP`])
        if (await storage.exists(path.join(dir, name)))
          found.push({ path: path.join(dir, name), dir, name, isFile: true });
    }
  };
  for (const p of paths) await visit(path.resolve(p));

  const plan = planImport(found);
  // A photo without a photo's name (no extension, a renamed copy) is still a photo: its first bytes decide.
  for (const p of plan.unnamed) {
    if (sniffFormat(await storage.head(p))) plan.candidates.push({ path: p, rawPath: null, sidecarPath: null });
    else plan.notPhotos.push(p);
  }
  plan.unnamed = [];
  for (const f of plan.failures)
    failures.push({
      path: displayPath(f.path),
      code: 'UNSUPPORTED',
      ...said('fs.notRegular', { path: displayName(f.path) }),
    });
  return { plan, failures };
}

function said(key: 'fs.notRegular', params: { path: string }) {
  const e = new AppError('UNSUPPORTED', msg(key, params));
  return { message: e.message, key: e.key, params: e.params };
}
