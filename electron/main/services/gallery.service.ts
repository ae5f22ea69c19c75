import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { msg, reasonOf } from '../../../shared/i18n/messages';
import { fillTemplate } from '../../../shared/logic/caption-template';
import {
  imagePath,
  indexPage,
  photoPage,
  searchData,
  thumbPath,
  workerPage,
  workerPath,
  photoPath,
  type GalleryPhoto,
  type GallerySite,
  type GalleryWorker,
} from '../../../shared/logic/gallery-pages';
import { exhibitRule } from '../../../shared/logic/photo-usage';
import { isWebAddress } from '../../../shared/logic/qr';
import { buildWebXmp } from '../../../shared/logic/xmp-write';
import type { ExcludedPhoto } from '../../../shared/model/exhibition';
import type { GalleryCheck, GalleryResult } from '../../../shared/model/gallery';
import type { Photo } from '../../../shared/model/photo';
import type { FontFamily } from '../../../shared/model/gift';
import type { Worker } from '../../../shared/model/roster';
import type { SheetRepository } from '../repositories/sheet.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import { DEFAULT_EXHIBITION, type ExhibitionService } from './exhibition.service';
import type { CampaignService } from './campaign.service';
import type { CaptionValuesService } from './caption-values.service';
import type { PhotoSources } from './photo-source.service';
import type { OutputPlaces } from './output-place';
import type { JobBody, JobControl, JobService } from './jobs.service';
import type { ProjectSession } from './project-session';

export interface GalleryOptions {
  outDir: string;
  baseUrl?: string;
  exhibitionId?: string;
}

/** A photo's page shows it at this long edge; the grid at this one. */
export const WEB_EDGE = 2048;
export const THUMB_EDGE = 400;
const MANIFEST = '.chasing-light-gallery.json';

interface Manifest {
  files: Record<string, { hash: string; bytes: number }>;
}

/**
 * The static web gallery: plain HTML, CSS, JS and JPEGs that work from disk and from any static host. Only photos
 * everyone in agreed to exhibit; the JPEGs carry no GPS, only the credit, title and names; pages carry names only.
 * Re-exporting rewrites only what changed (a manifest of what each file was made from) and removes the pages of
 * photos that left.
 */
export class GalleryService {
  constructor(
    private readonly deps: {
      fonts: (family: FontFamily, weight: 'normal' | 'bold', chars: string) => Promise<Buffer>;
      session: ProjectSession;
      exhibitions: ExhibitionService;
      campaign: CampaignService;
      sources: PhotoSources;
      captions: CaptionValuesService;
      sheets: SheetRepository;
      storage: StorageRepository;
      places: OutputPlaces;
      jobs: JobService;
      assetsDir: string;
    },
  ) {
    deps.jobs.define<GalleryOptions, GalleryResult>('gallery-export', {
      prepare: (opts) => this.prepare(opts),
      cancelledIn: (r) => r.cancelled,
    });
  }

  private get catalog() {
    return this.deps.session.require();
  }

  /**
   * The privacy check: what a gallery would publish — which photos, which names — and what it leaves out and
   * why, before anything is written.
   */
  async check(exhibitionId = DEFAULT_EXHIBITION): Promise<GalleryCheck> {
    const { photos, excluded } = await this.shown(exhibitionId);
    const workers = this.workersOf(photos);
    const named = new Set(workers.map((w) => w.id));
    // Everyone in the roster who will not be named, and why: a staff member checks the list before publishing.
    const withheld = this.catalog
      .all('workers')
      .filter((w) => !named.has(w.id))
      .map((w) => ({ workerId: w.id, name: w.name, ...reasonOf(msg(WITHHELD[w.consent], { name: w.name })) }));
    return {
      photos: photos.map(({ view }) => ({
        photoId: view.id,
        number: view.number,
        title: view.title,
        names: view.workers.map((w) => w.name),
      })),
      workers: workers.map((w) => w.name),
      excluded,
      withheld,
      published: ['title', 'names', 'company', 'craft', 'quote', 'credit', 'shoot date', 'place number'],
      never: [
        'GPS',
        'camera and lens data',
        'phone numbers',
        'employee numbers',
        'consent notes',
        'workers who did not agree',
      ],
    };
  }

  /** The gallery written as a job of the one job service (progress, cancel); a place it may not write is refused at once. */
  start(opts: GalleryOptions): Promise<{ jobId: string }> {
    return this.deps.jobs.start('gallery-export', opts);
  }

