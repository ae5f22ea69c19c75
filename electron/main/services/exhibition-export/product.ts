import type { Exhibition, ExhibitionExportOptions, ExhibitionExportResult } from '../../../../shared/model/exhibition';
import type { JobControl } from '../jobs.service';

/** One print product of an exhibition (boards, labels, catalogue, name list, summary card): its files, written whole. */
export interface ExhibitionProduct {
  /** Writes the product's files into `result.outDir`, lists them in `result`, and names what could not print. */
  write(
    exhibition: Exhibition,
    opts: ExhibitionExportOptions,
    result: ExhibitionExportResult,
    control: JobControl,
  ): Promise<void>;
}
