import { AppError } from '../../../shared/errors';
import { msg, type Message } from '../../../shared/i18n/messages';
import { findTruncation, truncationMessage } from '../../../shared/logic/photo-integrity';

/**
 * How strictly the image repositories decode a photo, and what they call a photo that is not whole: shared by
 * every place that decodes one (import, the 100% view, prints, the face helper follows the same rule), so a
 * file refused at import is refused the same way when it is printed.
 *
 * Measured on the team's camera files (../shared/photos, every one decodes at every level) and on cuts and
 * damage made from them:
 * - JPEG: a truncation is an error at every level (and is found first by its structure, see findTruncation), but
 *   damage in the middle (a corrupt restart interval, a run of bytes that are not JPEG data) reaches libjpeg only
 *   as a warning ("Corrupt JPEG data: premature end of data segment", "… extraneous bytes before marker 0xd6"):
 *   JPEG is decoded at sharp's `warning` level.
 * - PNG, TIFF, WebP, AVIF: `error`. libpng fails on a short or broken zlib stream and a bad CRC already; libtiff
 *   warns about things a good file holds (private tags, a profile it skips), so `warning` would refuse good scans.
 *   A truncation is found before decoding, by the file's own structure (findTruncation).
 * - HEIF: its decoder paints what is missing green and says nothing; only the structure can tell.
 */
export type Strictness = 'warning' | 'error';

/** The sharp `failOn` level for a format as sharp names it (`jpeg`, `png`, `tiff`, `webp`, `heif` …). */
export function strictness(format: string | undefined): Strictness {
  return format === 'jpeg' ? 'warning' : 'error';
}

/** A photo file whose structure says it is cut short is refused before any decoder paints the rest. */
export function assertWhole(bytes: Uint8Array, label: string): void {
  const cut = findTruncation(bytes);
  if (cut) throw damaged(label, truncationMessage(cut), { truncation: cut });
}

/** DAMAGED, named: `{name}: truncated: the file ends before the picture does (…)`. */
export function damaged(label: string, reason: Message, details?: unknown): AppError {
  return new AppError('DAMAGED', msg('import.damaged', { name: label, reason }), details);
}

/** libjpeg's, libvips' and libheif's ways of saying the data stopped early. */
const TRUNCATED =
  /premature end of (jpeg|input)|unexpected end of (file|data|input)|not enough data|end of file|truncat|bad seek|read error on (strip|tile)/i;

/**
 * What a decoder's complaint about pixel data means: the file ends too soon, or its data is broken part-way. With
 * several pictures decoding at once, sharp may hand over only "Warning treated as error" (libvips keeps its
 * warnings in one queue for the process): the failure is this picture's, the words may be lost, and then none
 * are quoted.
 */
export function damageReason(complaint: string): Message {
  const said = complaint
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/treated as error|^read gave \d+ warnings?$|^error in tile/i.test(l));
  if (TRUNCATED.test(complaint)) return msg('damage.truncated', { detail: said[0] ?? complaint.trim() });
  return said.length ? msg('damage.broken', { detail: said[0]! }) : msg('damage.brokenUnsaid');
}

/** Whether a decoder's complaint says the file ends too soon. */
export function saysTruncated(complaint: string): boolean {
  return TRUNCATED.test(complaint);
}

/** The reason of a DAMAGED error, to say it again in another frame (a print, the face job). */
export function reasonOf(err: AppError): Message {
  const reason = err.params?.reason;
  return typeof reason === 'object' ? reason : msg('damage.broken', { detail: err.message });
}