  /** The gallery written and waited for (the command line's and the tests' way). */
  async export(opts: GalleryOptions): Promise<GalleryResult> {
    return this.deps.jobs.done(await this.start(opts).then((j) => j.jobId));
  }

  private async prepare(opts: GalleryOptions): Promise<JobBody<GalleryResult>> {
    this.deps.session.require();
    const baseUrl = opts.baseUrl?.trim() || null;
    if (baseUrl && !isWebAddress(baseUrl))
      throw new AppError('VALIDATION', msg('exhibit.badBaseUrl', { url: baseUrl, schemes: 'http:// https://' }));
    const outDir = await this.deps.places.prepare(opts.outDir);
    try {
      await this.deps.storage.probeWritable(outDir);
    } catch (err) {
      throw new AppError('IO', msg('export.notWritable', { dir: outDir, detail: (err as Error).message }));
    }
    return (control) => this.write(opts, outDir, baseUrl, control);
  }

  private async write(
    opts: GalleryOptions,
    outDir: string,
    baseUrl: string | null,
    control: JobControl,
  ): Promise<GalleryResult> {
    const catalog = this.catalog;
    const shown = await this.shown(opts.exhibitionId ?? DEFAULT_EXHIBITION);
    const excluded = shown.excluded;
    const before = await this.readManifest(outDir);
    const after: Manifest = { files: {} };
    const counts = { written: 0, reused: 0, removed: 0 };
    const put = async (rel: string, hash: string, make: () => Promise<Buffer | string>) => {
      const file = path.join(outDir, rel);
      const old = before.files[rel];
      if (old?.hash === hash && (await this.deps.storage.exists(file))) {
        after.files[rel] = old;
        counts.reused++;
        return;
      }
      const data = await make();
      await this.deps.storage.ensureDir(path.dirname(file));
      await this.deps.storage.writeAtomic(file, data);
      after.files[rel] = { hash, bytes: Buffer.byteLength(data) };
      counts.written++;
    };
    // Every character the pages and scripts show, gathered as they are made: the faces are cut to these.
    const used = new Set<string>();
    const text = (rel: string, content: string) => {
      for (const ch of content) if (ch.charCodeAt(0) > 0x2000) used.add(ch);
      return put(rel, sha(content), async () => content);
    };

    // Images first (the slow part), on every core; each made from the photo's bytes and what it carries. An
    // original that can no longer be read (damaged or gone since import) leaves the gallery, named, with its files.
    const unreadable = new Set<string>();
    control.setTotal(shown.photos.length);
    await control.pool(
      shown.photos.map((p) => p.view),
      async (p) => {
        control.working(p.title);
        const photo = catalog.photo(p.id)!;
        const source = this.deps.sources.sourceOf(photo);
        const xmp = buildWebXmp({
          title: p.title || null,
          creator: photo.photographer,
          credit: p.credit || null,
          people: p.workers.map((w) => w.name),
        });
        const fit = (edge: number) =>
          p.width >= p.height
            ? { w: Math.min(edge, p.width), h: Math.round((Math.min(edge, p.width) * p.height) / p.width) }
            : { w: Math.round((Math.min(edge, p.height) * p.width) / p.height), h: Math.min(edge, p.height) };
        const files = [
          [imagePath(p.id), WEB_EDGE, 86],
          [thumbPath(p.id), THUMB_EDGE, 78],
        ] as const;
        try {
          for (const [rel, edge, quality] of files) {
            const size = fit(edge);
            await put(rel, sha(`${photo.sha256}:${size.w}x${size.h}:${quality}:${xmp}`), () =>
              this.deps.sheets.photoJpeg(
                { file: source.file, crop: null, width: photo.width, height: photo.height, format: source.format },
                size.w,
                size.h,
                quality,
                xmp,
              ),
            );
          }
        } catch (err) {
          if (!isAppError(err) || !UNREADABLE.has(err.code)) throw err;
          unreadable.add(p.id);
          for (const [rel] of files) delete after.files[rel];
          excluded.push({
            photoId: p.id,
            ...reasonOf(msg('gallery.photoUnreadable', { name: photo.originalName, detail: err.message })),
          });
        }
        control.step();
      },
    );
    // Stopped by the user: no pages are made of half a gallery; the images written so far are noted, so the next
    // export reuses them instead of making them again.
    if (control.cancelled) {
      await this.deps.storage.writeAtomic(
        path.join(outDir, MANIFEST),
        JSON.stringify({ files: { ...before.files, ...after.files } }, null, 1),
      );
      return {
        index: path.join(outDir, 'index.html'),
        photos: 0,
        workers: 0,
        excluded,
        bytes: 0,
        ...counts,
        cancelled: true,
      };
    }
    const photos = shown.photos.filter((p) => !unreadable.has(p.view.id));
    const site = this.site(opts.exhibitionId ?? DEFAULT_EXHIBITION, baseUrl, photos.length);
    const workers = this.workersOf(photos);

    const views = photos.map((p) => p.view);
    for (const p of views) await text(photoPath(p.id), photoPage(site, p));
    for (const w of workers)
      await text(
        workerPath(w.id),
        workerPage(
          site,
          w,
          views.filter((p) => w.photoIds.includes(p.id)),
        ),
      );
    await text('data/search.js', searchData(workers, views));
    for (const asset of ['gallery.css', 'gallery.js'])
      await text(
        `assets/${asset}`,
        (await this.deps.storage.readFile(path.join(this.deps.assetsDir, asset))).toString('utf8'),
      );
    // The front page last of the pages, after everything it leads to (a killed export never leaves a front page
    // without its fonts); its own characters are known before it is written, so the faces carry them.
    const index = indexPage(site, views);
    for (const ch of index) if (ch.charCodeAt(0) > 0x2000) used.add(ch);
    // The gallery brings its own Chinese faces, cut to the characters its pages and search use.
    const chars = [...used].sort().join('') + FONT_BASICS;
    for (const [rel, family, weight] of [
      ['assets/sans.woff2', 'sans', 'normal'],
      ['assets/sans-bold.woff2', 'sans', 'bold'],
      ['assets/serif-bold.woff2', 'serif', 'bold'],
    ] as const)
      await put(rel, sha(`${family}:${weight}:${chars}`), () => this.deps.fonts(family, weight, chars));
    await text('index.html', index);

    // Pages and images of photos (and workers) that left the gallery go too.
    for (const rel of Object.keys(before.files)) {
      if (after.files[rel]) continue;
      await this.deps.storage.remove(path.join(outDir, rel)).catch(() => undefined);
      counts.removed++;
    }
    await this.deps.storage.writeAtomic(path.join(outDir, MANIFEST), JSON.stringify(after, null, 1));
    const bytes = Object.values(after.files).reduce((n, f) => n + f.bytes, 0);
    return {
      index: path.join(outDir, 'index.html'),
      photos: views.length,
      workers: workers.length,
      excluded,
      bytes,
      ...counts,
      cancelled: false,
    };
  }

