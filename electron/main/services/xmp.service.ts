import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { safeFileNamePart } from '../../../shared/logic/copy-name';
import { msg } from '../../../shared/i18n/messages';
import { buildXmpSidecar } from '../../../shared/logic/xmp-write';
import { mergeXmpSidecar } from '../../../shared/logic/xmp-merge';
import type { XmpRefusal } from '../../../shared/api/contract';
import type { Company, Worker } from '../../../shared/model/roster';
import type { StorageRepository } from '../repositories/storage.repository';
import type { OutputPlaces } from './output-place';
import type { ProjectSession } from './project-session';

/** Writes IPTC/XMP sidecars for other tools (Lightroom, digiKam, exiftool). Originals are never touched. */
export class XmpService {
  constructor(private readonly deps: { session: ProjectSession; storage: StorageRepository; places: OutputPlaces }) {}

  /** One `<name>.xmp` per photo into `outDir` (default: the project's exports/xmp), named like the photo so tools pair them. */
  async write(ids?: string[], outDir?: string): Promise<{ written: string[]; refused: XmpRefusal[] }> {
    const catalog = this.deps.session.require();
    const photos = ids?.length ? ids.map((id) => catalog.photo(id) ?? notFound(id)) : catalog.photos();
    // Beside the photos is where sidecars belong (the guard allows it); inside the project only under exports/.
    const dir = await this.deps.places.prepare(outDir?.trim() || path.join(catalog.dir, 'exports', 'xmp'), {
      sidecars: true,
    });
    await this.deps.storage.ensureDir(dir);
    const used = new Set<string>();
    const written: string[] = [];
    const refused: XmpRefusal[] = [];
    for (const photo of photos) {
      const people = photo.workers.map((id) => catalog.get('workers', id)).filter((w): w is Worker => !!w);
      const companies = [...new Set(people.map((w) => w.companyId).filter(Boolean))]
        .map((id) => catalog.get('companies', id!))
        .filter((c): c is Company => !!c);
      const stem = safeFileNamePart(path.parse(photo.originalName).name, photo.id);
      // Two cards can both hold IMG_0001: the second gets its id so neither sidecar overwrites the other.
      const name = used.has(stem.toLowerCase()) ? `${stem}_${photo.id.slice(0, 8)}` : stem;
      used.add(name.toLowerCase());
      const file = path.join(dir, `${name}.xmp`);
      let text = buildXmpSidecar(photo, people, companies);
      // A sidecar already there (Lightroom's, with develop settings) is merged into, never replaced.
      if (await this.deps.storage.exists(file)) {
        try {
          text = mergeXmpSidecar(
            (await this.deps.storage.readFile(file, { maxBytes: 16 * 1024 ** 2 })).toString('utf8'),
            text,
          );
        } catch (err) {
          const e = new AppError(
            'CORRUPT',
            msg('xmp.unreadableExisting', { path: file, detail: (err as Error).message }),
          );
          refused.push({ path: file, code: e.code, message: e.message, key: e.key, params: e.params });
          continue;
        }
      }
      await this.deps.storage.writeAtomic(file, text);
      written.push(file);
    }
    return { written, refused };
  }
}

function notFound(id: string): never {
  throw new AppError('NOT_FOUND', msg('photo.notFound', { id }));
}
