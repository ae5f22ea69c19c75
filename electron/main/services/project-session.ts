import { AppError } from '../../../shared/errors';
import type { CatalogRepository } from '../repositories/catalog.repository';

/** The project this process has open. One at a time, like a Lightroom catalog. */
export class ProjectSession {
  private catalog: CatalogRepository | null = null;

  get current(): CatalogRepository | null {
    return this.catalog;
  }

  require(): CatalogRepository {
    if (!this.catalog) throw new AppError('NO_PROJECT', 'No project is open: create or open one first');
    return this.catalog;
  }

  async replace(next: CatalogRepository | null): Promise<void> {
    if (this.catalog && this.catalog !== next) await this.catalog.flush();
    this.catalog = next;
  }
}