  /**
   * What the gallery may show: the photos on the wall (or, with no plan yet, the chosen ones) in which every
   * tagged worker agreed to be exhibited, whose file is there; the rest with the reason.
   */
  private async shown(exhibitionId: string): Promise<{ photos: { view: GalleryPhoto }[]; excluded: ExcludedPhoto[] }> {
    const catalog = this.catalog;
    const exhibition = catalog.get('exhibitions', exhibitionId);
    const placed = exhibition?.boards.flatMap((b) => b.photos) ?? [];
    const numbers = new Map(placed.map((p) => [p.photoId, p.number]));
    const candidates: Photo[] = placed.length
      ? placed.map((p) => catalog.photo(p.photoId)).filter((p): p is Photo => !!p)
      : catalog.photos().filter((p) => p.flag !== 'rejected');
    const workers = new Map(catalog.all('workers').map((w) => [w.id, w]));
    const companies = new Map(catalog.all('companies').map((c) => [c.id, c]));
    const excluded: ExcludedPhoto[] = [];
    const photos: { view: GalleryPhoto }[] = [];
    // With a plan, the wall is the gallery: every other photo of the project is said to be left out, and why
    // (whoever in it did not agree first: that is the reason that matters most).
    if (placed.length) {
      const onWall = new Set(placed.map((p) => p.photoId));
      for (const photo of catalog.photos()) {
        if (onWall.has(photo.id)) continue;
        const rule = exhibitRule(photo.workers.map((id) => workers.get(id)).filter((w): w is Worker => !!w));
        const why =
          rule.reason ??
          msg(photo.flag === 'rejected' ? 'gallery.rejected' : 'gallery.notOnWall', { name: photo.originalName });
        excluded.push({ photoId: photo.id, ...reasonOf(why) });
      }
    }
    for (const photo of candidates) {
      const people = photo.workers.map((id) => workers.get(id)).filter((w): w is Worker => !!w);
      const rule = exhibitRule(people);
      if (rule.rule !== 'yes') {
        excluded.push({ photoId: photo.id, ...reasonOf(rule.reason) });
        continue;
      }
      const source = this.deps.sources.sourceOf(photo);
      if (!(await this.deps.storage.exists(source.file))) {
        excluded.push({
          photoId: photo.id,
          ...reasonOf(msg('gallery.photoMissing', { name: photo.originalName, path: source.file })),
        });
        continue;
      }
      const one = people.length === 1 ? people[0]! : null;
      const v = this.deps.captions.of(photo, one);
      const company = photo.companyId ? companies.get(photo.companyId) : undefined;
      photos.push({
        view: {
          id: photo.id,
          number: numbers.get(photo.id) ?? null,
          title: photo.title || people.map((w) => w.name).join('、') || (v['company.short'] ?? ''),
          who: fillTemplate(
            people.length
              ? photo.title
                ? '{worker.name} · {worker.craft} · {company.short}'
                : '{worker.craft} · {company.short}'
              : '{company.short}',
            v,
          ),
          quote: one?.quote ?? null,
          credit: fillTemplate('{photographer.credit} · {photo.date}', v),
          company: company?.shortName || v['company.short'] || photo.company,
          photographer: photo.photographer,
          workers: people.map((w) => ({ id: w.id, name: w.name })),
          width: photo.width,
          height: photo.height,
        },
      });
    }
    photos.sort((a, b) =>
      (a.view.number ?? '\uffff').localeCompare(b.view.number ?? '\uffff', 'zh-CN', { numeric: true }),
    );
    return { photos, excluded };
  }

