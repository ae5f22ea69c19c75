import { AppError } from '../../../shared/errors';
import type { CatalogRepository } from '../repositories/catalog.repository';
import { msg } from '../../../shared/i18n/messages';

/** The project this process has open. One at a time, like a Lightroom catalog. */
export class ProjectSession {
  private catalog: CatalogRepository | null = null;

  get current(): CatalogRepository | null {
    return this.catalog;
  }

  require(): CatalogRepository {
    if (!this.catalog) throw new AppError('NO_PROJECT', msg('project.none'));
    return this.catalog;
  }

  /** Closes the open project (saving it and letting go of its lock) and makes `next` the open one. */
  async replace(next: CatalogRepository | null): Promise<void> {
    const previous = this.catalog;
    this.catalog = next;
    if (previous && previous !== next) await previous.close();
  }
}
