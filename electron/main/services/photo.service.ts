import path from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  comparePhotos,
  facetsOf,
  matchesFilter,
  type PhotoFacets,
  type PhotoFilter,
  type PhotoSort,
} from '../../../shared/logic/photo-filter';
import { displayPath } from '../../../shared/logic/file-path';
import type { ImageRepository } from '../repositories/image.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import { cachePaths } from './import.service';
import type { HistoryLabel } from '../../../shared/model/history';
import type { Flag, MediaKind, Photo } from '../../../shared/model/photo';
import type { EventBus } from '../events';
import type { HistoryService } from './history.service';
import type { ProjectSession } from './project-session';
import { msg } from '../../../shared/i18n/messages';

interface PhotoDeps {
  session: ProjectSession;
  events: EventBus;
  history: HistoryService;
  image: ImageRepository;
  storage: StorageRepository;
}

/** Full-size renders are large: the loupe keeps the last few, not one per photo. */
const FULL_RENDERS_KEPT = 12;

/** The library: list, filter and cull the photos of the open project. */
export class PhotoService {
  constructor(private readonly deps: PhotoDeps) {}

  list(filter: PhotoFilter = {}, sort?: PhotoSort): Photo[] {
    const catalog = this.deps.session.require();
    const ctx = { workers: new Map(catalog.all('workers').map((w) => [w.id, w])) };
    return catalog
      .photos()
      .filter((p) => matchesFilter(p, filter, ctx))
      .sort(comparePhotos(sort));
  }

  /**
   * The photo upright at its full size, rendered from the original on first use (the loupe's 100% view), cached
   * in the project. The original must be reachable: a card that was taken out is named, not guessed at.
   */
  async full(id: string): Promise<{ width: number; height: number }> {
    const catalog = this.deps.session.require();
    const photo = this.get(id);
    const target = path.join(catalog.dir, cachePaths(id).full);
    if (!(await this.deps.storage.exists(target))) {
      const source = photo.renderSource ? path.join(catalog.dir, photo.renderSource) : photo.path;
      if (!(await this.deps.storage.exists(source)))
        throw new AppError(
          'NOT_FOUND',
          msg('photo.originalMissing', { name: photo.originalName, path: displayPath(source) }),
        );
      const bytes = await this.deps.storage.readFile(source);
      await this.deps.storage.ensureDir(path.dirname(target));
      await this.deps.image.renderFull(
        bytes,
        photo.renderSource ? 'jpeg' : photo.format,
        photo.originalName,
        target,
        photo.orientation,
      );
      await this.deps.storage.keepNewest(path.dirname(target), FULL_RENDERS_KEPT);
    }
    return { width: photo.width, height: photo.height };
  }

  get(id: string): Photo {
    const photo = this.deps.session.require().photo(id);
    if (!photo) throw new AppError('NOT_FOUND', msg('photo.notFound', { id }));
    return photo;
  }

  facets(): PhotoFacets {
    return facetsOf(this.deps.session.require().photos());
  }

  setRating(ids: string[], rating: number): Photo[] {
    return this.update(
      ids,
      { rating },
      { zh: `${ids.length} 张照片设为 ${rating} 星`, en: `Rated ${ids.length} photo(s) ${rating}★` },
    );
  }

  setFlag(ids: string[], flag: Flag): Photo[] {
    const zh = flag === 'picked' ? '留用' : flag === 'rejected' ? '排除' : '取消标记';
    return this.update(
      ids,
      { flag },
      { zh: `${ids.length} 张照片${zh}`, en: `${flag ?? 'unflagged'}: ${ids.length} photo(s)` },
    );
  }

  /** Absolute path of a cached image, for the media route; undefined when the photo has none of that kind. */
  mediaFile(id: string, kind: MediaKind): string | undefined {
    const catalog = this.deps.session.current;
    const photo = catalog?.photo(id);
    if (!catalog || !photo) return undefined;
    const rel =
      kind === 'thumb'
        ? (photo.thumbnail ?? photo.embeddedThumbnail)
        : kind === 'preview'
          ? (photo.preview ?? photo.thumbnail)
          : kind === 'full'
            ? cachePaths(id).full
            : photo.embeddedThumbnail;
    return rel ? path.join(catalog.dir, rel) : undefined;
  }

  private update(ids: string[], patch: Partial<Photo>, label: HistoryLabel): Photo[] {
    const catalog = this.deps.session.require();
    const unknown = ids.filter((id) => !catalog.photo(id));
    if (unknown.length)
      throw new AppError('NOT_FOUND', msg('photo.notFoundMany', { ids: unknown.slice(0, 5).join(', ') }), {
        ids: unknown,
      });
    return this.deps.history.record(label, () => catalog.updatePhotos(ids, patch));
  }
}