  private workersOf(photos: { view: GalleryPhoto }[]): GalleryWorker[] {
    const catalog = this.catalog;
    const byId = new Map<string, GalleryWorker>();
    for (const { view } of photos)
      for (const w of view.workers) {
        const worker = catalog.get('workers', w.id)!;
        const company = worker.companyId ? catalog.get('companies', worker.companyId) : undefined;
        const entry = byId.get(w.id) ?? {
          id: w.id,
          name: worker.name,
          pinyin: worker.pinyin,
          company: company?.shortName || company?.name || null,
          photoIds: [],
        };
        entry.photoIds.push(view.id);
        byId.set(w.id, entry);
      }
    return [...byId.values()].sort((a, b) => a.pinyin.localeCompare(b.pinyin));
  }

  private site(exhibitionId: string, baseUrl: string | null, shown: number): GallerySite {
    const exhibition = this.catalog.get('exhibitions', exhibitionId);
    const campaign = this.deps.campaign.campaign();
    const figures = exhibition ? this.deps.campaign.figures(exhibition) : null;
    return {
      title: exhibition?.title ?? campaign.theme,
      subtitle: exhibition?.subtitle ?? campaign.theme,
      organizers: exhibition?.organizers ?? campaign.organizer,
      figures: [
        ['名摄影师', figures?.photographers ?? 0],
        ['家企业', figures?.companies ?? 0],
        ['天拍摄', figures?.days ?? 0],
        ['张照片在这里', shown],
      ],
      baseUrl,
    };
  }

  private async readManifest(dir: string): Promise<Manifest> {
    try {
      const m = JSON.parse((await this.deps.storage.readFile(path.join(dir, MANIFEST))).toString('utf8')) as Manifest;
      return m && typeof m.files === 'object' ? m : { files: {} };
    } catch {
      return { files: {} };
    }
  }
}

/** A photo whose original fails in one of these ways is left out of the gallery (named); anything else stops the export. */
const UNREADABLE = new Set<string>(['DAMAGED', 'CORRUPT', 'NOT_FOUND']);

/** Why a worker's name is not in the gallery, by their consent (one who agreed has no photo that may be shown). */
const WITHHELD = {
  declined: 'gallery.worker.declined',
  'gift-only': 'gallery.worker.giftOnly',
  unknown: 'gallery.worker.unasked',
  exhibit: 'gallery.worker.noPhoto',
} as const;

/** Latin letters, digits and punctuation, always in the faces (names typed in pinyin, numbers, dates). */
const FONT_BASICS =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') +
  '\u00b7\u3001\u3002\uff0c\uff1a\uff1b\uff01\uff1f\u201c\u201d\u2018\u2019\uff08\uff09\u300a\u300b\u2026\u2014';
const sha = (s: string) => createHash('sha1').update(s).digest('hex');
