import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { ProjectInfo } from '../../../shared/model/project';
import { CatalogRepository } from '../repositories/catalog.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import type { ImportService } from './import.service';
import type { HistoryService } from './history.service';
import type { PhotoService } from './photo.service';
import type { ProjectService } from './project.service';
import type { RosterService } from './roster.service';
import type { TaggingService } from './tagging.service';
import { msg } from '../../../shared/i18n/messages';

/** assets/demo/demo.json: which made-up photographer shot which sample at which made-up company. */
const demoManifest = z.object({
  name: z.string(),
  companies: z
    .array(z.object({ name: z.string(), shortName: z.string().optional(), district: z.string().optional() }))
    .default([]),
  shoots: z.array(
    z.object({
      photographer: z.string(),
      company: z.string(),
      shootDay: z.string(),
      files: z.array(z.string()).min(1),
    }),
  ),
  workers: z
    .array(
      z.object({
        name: z.string(),
        company: z.string(),
        department: z.string().optional(),
        craft: z.string().optional(),
        consent: z.enum(['exhibit', 'gift-only', 'declined', 'unknown']),
        quote: z.string().optional(),
        photos: z.array(z.string()),
      }),
    )
    .default([]),
});

interface DemoDeps {
  projects: ProjectService;
  importer: ImportService;
  roster: RosterService;
  tagging: TaggingService;
  history: HistoryService;
  photos: PhotoService;
  storage: StorageRepository;
  /** where the demo photos and manifest ship */
  assetsDir: string;
  /** where the demo project is built, once per user */
  projectDir: string;
}

/** The demo campaign a newcomer sees on first start: a few real camera files, made-up companies. */
export class DemoService {
  constructor(private readonly deps: DemoDeps) {}

  async open(): Promise<ProjectInfo> {
    const { projectDir, assetsDir } = this.deps;
    if (await this.deps.storage.exists(CatalogRepository.fileOf(projectDir))) {
      try {
        const info = await this.deps.projects.open(projectDir);
        if (info.photoCount > 0) return info;
      } catch {
        /* a damaged demo is rebuilt below */
      }
      await this.deps.projects.close();
      await this.deps.storage.removeFolder(projectDir);
    }
    const manifestFile = path.join(assetsDir, 'demo.json');
    let manifest;
    try {
      manifest = demoManifest.parse(JSON.parse((await this.deps.storage.readFile(manifestFile)).toString('utf8')));
    } catch (err) {
      throw new AppError('NOT_FOUND', msg('demo.missing', { file: manifestFile, detail: (err as Error).message }));
    }
    await this.deps.projects.create(projectDir, manifest.name, true);
    for (const c of manifest.companies) this.deps.roster.createCompany(c);
    for (const shoot of manifest.shoots) {
      await this.deps.importer.run({
        paths: shoot.files.map((f) => path.join(assetsDir, f)),
        photographer: shoot.photographer,
        company: shoot.company,
        shootDay: shoot.shootDay,
        copy: true,
      });
    }
    // The roster and its tags, so the demo shows tagging and gifts as well as the library.
    const byName = new Map(this.deps.photos.list().map((p) => [p.originalName, p.id]));
    for (const w of manifest.workers) {
      const company = this.deps.roster.findCompany(w.company);
      const worker = this.deps.roster.createWorker({
        name: w.name,
        companyId: company?.id ?? null,
        department: w.department,
        craft: w.craft,
        consent: w.consent,
        quote: w.quote,
      });
      const ids = w.photos.map((f) => byName.get(f)).filter((id): id is string => !!id);
      if (ids.length) this.deps.tagging.tag(ids, worker.id);
    }
    // A fresh demo has nothing to undo.
    this.deps.history.clear();
    return this.deps.projects.current()!;
  }
}
