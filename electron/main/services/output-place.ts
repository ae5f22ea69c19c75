import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { isRawPathToken } from '../../../shared/logic/file-path';
import { outPlaceProblem } from '../../../shared/logic/output-place';
import type { StorageRepository } from '../repositories/storage.repository';
import type { ProjectSession } from './project-session';

/**
 * The one guard for every export's folder (gift sheets, the exhibition's files, the gallery, XMP sidecars): real
 * paths, links resolved, never among what the project reads: its own folder outside exports/, or a folder its
 * photos were imported from.
 */
export class OutputPlaces {
  constructor(private readonly deps: { session: ProjectSession; storage: StorageRepository }) {}

  /** The folder to write to, as given; refused by name (VALIDATION) when it is one of the project's own places. */
  async check(outDir: string, opts: { sidecars?: boolean } = {}): Promise<string> {
    const catalog = this.deps.session.require();
    const out = await this.deps.storage.realPath(outDir);
    const project = await this.deps.storage.realPath(catalog.dir);
    // Each folder once: a campaign has thousands of photos in a few dozen folders.
    const folders = new Set<string>();
    for (const p of catalog.photos())
      for (const file of [p.path, p.rawPath, p.sidecarPath, p.originalPath])
        if (file && !isRawPathToken(file)) folders.add(path.dirname(file));
    const originals: string[] = [];
    for (const dir of folders) originals.push(await this.deps.storage.realPath(dir));
    const problem = outPlaceProblem(out, project, originals, { sep: path.sep, sidecars: opts.sidecars });
    if (problem?.kind === 'project')
      throw new AppError('VALIDATION', msg('export.outInProject', { dir: outDir, project: catalog.dir }), {
        path: outDir,
      });
    if (problem?.kind === 'originals')
      throw new AppError('VALIDATION', msg('export.outAmongOriginals', { dir: outDir, originals: problem.dir }), {
        path: outDir,
      });
    return path.resolve(outDir);
  }

  /**
   * `check`, then clears what an earlier export into this folder left when it was killed (its temporary files):
   * every export starts in a folder holding only whole files.
   */
  async prepare(outDir: string, opts: { sidecars?: boolean } = {}): Promise<string> {
    const dir = await this.check(outDir, opts);
    await this.deps.storage.sweepStaleTemps(dir);
    return dir;
  }
}
