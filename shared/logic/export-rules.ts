import { msg, type Message } from '../i18n/messages';
import type { ExportOptions, Resolution } from '../model/gift';

export type { Resolution };

/** Below this, a gift would print visibly soft: refused unless the user says to go ahead. */
export const PPI_REFUSE = 150;
/** Below this (and at or above the refusal), it is printed with a warning. */
export const PPI_WARN = 200;

export function resolutionOf(ppi: number): Resolution {
  return ppi < PPI_REFUSE ? 'refused' : ppi < PPI_WARN ? 'low' : 'ok';
}

/**
 * What a print shop's request asks for that the files cannot honour, said before anything is written: the app
 * never silently gives something else (sRGB when CMYK was asked, marks that make a minilab print small).
 */
export function refusedOptions(
  o: Pick<ExportOptions, 'format' | 'cmyk' | 'marks' | 'rasterMarks' | 'impose'>,
): Message | null {
  if (o.cmyk && o.format !== 'tiff') return msg('export.cmykNeedsTiff', { format: o.format.toUpperCase() });
  // Crop marks make a raster file larger than the paper; a minilab that fits it to the paper prints the gift small.
  if (o.marks && o.format !== 'pdf' && !o.rasterMarks && !o.impose)
    return msg('export.marksInPdf', { format: o.format.toUpperCase() });
  return null;
}
